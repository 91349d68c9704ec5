// MTSamples' scoring: every judge of the jury reads the response (concurrently); the last to answer
// scores the rollout (spec mtsamples-procedures.md §4–5). Each judge's call is stored as it arrives.
import { AppError } from '../../core/errors';
import {
  EMPTY_RESPONSE_VERDICT,
  isEmptyResponse,
  judgeScore,
  parseJudgeReply,
  scoreRollout,
} from '../../core/envs/mtsamples/judge';
import { fillJudgeTemplate } from '../../core/envs/mtsamples/judgeTemplate';
import { medarcJudgeScore, medarcRolloutReward } from '../../core/envs/mtsamples/medarcReward';
import { mtsamplesPresetOf } from '../../core/envs/mtsamples/mtsamplesPresets';
import { PyError } from '../../core/envs/mtsamples/pythonJson';
import { judgeVisibleText } from '../../core/envs/mtsamples/prompt';
import type { JudgeCall, RolloutRecord } from '../../core/schema/run';
import type { RolloutScore } from '../../core/envs/mtsamples/judge';
import { callEndpoint } from './callEndpoint';
import { callError, save, stopsTheRun, type StepContext } from './stepContext';

/** Whether the run reproduces MedARC's reward (mtsamplesPresets.ts) rather than the card's formula. */
function isMedarcReward(ctx: StepContext): boolean {
  return mtsamplesPresetOf(ctx.envSettings) === 'medarc@3b9f18f';
}

/** One judge's score as the run's preset computes it (MedARC's: null where the reference raises). */
function callScore(ctx: StepContext, content: string): number | null {
  if (!isMedarcReward(ctx)) return judgeScore(parseJudgeReply(content), ctx.settings.normalisation);
  try {
    return medarcJudgeScore(content);
  } catch (error) {
    if (error instanceof PyError) return null;
    throw error;
  }
}

/** Asks one judge and stores its call; resolves with the rollout as committed (undefined if nothing was asked). */
async function askJudge(
  ctx: StepContext,
  rollout: RolloutRecord,
  index: number,
): Promise<RolloutRecord | undefined> {
  const judge = ctx.judges[index];
  const generation = rollout.generation;
  if (judge === undefined || generation === undefined) return undefined;
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
      // MedARC's reward scores whatever the judge said, so any stored reply is reusable.
      (content) => isMedarcReward(ctx) || judgeScore(parseJudgeReply(content)) !== null,
    );
    ctx.progress.hasSucceeded = true;
    const parsed = parseJudgeReply(outcome.content);
    call = {
      judgeIndex: index,
      model: judge.endpoint.model,
      raw: outcome.content,
      parsed,
      score: callScore(ctx, outcome.content),
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
  // The last judge to answer scores the rollout in the same write.
  return save(ctx, rollout, (r) => {
    const judges = [...r.judges];
    judges[index] = call;
    const next = { ...r, judges };
    return judges.every((slot) => slot !== null) ? scored(ctx, next) : next;
  });
}

/**
 * MedARC's reward over the card's per-criterion figures: from the judges' raw replies (a failed call
 * has none), never unscored; when the reference would raise, 0 with the reason.
 */
function medarcScore(judges: readonly (JudgeCall | null)[], base: RolloutScore): RolloutScore {
  const medarc = medarcRolloutReward(judges.map((call) => call?.raw ?? null));
  return {
    ...base,
    reward: medarc.reward,
    judge_scores: medarc.judgeScores ?? judges.map(() => null),
    ...(medarc.raised === null
      ? {}
      : { note: `MedARC's reward function raised (${medarc.raised}), which verifiers scores 0` }),
  };
}

/** The rollout with its score: done, or unscored (with the reason) when no judge gave one. */
function scored(ctx: StepContext, r: RolloutRecord): RolloutRecord {
  const base = scoreRollout(
    r.judges.map((call) => call?.parsed ?? null),
    { normalisation: ctx.settings.normalisation },
  );
  const score = isMedarcReward(ctx) ? medarcScore(r.judges, base) : base;
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

/** Asks every judge that has not answered yet and scores the rollout; resolves once all is stored. */
export async function judgeRollout(ctx: StepContext, rollout: RolloutRecord): Promise<void> {
  const content = rollout.generation?.content ?? '';
  const visible = judgeVisibleText(content, ctx.settings.judgeSees);
  // MedARC asks its judges about an empty response too; the card does not (spec §4).
  if (isEmptyResponse(visible) && !isMedarcReward(ctx)) {
    // Spec §4: judges are not called for an empty response; every criterion scores 1.
    const score = scoreRollout(
      ctx.judges.map(() => EMPTY_RESPONSE_VERDICT),
      { normalisation: ctx.settings.normalisation },
    );
    await save(ctx, rollout, (r) => ({ ...r, status: 'done', score, emptyResponse: true }));
    return;
  }
  const missing = ctx.judges.map((_, index) => index).filter((index) => !rollout.judges[index]);
  const asked = await Promise.allSettled(missing.map((index) => askJudge(ctx, rollout, index)));
  const failure = asked.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  const isScored = asked.some(
    (result) =>
      result.status === 'fulfilled' &&
      (result.value?.status === 'done' || result.value?.status === 'unscored'),
  );
  // Scored already, unless no judge was asked now (every answer was stored before a crash).
  if (!isScored) await save(ctx, rollout, (r) => scored(ctx, r));
}
