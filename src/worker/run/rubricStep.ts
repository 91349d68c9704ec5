// Rubric scoring (HealthBench): one grader call per rubric item, a bounded number in flight per
// rollout. Every grade is stored as it arrives, so a resumed run asks only the items still missing. A
// reply without a verdict is asked again a bounded number of times, then stored as unparseable:
// visible, never counted as "not met".
import { AppError, toAppError } from '../../core/errors';
import { rewardOnlyScore, toEnvExample } from '../../core/envs/storedExample';
import type { EnvExample, RubricGrade, RubricItem, RubricScoring } from '../../core/envs/types';
import type { RolloutRecord } from '../../core/schema/run';
import { callEndpoint, type CallOutcome } from './callEndpoint';
import { callError, save, stopsTheRun, type StepContext } from './stepContext';

type Scoring = RubricScoring<Record<string, unknown>>;

interface GradeJob {
  example: EnvExample;
  reply: string;
  item: RubricItem;
}

function sumUsage(outcomes: readonly CallOutcome[]): RubricGrade['usage'] {
  const known = outcomes.flatMap((o) => (o.usage === null ? [] : [o.usage]));
  if (known.length === 0) return null;
  return {
    inputTokens: known.reduce((a, u) => a + u.inputTokens, 0),
    outputTokens: known.reduce((a, u) => a + u.outputTokens, 0),
  };
}

function gradeFrom(
  ctx: StepContext,
  outcomes: CallOutcome[],
  verdict: ReturnType<Scoring['parseGrade']>,
): RubricGrade {
  const last = outcomes[outcomes.length - 1];
  const costs = outcomes.map((o) => o.costUsd);
  return {
    status: verdict.met === null ? 'unparseable' : verdict.met ? 'met' : 'not_met',
    explanation: verdict.explanation,
    raw: last?.content ?? null,
    attempts: outcomes.reduce((a, o) => a + o.attempts, 0),
    latencyMs: outcomes.reduce((a, o) => a + o.latencyMs, 0),
    usage: sumUsage(outcomes),
    costUsd: costs.some((c) => c === null) ? null : costs.reduce<number>((a, c) => a + (c ?? 0), 0),
    cached: outcomes.every((o) => o.cached),
    finishedAt: ctx.now(),
  };
}

/** Asks the grader about one item, again (up to the env's limit) while the reply has no verdict. */
async function gradeItem(ctx: StepContext, scoring: Scoring, job: GradeJob): Promise<RubricGrade> {
  const grader = ctx.judges[0];
  if (grader === undefined) throw new AppError('bad_request', 'This run has no grader endpoint.');
  const messages = scoring.graderMessages(job.example, job.reply, job.item, ctx.envSettings);
  const hasVerdict = (content: string) => scoring.parseGrade(content).met !== null;
  const outcomes: CallOutcome[] = [];
  try {
    for (let attempt = 0; attempt < Math.max(1, scoring.attempts(ctx.envSettings)); attempt++) {
      // A different sample index per attempt, so a cached reply is never served for a re-ask.
      const outcome = await callEndpoint(grader, ctx, messages, attempt, hasVerdict);
      ctx.progress.hasSucceeded = true;
      outcomes.push(outcome);
      if (hasVerdict(outcome.content)) break;
    }
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'aborted' || stopsTheRun(appError, ctx.progress)) throw appError;
    return {
      ...gradeFrom(ctx, outcomes, { met: null, explanation: null }),
      status: 'error',
      error: callError(appError),
      attempts: outcomes.reduce((a, o) => a + o.attempts, 0) + (appError.attempts ?? 1),
    };
  }
  return gradeFrom(ctx, outcomes, scoring.parseGrade(outcomes[outcomes.length - 1]?.content ?? ''));
}

/** The rollout with its rubric score: done, or unscored with the reason when items lack a verdict. */
function finish(
  scoring: Scoring,
  example: EnvExample,
  items: RubricItem[],
  r: RolloutRecord,
): RolloutRecord {
  const grades = (r.grades ?? []).filter((g): g is RubricGrade => g !== null);
  if (grades.length !== items.length) return r;
  const envScore = scoring.score(example, items, grades);
  const reward = envScore.raw === null ? null : scoring.reward(envScore);
  const score = rewardOnlyScore(reward);
  if (reward !== null) return { ...r, status: 'done', envScore, score };
  const reason = `${envScore.unparseable} rubric item(s) without a verdict, ${envScore.failed} failed`;
  return { ...r, status: 'unscored', envScore, score, unscoredReason: reason };
}

/**
 * Grades every rubric item not graded yet, `concurrency` at a time, each grade stored as it arrives,
 * then scores the rollout; resolves once all is stored.
 */
export async function gradeRollout(
  ctx: StepContext,
  rollout: RolloutRecord,
  scoring: Scoring,
): Promise<void> {
  const example = toEnvExample(ctx.example);
  const items = scoring.items(example);
  const reply = rollout.generation?.content ?? '';
  const slots = rollout.grades?.length === items.length ? rollout.grades : items.map(() => null);
  const missing = items.flatMap((_, index) => (slots[index] ? [] : [index]));
  let failure: unknown;
  let next = 0;
  const lane = async () => {
    for (let index = missing[next++]; index !== undefined; index = missing[next++]) {
      if (failure !== undefined || ctx.signal.aborted) return;
      const item = items[index];
      if (item === undefined) continue;
      try {
        const grade = await gradeItem(ctx, scoring, { example, reply, item });
        await save(ctx, rollout, (r) => withGrade(r, items.length, index, grade));
      } catch (error) {
        failure ??= error;
      }
    }
  };
  const width = Math.min(
    Math.max(1, scoring.concurrency(ctx.envSettings)),
    Math.max(1, missing.length),
  );
  await Promise.all(Array.from({ length: width }, lane));
  if (failure !== undefined) throw toAppError(failure);
  await save(ctx, rollout, (r) => finish(scoring, example, items, r));
}

function withGrade(
  r: RolloutRecord,
  count: number,
  index: number,
  grade: RubricGrade,
): RolloutRecord {
  const grades =
    r.grades?.length === count ? [...r.grades] : Array.from({ length: count }, () => null);
  grades[index] = grade;
  return { ...r, grades };
}
