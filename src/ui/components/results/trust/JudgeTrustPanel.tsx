import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';

export interface JudgeTrustPanelProps {
  run: RunRecord;
  rows: RolloutRow[];
}

// Stub: being built (issue 4, judge agreement).
export function JudgeTrustPanel({ rows }: JudgeTrustPanelProps) {
  return <section data-testid="judge-trust">{rows.length} rollouts</section>;
}
