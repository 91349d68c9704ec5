import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';

// Stub: being built (issue 4, run header with reproducibility, rename, duplicate, delete).
export function RunHeader({ run }: { run: RunRecord; rows: RolloutRow[] }) {
  return <h2 data-testid="run-header">{run.name}</h2>;
}
