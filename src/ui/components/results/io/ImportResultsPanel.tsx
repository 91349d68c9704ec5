// Stub: being built (issue 4, import).
export function ImportResultsPanel({ onImported }: { onImported: (runId: string) => void }) {
  return (
    <button type="button" data-testid="import-results" onClick={() => onImported('')}>
      Import results
    </button>
  );
}
