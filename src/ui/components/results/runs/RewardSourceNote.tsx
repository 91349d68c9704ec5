import type { RewardSource } from '../../../../core/results/rewardSource';

/** For a run whose rewards were read from a file: whose they are and how medeval reads them. */
export function RewardSourceNote({ source }: { source: RewardSource | null }) {
  if (source?.readFromFile !== true) return null;
  return (
    <p className="muted small" data-testid="run-reward-source">
      Reward {source.label}. {source.reproduces}
    </p>
  );
}
