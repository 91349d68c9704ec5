// The steps of one rollout: generate, then ask every judge (concurrently), then score. Each step's
// result is written in its own transaction before the next starts, so a crash loses at most the
// requests in flight, and a resume skips everything already stored.
import { AppError, type AppErrorKind } from '../../core/errors';
import {
  EMPTY_RESPONSE_VERDICT,
  isEmptyResponse,
  judgeScore,
  parseJudgeReply,
  scoreRollout,
} from '../../core/envs/mtsamples/judge';
import { fillJudgeTemplate } from '../../core/envs/mtsamples/judgeTemplate';
import { judgeVisibleText } from '../../core/envs/mtsamples/prompt';
import type { CallError, JudgeCall, RolloutRecord, RunSettings } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { updateRollout } from '../../data/runStore';
import { callEndpoint, type CallContext, type EndpointContext } from './callEndpoint';

/** Failures that retrying cannot fix and that every later request would repeat: stop the run. */
const RUN_STOPPING_KINDS: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>(['auth', 'not_found']);

/**
 * Whether a failure stops the whole run. A bad key or an unknown model fails every request. A 400 does
 * too when the configuration is wrong (an unsupported parameter), which shows on the first requests;
 * once any request of this run has succeeded, a 400 is about one example (say, context too long) and
 * is recorded on that rollout, so it cannot block every resume.
 */
export function stopsTheRun(error: AppError, progress: RunProgress): boolean {
  if (error.kind === 'bad_request') return !progress.hasSucceeded;
  return RUN_STOPPING_KINDS.has(error.kind);
}

/** Shared by the lanes of one execution of a run. */
export interface RunProgress {
  hasSucceeded: boolean;
}

export interface StepContext extends CallContext {
  db: MedevalDb;
  progress: RunProgress;
  settings: RunSettings;
  model: EndpointContext;
  judges: EndpointContext[];
  /** The example's patient notes and reference plan, for the judge prompt. */
  example: { question: string; answer: string };
}

function callError(error: AppError): CallError {
  return {
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.host === undefined ? {} : { host: error.host }),
    ...(error.nextStep === undefined ? {} : { nextStep: error.nextStep }),
    ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
  };
}

function save(
  ctx: StepContext,
  rollout: RolloutRecord,
  change: (r: RolloutRecord) => RolloutRecord,
) {
  return updateRollout(ctx.db, rollout.runId, rollout.key, (current) => ({
    ...change(current),
    updatedAt: ctx.now(),
  }));
}

interface Generated {
  rollout: RolloutRecord;
  /** The generation's write; later writes of this rollout wait for it, so the journal stays in order. */
  saved: Promise<unknown>;
}

/** Generates the response unless one is stored. Returns the rollout with it, or null if it failed. */
async function generate(ctx: StepContext, rollout: RolloutRecord): Promise<Generated | null> {
  if (rollout.generation !== undefined) return { rollout, saved: Promise.resolve() };
  // The lane does not wait for this mark: IndexedDB applies it before the next write of the same
  // rollout, and awaiting it after the request costs nothing (scheduling bench, issue 3).
  const marked = save(ctx, rollout, (r) => ({ ...r, status: 'generating' }));
  try {
    const outcome = await callEndpoint(ctx.model, ctx, rollout.prompt, rollout.rollout_index);
    ctx.progress.hasSucceeded = true;
    const generation = { ...outcome, finishedAt: ctx.now() };
    // Judges start on the text in memory at once; the write goes on beside them (scheduling bench).
    const saved = marked.then(() =>
      save(ctx, rollout, (r) => ({ ...r, status: 'judging', generation })),
    );
    return { rollout: { ...rollout, status: 'judging', generation }, saved };
  } catch (error) {
    await marked;
    const appError = error instanceof AppError ? error : new AppError('unknown', String(error));
    if (appError.kind === 'aborted' || stopsTheRun(appError, ctx.progress)) {
      await save(ctx, rollout, (r) => ({ ...r, status: 'pending' }));
      throw appError;
    }
    await save(ctx, rollout, (r) => ({
      ...r,
      status: 'error',
      error: { ...callError(appError), stage: 'generation' },
    }));
    return null;
  }
}

