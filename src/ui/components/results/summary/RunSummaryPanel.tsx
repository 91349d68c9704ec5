import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';

export interface RunSummaryPanelProps {
  run: RunRecord;
  rows: RolloutRow[];
}

// Stub: being built (issue 4, summary and pictures).
export function RunSummaryPanel({ rows }: RunSummaryPanelProps) {
  return <section data-testid="run-summary">{rows.length} rollouts</section>;
}
