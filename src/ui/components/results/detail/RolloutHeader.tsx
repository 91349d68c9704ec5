import type { RolloutRecord } from '../../../../core/schema/run';
import { costText, errorText, latencyText, scoreText, sumKnown, tokensText } from './detailFormat';

/** The rollout's identity, outcome and costs, and why it failed or has no score. */
export function RolloutHeader({ rollout }: { rollout: RolloutRecord }) {
  const { generation, error } = rollout;
  const judgeCost = sumKnown(rollout.judges.map((call) => call?.costUsd));
  const facts: [string, string][] = [
    ['Example', String(rollout.example_id)],
    ['Rollout', String(rollout.rollout_index)],
    ['File', rollout.exampleKey],
    ['Section', rollout.section ?? '—'],
    ['Status', rollout.status],
    ['Reward', scoreText(rollout.score?.reward)],
    ['Jury score (1–5)', scoreText(rollout.score?.jury_score, 2)],
    ['Tokens', tokensText(generation?.usage)],
    ['Latency', latencyText(generation?.latencyMs)],
    ['Cost (model)', costText(generation?.costUsd)],
    ['Cost (judges)', costText(judgeCost)],
  ];
  return (
    <>
      <dl className="summary rd-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {error !== undefined && (
        <div className="banner banner-error" role="alert">
          <p>
            <strong>{error.stage === 'generation' ? 'Generation failed' : 'Judging failed'}</strong>{' '}
            — {errorText(error)}
          </p>
          {error.nextStep !== undefined && <p>{error.nextStep}</p>}
        </div>
      )}
      {rollout.unscoredReason !== undefined && (
        <p className="banner">
          <strong>Unscored</strong> — {rollout.unscoredReason}
        </p>
      )}
    </>
  );
}
