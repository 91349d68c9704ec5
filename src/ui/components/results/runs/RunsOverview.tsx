// Stub: being built (issue 4, runs list).
export function RunsOverview({ selectedRunId }: { selectedRunId: string | null }) {
  return <section data-testid="runs-overview">{selectedRunId ?? 'no run selected'}</section>;
}
