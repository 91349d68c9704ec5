// Scoring in code: the response is read and matched against the example's gold answer; no further
// request. A choice verdict is reward 1 or 0; an env with its own scoring (MedCalc, SCT…) gives its
// reward. The generation and its score are written in one change.
import { rewardOnlyScore, toEnvExample } from '../../core/envs/storedExample';
import type { ExactScoring } from '../../core/envs/types';
import type { RolloutRecord } from '../../core/schema/run';
import { save, type StepContext } from './stepContext';

export async function scoreExact(
  ctx: StepContext,
  rollout: RolloutRecord,
  scoring: ExactScoring<Record<string, unknown>>,
): Promise<void> {
  const { generation } = rollout;
  const envScore = scoring.score(
    generation?.content ?? '',
    toEnvExample(ctx.example),
    ctx.envSettings,
  );
  const score = rewardOnlyScore(
    envScore.kind === 'reward' ? envScore.reward : envScore.correct ? 1 : 0,
  );
  await save(ctx, rollout, (r) => ({ ...r, generation, status: 'done', envScore, score }));
}