/** Asks one judge and stores its call; returns the rollout as stored (undefined if nothing was asked). */
async function askJudge(
  ctx: StepContext,
  generationSaved: Promise<unknown>,
  rollout: RolloutRecord,
  index: number,
): Promise<{ stored: Promise<RolloutRecord | undefined> }> {
  const judge = ctx.judges[index];
  const generation = rollout.generation;
  if (judge === undefined || generation === undefined)
    return { stored: Promise.resolve(undefined) };
  const prompt = fillJudgeTemplate(ctx.settings.judgeTemplate, {
    patient_notes: ctx.example.question,
    response: judgeVisibleText(generation.content, ctx.settings.judgeSees),
    reference: ctx.example.answer,
  });
  let call: JudgeCall;
  try {
    const outcome = await callEndpoint(
      judge,
      ctx,
      [{ role: 'user', content: prompt }],
      0,
      (content) => judgeScore(parseJudgeReply(content)) !== null,
    );
    ctx.progress.hasSucceeded = true;
    const parsed = parseJudgeReply(outcome.content);
    call = {
      judgeIndex: index,
      model: judge.endpoint.model,
      raw: outcome.content,
      parsed,
      score: judgeScore(parsed, ctx.settings.normalisation),
      usage: outcome.usage,
      costUsd: outcome.costUsd,
      latencyMs: outcome.latencyMs,
      attempts: outcome.attempts,
      cached: outcome.cached,
      finishedAt: ctx.now(),
    };
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError('unknown', String(error));
    if (appError.kind === 'aborted' || stopsTheRun(appError, ctx.progress)) throw appError;
    call = {
      judgeIndex: index,
      model: judge.endpoint.model,
      raw: null,
      parsed: null,
      score: null,
      error: callError(appError),
      usage: null,
      costUsd: null,
      latencyMs: 0,
      attempts: appError.attempts ?? 1,
      cached: false,
      finishedAt: ctx.now(),
    };
  }
  // Written after the generation (journal order), without holding up the caller. The last judge to
  // answer scores the rollout in the same write: one transaction fewer per rollout.
  const stored = generationSaved.then(() =>
    save(ctx, rollout, (r) => {
      const judges = [...r.judges];
      judges[index] = call;
      const next = { ...r, judges };
      return judges.every((slot) => slot !== null) ? scored(ctx, next) : next;
    }),
  );
  return { stored };
}

/** The rollout with its score: done, or unscored (with the reason) when no judge gave one. */
function scored(ctx: StepContext, r: RolloutRecord): RolloutRecord {
  const score = scoreRollout(
    r.judges.map((call) => call?.parsed ?? null),
    { normalisation: ctx.settings.normalisation },
  );
  return score.reward === null
    ? { ...r, status: 'unscored', score, unscoredReason: unscoredReason(r.judges) }
    : { ...r, status: 'done', score };
}

function unscoredReason(judges: readonly (JudgeCall | null)[]): string {
  return judges
    .map((call, index) => {
      if (call === null) return `judge ${index + 1}: no answer`;
      if (call.error !== undefined) return `judge ${index + 1}: ${call.error.message}`;
      return `judge ${index + 1}: no readable score (${call.parsed?.problems.join('; ') ?? 'unparsed'})`;
    })
    .join(' · ');
}

/** Runs the remaining steps of one rollout. Throws (aborted or run-stopping) AppErrors only. */
/**
 * Runs the remaining requests of one rollout. Resolves once its requests are answered, with
 * `persisted`: the journal writes still committing, which the lane need not wait for (the next
 * rollout does not depend on them) but the run must (a failed write stops it). Throws (aborted or
 * run-stopping) AppErrors only.
 */
export async function advanceRollout(
  ctx: StepContext,
  start: RolloutRecord,
): Promise<{ persisted: Promise<void> }> {
  const generated = await generate(ctx, start);
  if (generated === null) return { persisted: Promise.resolve() };
  const { rollout, saved } = generated;
  const content = rollout.generation?.content ?? '';
  const visible = judgeVisibleText(content, ctx.settings.judgeSees);
  if (isEmptyResponse(visible)) {
    // Spec §4: judges are not called for an empty response; every criterion scores 1.
    const score = scoreRollout(
      ctx.judges.map(() => EMPTY_RESPONSE_VERDICT),
      { normalisation: ctx.settings.normalisation },
    );
    const persisted = saved.then(async () => {
      await save(ctx, rollout, (r) => ({ ...r, status: 'done', score, emptyResponse: true }));
    });
    return { persisted };
  }
  const missing = ctx.judges.map((_, index) => index).filter((index) => !rollout.judges[index]);
  const asked = await Promise.allSettled(
    missing.map((index) => askJudge(ctx, saved, rollout, index)),
  );
  const stores = asked.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value.stored] : [],
  );
  const failure = asked.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.allSettled([saved, ...stores]);
    throw failure.reason as AppError;
  }
  const persisted = (async () => {
    await saved;
    const written = await Promise.all(stores);
    const isScored = written.some((r) => r?.status === 'done' || r?.status === 'unscored');
    // Scored already, unless no judge was asked now (every answer was stored before a crash).
    if (!isScored) await save(ctx, rollout, (r) => scored(ctx, r));
  })();
  return { persisted };
}
