// Owns rebuilding a rollout from a row we wrote ourselves: its `medeval` object holds every field the
// verifiers columns do not, so the rollout comes back exactly as stored. Any inconsistency between the
// block and the row (an edited file) makes it decline, and the row is read as a verifiers row. Pure.
import { z } from '../zod';
import { feedbackJudges } from './judgeFeedback';
import { MedevalRowSchema, type MedevalRow } from './medevalBlock';
import type { ImportedMessage, ImportedRow } from './parseResults';
import type { ImportProvenance } from './provenance';
import { ChatMessageSchema, type ChatMessage } from '../schema/chat';
import {
  RUN_SCHEMA_VERSION,
  rolloutKey,
  type Generation,
  type JudgeCall,
  type RolloutRecord,
} from '../schema/run';

/** The top-level keys we write; any other key in a row of ours was added by someone else. */
const OUR_ROW_KEYS: ReadonlySet<string> = new Set([
  'example_id',
  'prompt',
  'completion',
  'answer',
  'info',
  'reward',
  'metrics',
  'reward_mtsamples',
  'error',
  'is_completed',
  'is_truncated',
  'stop_condition',
  'timing',
  'token_usage',
  'medeval',
]);

export type NativeResult = { ok: true; rollout: RolloutRecord } | { ok: false; reason: string };

export function nativeRollout(row: ImportedRow, runId: string): NativeResult {
  const block = MedevalRowSchema.safeParse(row.medeval);
  if (!block.success) return { ok: false, reason: 'its medeval object is not one we can read' };
  const m = block.data;
  const prompt = z.array(ChatMessageSchema).safeParse(row.prompt);
  if (!prompt.success) return { ok: false, reason: 'its prompt has roles we do not store' };
  const judges = rebuildJudges(m, row.info);
  const generation = rebuildGeneration(m, row.completion, prompt.data);
  if (judges === null || generation === null) {
    return { ok: false, reason: 'its medeval object does not match the row' };
  }
  const rollout: RolloutRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId,
    key: rolloutKey(row.example_id, m.rollout_index),
    example_id: row.example_id,
    rollout_index: m.rollout_index,
    exampleKey: m.example_key,
    section: m.section,
    status: m.status,
    prompt: prompt.data,
    ...(generation === undefined ? {} : { generation }),
    judges,
    ...(m.score === null ? {} : { score: m.score }),
    ...optionalFields(m),
    updatedAt: m.updated_at,
  };
  const imported = m.imported ?? provenanceIfNeeded(row);
  return { ok: true, rollout: imported === undefined ? rollout : { ...rollout, imported } };
}

function optionalFields(m: MedevalRow): Partial<RolloutRecord> {
  const out: Partial<RolloutRecord> = {};
  if (m.unscored_reason !== undefined) out.unscoredReason = m.unscored_reason;
  if (m.empty_response !== undefined) out.emptyResponse = m.empty_response;
  if (m.error !== undefined) out.error = m.error;
  if (m.notes !== undefined) out.notes = m.notes;
  if (m.ratings !== undefined) out.ratings = m.ratings;
  if (m.env_score !== undefined) out.envScore = m.env_score;
  if (m.grades !== undefined) out.grades = m.grades;
  return out;
}

/** Kept only when the row carries something the rollout does not: extra keys, or read-time notes. */
function provenanceIfNeeded(row: ImportedRow): ImportProvenance | undefined {
  const extras = Object.keys(row.raw).filter((key) => !OUR_ROW_KEYS.has(key));
  if (extras.length === 0 && row.medevalImport.notes.length === 0) return undefined;
  return { source: 'medeval', line: row.line, notes: row.medevalImport.notes, raw: row.raw };
}

/** Undefined when there was no generation; null when the row contradicts the block. */
function rebuildGeneration(
  m: MedevalRow,
  completion: readonly ImportedMessage[],
  prompt: ChatMessage[],
): Generation | undefined | null {
  if (m.generation === null) return completion.length === 0 ? undefined : null;
  const message = completion[0];
  if (completion.length !== 1 || message?.role !== 'assistant') return null;
  const { content } = message;
  const reasoning: unknown = message['reasoning_content'];
  if (typeof content !== 'string') return null;
  if (reasoning !== undefined && typeof reasoning !== 'string') return null;
  const { requestBody, ...facts } = m.generation;
  return {
    ...facts,
    content,
    reasoning: reasoning ?? null,
    requestBody: m.request_messages_are_prompt ? { ...requestBody, messages: prompt } : requestBody,
  };
}

/** The judge slots of the block, each given back its reply text from `info.judge_feedback`. */
function rebuildJudges(m: MedevalRow, info: Record<string, unknown> | undefined) {
  const answered = m.judges.filter((call) => call !== null).length;
  const listed = feedbackJudges(info);
  if (listed === null ? answered > 0 : listed.length !== answered) return null;
  let next = 0;
  const judges: (JudgeCall | null)[] = [];
  for (const call of m.judges) {
    if (call === null) {
      judges.push(null);
      continue;
    }
    const raw = listed?.[next++]?.['raw'];
    if (raw !== null && typeof raw !== 'string') return null;
    judges.push({ ...call, raw });
  }
  return judges;
}
