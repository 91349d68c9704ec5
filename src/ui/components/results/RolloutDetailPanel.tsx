import type { RunRecord } from '../../../core/schema/run';

export interface RolloutDetailPanelProps {
  run: RunRecord;
  rolloutKey: string;
  onClose: () => void;
}

// Stub: being built (issue 4, rollout detail).
export function RolloutDetailPanel({ rolloutKey, onClose }: RolloutDetailPanelProps) {
  return (
    <aside data-testid="rollout-detail">
      Rollout {rolloutKey}{' '}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
