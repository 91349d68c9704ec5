// Owns reading a verifiers row (no `medeval` object of ours) as a rollout. What their file cannot tell
// is set to a neutral value and said so: requests' bodies ({}), per-call usage and cost of judges
// (null), attempts (1), cache hits (false). A reward of 0 with no judge score behind it is their
// failure sentinel (MedARC scores an unreadable verdict 0): it is read as unscored, never as a real 0
// (spec §5). The whole row stays on the rollout as `imported.raw`. Pure.
import { feedbackJudges } from './importNative';
import type { ImportProvenance } from './importRollout';
import type { ImportedMessage, ImportedRow } from './parseResults';
import { readTiming, type ReadTiming } from './timing';
import { finiteOrNull, isRecord, stringOrNull } from './values';
import { judgeScore, parseJudgeReply, scoreRollout } from '../envs/mtsamples/judge';
import { ChatRoleSchema, type ChatMessage, type ChatRole } from '../schema/chat';
import {
  RUN_SCHEMA_VERSION,
  rolloutKey,
  type Generation,
  type JudgeCall,
  type RolloutRecord,
} from '../schema/run';

export function foreignRollout(
  row: ImportedRow,
  runId: string,
  rolloutIndex: number,
  notes: string[],
): RolloutRecord {
  const timing = readTiming(row.timing);
  const judges = foreignJudges(row.info, timing);
  const generation = foreignGeneration(row, timing, notes);
  const errorMessage = errorText(row.error);
  const info = row.info ?? {};
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId,
    key: rolloutKey(row.example_id, rolloutIndex),
    example_id: row.example_id,
    rollout_index: rolloutIndex,
    exampleKey: stringOrNull(info['filename']) ?? `example-${row.example_id}`,
    section: stringOrNull(info['extracted_section']),
    prompt: row.prompt.map((message) => chatMessage(message, 'prompt', notes)),
    ...(generation === undefined ? {} : { generation }),
    judges,
    ...outcome(row.reward, judges, errorMessage, generation),
    imported: {
      source: 'verifiers',
      line: row.line,
      notes,
      raw: row.raw,
    } satisfies ImportProvenance,
    updatedAt: timing.scoringEndMs ?? timing.generationEndMs ?? 0,
  };
}

type Outcome = Pick<RolloutRecord, 'status' | 'score' | 'unscoredReason' | 'error'>;

function outcome(
  reward: number | null,
  judges: readonly JudgeCall[],
  errorMessage: string | null,
  generation: Generation | undefined,
): Outcome {
  if (errorMessage !== null) {
    const stage = generation === undefined ? 'generation' : 'judge';
    return { status: 'error', error: { kind: 'unknown', message: errorMessage, stage } };
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

function judgeFailures(judges: readonly JudgeCall[]): string {
  return judges
    .map((call, index) => {
      const why = call.error?.message ?? call.parsed?.problems.join('; ') ?? 'no reply';
      return `judge ${index + 1}: ${why}`;
    })
    .join(' · ');
}

function errorText(error: ImportedRow['error']): string | null {
  if (error === undefined || error === null) return null;
  if (typeof error === 'string') return error;
  return error.error_chain_str ?? error.error ?? error.error_chain_repr ?? JSON.stringify(error);
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
  const usage = row.token_usage;
  const input = finiteOrNull(usage?.input_tokens);
  const output = finiteOrNull(usage?.output_tokens);
  return {
    content: answers.map((message) => contentText(message.content, notes)).join('\n\n'),
    reasoning,
    finishReason: row.is_truncated === true ? 'length' : null,
    requestBody: {},
    usage: input === null || output === null ? null : { inputTokens: input, outputTokens: output },
    costUsd: null,
    latencyMs: timing.generationMs ?? 0,
    attempts: 1,
    cached: false,
    finishedAt: timing.generationEndMs ?? 0,
  };
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
