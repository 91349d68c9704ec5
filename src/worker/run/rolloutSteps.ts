// The steps of one rollout: generate, then score the way its benchmark says (a judge jury, a rubric
// grader, or an exact answer: juryStep / rubricStep / exactStep). Every answer is written through the
// run's journal and committed before anything that depends on it is written (and before the rollout
// counts as finished), so a crash loses at most the requests in flight, and a resume skips
// everything already stored.
import { AppError } from '../../core/errors';
import type { RolloutRecord } from '../../core/schema/run';
import { callEndpoint } from './callEndpoint';
import { scoreExact } from './exactStep';
import { judgeRollout } from './juryStep';
import { gradeRollout } from './rubricStep';
import { journalAfter } from './rolloutJournal';
import { callError, save, stopsTheRun, type StepContext } from './stepContext';

export type { StepContext } from './stepContext';

/**
 * The rollout with its generation: the stored one, or a new one (not yet stored). Null when the
 * request failed for this rollout alone (the failure is stored). A rollout is not marked while its
 * request is in flight: a crash leaves it pending, which is what a resume needs.
 */
async function generate(ctx: StepContext, rollout: RolloutRecord): Promise<RolloutRecord | null> {
  if (rollout.generation !== undefined) return rollout;
  try {
    const outcome = await callEndpoint(ctx.model, ctx, rollout.prompt, rollout.rollout_index);
    ctx.progress.hasSucceeded = true;
    return { ...rollout, status: 'judging', generation: { ...outcome, finishedAt: ctx.now() } };
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError('unknown', String(error));
    // Cancelled or run-stopping: nothing was stored for this request, so the rollout stays pending.
    if (appError.kind === 'aborted' || stopsTheRun(appError, ctx.progress)) throw appError;
    await save(ctx, rollout, (r) => ({
      ...r,
      status: 'error',
      error: { ...callError(appError), stage: 'generation' },
    }));
    return null;
  }
}

/**
 * Runs the remaining requests of one rollout; resolves once every answer is committed. Throws
 * (aborted or run-stopping) AppErrors, and storage failures.
 */
export async function advanceRollout(ctx: StepContext, start: RolloutRecord): Promise<void> {
  const rollout = await generate(ctx, start);
  if (rollout === null) return;
  const isNew = start.generation === undefined;
  const scoring = ctx.env.scoring;
  // Code scoring writes the generation and its score together: nothing else depends on it.
  if (scoring.kind === 'exact') return scoreExact(ctx, rollout, scoring);
  const score = (stepCtx: StepContext) =>
    scoring.kind === 'jury'
      ? judgeRollout(stepCtx, rollout)
      : gradeRollout(stepCtx, rollout, scoring);
  if (!isNew) return score(ctx);
  // The judges or the grader are asked while the answer they read is being stored, but what they
  // answer is written only after it (the same journal, in order): a closed tab still loses at most the
  // requests in flight, and a failed write of the answer stores none of its scoring.
  const { generation } = rollout;
  const stored = save(ctx, rollout, (r) => ({ ...r, status: 'judging', generation }));
  await Promise.all([stored, score({ ...ctx, journal: journalAfter(ctx.journal, stored) })]);
}
