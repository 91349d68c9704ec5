// Owns reading a verifiers row (no `medeval` object of ours) as a rollout, whatever release wrote it.
// What their file cannot tell is set to a neutral value and said so: requests' bodies ({}), per-call
// usage and cost of judges (null), attempts (1), cache hits (false).
// - An MTSamples row (`jury`): a reward of 0 with no judge score behind it is their failure sentinel
//   (MedARC scores an unreadable verdict 0): it is read as unscored, never as a real 0 (spec §5).
// - Any other environment's row (`metrics`): the file's reward and each of its reward functions as
//   written, its timing, no judges. A failed rollout keeps the reward the file gives it (0), so the
//   run's mean is the file's `avg_reward`, and says it failed.
// The whole row stays on the rollout as `imported.raw`. Pure.
import type { FileShape } from './fileMetrics';
import { metricValues } from './fileMetrics';
import { feedbackJudges } from './judgeFeedback';
import type { ImportedMessage, ImportedRow } from './parseResults';
import type { ImportProvenance } from './provenance';
import { readTiming, type ReadTiming } from './timing';
import { finiteOrNull, isRecord, stringOrNull } from './values';
import { judgeScore, parseJudgeReply, scoreRollout } from '../envs/mtsamples/judge';
import type { FileMetricsScore } from '../envs/types';
import { ChatRoleSchema, type ChatMessage, type ChatRole } from '../schema/chat';
import {
  RUN_SCHEMA_VERSION,
  rolloutKey,
  type Generation,
  type JudgeCall,
  type RolloutRecord,
} from '../schema/run';

/** How rows are read when nothing says otherwise: as MTSamples, the environment this app exports. */
export const JURY_FILE: FileShape = {
  kind: 'jury',
  envId: null,
  metricNames: [],
  stateColumns: [],
  writtenBy: 'the verifiers tooling',
};

export function foreignRollout(
  row: ImportedRow,
  runId: string,
  rolloutIndex: number,
  notes: string[],
  shape: FileShape = JURY_FILE,
): RolloutRecord {
  const timing = readTiming(row.timing, row.raw);
  const generation = foreignGeneration(row, timing, notes);
  const errorMessage = errorText(row.error);
  const info = row.info ?? {};
  const isJury = shape.kind === 'jury';
  const judges = isJury ? foreignJudges(row.info, timing) : [];
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId,
    key: rolloutKey(row.example_id, rolloutIndex),
    example_id: row.example_id,
    rollout_index: rolloutIndex,
    exampleKey: (isJury ? stringOrNull(info['filename']) : null) ?? `example-${row.example_id}`,
    section: isJury ? stringOrNull(info['extracted_section']) : null,
    prompt: row.prompt.map((message) => chatMessage(message, 'prompt', notes)),
    ...(generation === undefined ? {} : { generation }),
    judges,
    ...(isJury
      ? juryOutcome(row.reward, judges, errorMessage, generation)
      : metricsOutcome(row, shape, timing, errorMessage, generation)),
    imported: {
      source: 'verifiers',
      line: row.line,
      notes,
      raw: row.raw,
    } satisfies ImportProvenance,
    updatedAt: timing.scoringEndMs ?? timing.generationEndMs ?? 0,
  };
}

type Outcome = Pick<RolloutRecord, 'status' | 'score' | 'unscoredReason' | 'error' | 'envScore'>;

function failure(errorMessage: string, generation: Generation | undefined) {
  const stage = generation === undefined ? 'generation' : 'judge';
  return { kind: 'unknown', message: errorMessage, stage } as const;
}

function juryOutcome(
  reward: number | null,
  judges: readonly JudgeCall[],
  errorMessage: string | null,
  generation: Generation | undefined,
): Outcome {
  if (errorMessage !== null) {
    return { status: 'error', error: failure(errorMessage, generation) };
  }
  const recomputed = scoreRollout(judges.map((call) => call.parsed));
  const score = { ...recomputed, judge_scores: judges.map((call) => call.score) };
  const noJudgeScore = judges.length > 0 && judges.every((call) => call.score === null);
  if (reward === null || noJudgeScore) {
    const unscoredReason =
      reward === null
        ? 'the file gives no numeric reward'
        : `the file gives reward ${reward} but no judge produced a score (${judgeFailures(judges)})`;
    return { status: 'unscored', score: { ...score, reward: null }, unscoredReason };
  }
  return { status: 'done', score: { ...score, reward } };
}

const NO_CRITERIA = { accuracy: null, completeness: null, clarity: null };

function metricsOutcome(
  row: ImportedRow,
  shape: FileShape,
  timing: ReadTiming,
  errorMessage: string | null,
  generation: Generation | undefined,
): Outcome {
  const envScore: FileMetricsScore = {
    kind: 'metrics',
    metrics: metricValues(row, shape.metricNames),
    timing: {
      generationMs: timing.generationMs,
      scoringMs: timing.scoringMs,
      totalMs: timing.totalMs,
    },
  };
  const score =
    row.reward === null
      ? undefined
      : { reward: row.reward, jury_score: null, judge_scores: [], criterion_means: NO_CRITERIA };
  const scored = score === undefined ? {} : { score };
  if (errorMessage !== null) {
    return { status: 'error', error: failure(errorMessage, generation), envScore, ...scored };
  }
  if (score === undefined) {
    return { status: 'unscored', unscoredReason: 'the file gives no numeric reward', envScore };
  }
  return { status: 'done', score, envScore };
}

