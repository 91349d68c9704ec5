import type { RunRecord } from '../../../../core/schema/run';

// Stub: being built (issue 4, export).
export function ExportMenu({ run }: { run: RunRecord }) {
  return <div data-testid="export-menu">{run.id}</div>;
}