function judgeFailures(judges: readonly JudgeCall[]): string {
  return judges
    .map((call, index) => {
      const why = call.error?.message ?? call.parsed?.problems.join('; ') ?? 'no reply';
      return `judge ${index + 1}: ${why}`;
    })
    .join(' · ');
}

/**
 * 0.1.9 wrote a repr string; 0.1.10+ `{error, error_chain_repr, error_chain_str}` (class names only
 * in `error_chain_str`); 0.2+ adds `message`. The most telling text wins.
 */
function errorText(error: ImportedRow['error']): string | null {
  if (error === undefined || error === null) return null;
  if (typeof error === 'string') return error;
  if (error.message !== undefined) return `${error.error ?? 'Error'}: ${error.message}`;
  return error.error_chain_repr ?? error.error_chain_str ?? error.error ?? JSON.stringify(error);
}

/** A generation exists when the model answered, or when nothing failed (an empty answer). */
function foreignGeneration(
  row: ImportedRow,
  timing: ReadTiming,
  notes: string[],
): Generation | undefined {
  const answers = row.completion.filter((message) => message.role === 'assistant');
  if (answers.length === 0 && errorText(row.error) !== null) return undefined;
  if (answers.length > 1) notes.push(`${answers.length} assistant messages: joined into one`);
  const last = answers[answers.length - 1];
  const reasoning = last === undefined ? null : stringOrNull(last['reasoning_content']);
  return {
    content: answers.map((message) => contentText(message.content, notes)).join('\n\n'),
    reasoning,
    finishReason: row.is_truncated === true ? 'length' : null,
    requestBody: {},
    usage: usageOf(row.token_usage, notes),
    costUsd: null,
    latencyMs: timing.generationMs ?? 0,
    attempts: 1,
    cached: false,
    finishedAt: timing.generationEndMs ?? 0,
  };
}

/**
 * verifiers' `{input_tokens, output_tokens}`, or MedARC's token tracker's
 * `{model: {prompt, completion, …}, judge: {…}, total: {…}, cost}` (medarc-eval on verifiers ≤ 0.1.9):
 * the model's own tokens either way, as verifiers counts them.
 */
function usageOf(tokenUsage: ImportedRow['token_usage'], notes: string[]): Generation['usage'] {
  if (tokenUsage === undefined || tokenUsage === null) return null;
  const input = finiteOrNull(tokenUsage['input_tokens']);
  const output = finiteOrNull(tokenUsage['output_tokens']);
  if (input !== null && output !== null) return { inputTokens: input, outputTokens: output };
  const model = tokenUsage['model'];
  if (isRecord(model)) {
    const prompt = finiteOrNull(model['prompt']);
    const completion = finiteOrNull(model['completion']);
    if (prompt !== null && completion !== null) {
      notes.push(
        'token_usage is MedARC’s token tracker’s: the model’s prompt and completion tokens are read; its judge tokens and cost stay in the row',
      );
      return { inputTokens: prompt, outputTokens: completion };
    }
  }
  notes.push('token_usage has no input and output token counts: left out');
  return null;
}

function foreignJudges(info: Record<string, unknown> | undefined, timing: ReadTiming) {
  return (feedbackJudges(info) ?? []).map((entry, index): JudgeCall => {
    const raw = stringOrNull(entry['raw']);
    const error = entry['error'] ?? null;
    const message =
      error === null ? null : typeof error === 'string' ? error : JSON.stringify(error);
    const scores = entry['scores'];
    const parsed = isRecord(scores)
      ? parseJudgeReply(JSON.stringify(scores))
      : raw === null
        ? null
        : parseJudgeReply(raw);
    // Their score (their normalisation) when written; ours from the verdict only when absent.
    const score = Object.hasOwn(entry, 'score') ? finiteOrNull(entry['score']) : judgeScore(parsed);
    return {
      judgeIndex: index,
      model: stringOrNull(entry['model']) ?? 'unknown',
      raw,
      parsed,
      score,
      ...(message === null ? {} : { error: { kind: 'unknown', message } }),
      usage: null,
      costUsd: null,
      latencyMs: 0,
      attempts: 1,
      cached: false,
      finishedAt: timing.scoringEndMs ?? 0,
    };
  });
}

const ROLE_ALIASES: Readonly<Record<string, ChatRole>> = { developer: 'system' };

function chatMessage(message: ImportedMessage, field: string, notes: string[]): ChatMessage {
  const known = ChatRoleSchema.safeParse(message.role);
  const role = known.success ? known.data : (ROLE_ALIASES[message.role] ?? 'user');
  if (!known.success) notes.push(`${field}: role "${message.role}" read as "${role}"`);
  return { role, content: contentText(message.content, notes) };
}

/** A string as is; a list of parts as its text parts joined; anything else as empty, with a note. */
function contentText(content: ImportedMessage['content'], notes: string[]): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  const texts = content.map((part) => {
    if (typeof part === 'string') return part;
    if (isRecord(part) && typeof part['text'] === 'string') return part['text'];
    notes.push('a non-text content part was left out');
    return '';
  });
  return texts.join('');
}
