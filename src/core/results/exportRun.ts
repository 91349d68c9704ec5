// Owns writing a run as the verifiers tooling's results.jsonl (results-format.md): one row per rollout
// with every field their readers expect, plus our `medeval` object from which the run re-imports
// without loss. Their `reward` must be a number, so an unscored or failed rollout is written as 0 (what
// their tooling writes for a failed score) and the truth — `medeval.unscored`, `medeval.score.reward`
// null, the reason — sits beside it; our own means never count those 0s. Never a key. Pure.
import { fnv1a32 } from '../hash';
import { MEDEVAL_RESULTS_SCHEMA, RESULTS_ENV_ID, type MedevalRow } from './medevalBlock';
import { envRowFacts, rowMetricsOf } from './exportEnv';
import { verifiersReward } from './exportMetadata';
import { withoutSecrets } from './secrets';
import { timingOf } from './timing';
import type { CriterionVerdict, ParsedJudgeReply } from '../envs/mtsamples/judge';
import type { RubricItem } from '../envs/types';
import { toJsonl } from '../jsonl';
import type { JudgeCall, RolloutRecord, RunRecord } from '../schema/run';

export { toMetadata } from './exportMetadata';

export interface ExampleInfo {
  question: string;
  answer: string;
  filename: string;
  extracted_section: string | null;
  /** A rubric example's items, so each grade in `info.rubric_grades` names its criterion. */
  rubrics?: RubricItem[];
}

export type ResultsRow = Record<string, unknown>;

/** One row per rollout, sorted by example_id then rollout_index (verifiers sorts by example_id, stably). */
export function toResultsRows(
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
  examples: ReadonlyMap<number, ExampleInfo>,
): ResultsRow[] {
  return [...rollouts]
    .sort((a, b) => a.example_id - b.example_id || a.rollout_index - b.rollout_index)
    .map((rollout) => withoutSecrets(toRow(run, rollout, examples.get(rollout.example_id))));
}

function toRow(run: RunRecord, rollout: RolloutRecord, example: ExampleInfo | undefined) {
  const reward = verifiersReward(rollout);
  const generation = rollout.generation;
  const usage = generation?.usage ?? null;
  // Choice and rubric rollouts add their env's facts; a jury rollout's row is unchanged (null).
  const env = envRowFacts(rollout, example?.rubrics);
  const answer = env?.answer ?? (example?.answer === '' ? undefined : example?.answer);
  const own = env?.ownColumns === true;
  const metrics = rowMetricsOf(rollout, reward);
  return {
    example_id: rollout.example_id,
    prompt: rollout.prompt,
    completion: completionOf(rollout),
    ...(answer === undefined ? {} : { answer }),
    ...(env?.task === undefined ? {} : { task: env.task }),
    info: own
      ? env.info
      : {
          filename: example?.filename ?? null,
          extracted_section: example?.extracted_section ?? rollout.section,
          procedure_note: example?.question ?? null,
          reference_plan: example?.answer ?? null,
          judge_feedback: judgeFeedback(rollout),
          ...env?.info,
        },
    reward,
    metrics,
    // verifiers copies each metric to a top-level key of the same name.
    ...topLevel(metrics),
    error: errorInfo(rollout),
    is_completed: isFinished(rollout),
    is_truncated: generation?.finishReason === 'length',
    stop_condition: stopConditionOf(rollout),
    timing: timingOf(rollout),
    ...(usage === null
      ? {}
      : { token_usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens } }),
    medeval: medevalOf(run, rollout),
  };
}

/** Keys a row has for itself: a metric of the same name is not copied over them. */
const ROW_KEYS: ReadonlySet<string> = new Set([
  'example_id',
  'prompt',
  'completion',
  'answer',
  'task',
  'info',
  'reward',
  'metrics',
  'error',
  'is_completed',
  'is_truncated',
  'stop_condition',
  'timing',
  'token_usage',
  'medeval',
]);

function topLevel(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([name]) => !ROW_KEYS.has(name)));
}

/**
 * The stop condition verifiers' single-turn environments record: `has_error` when the rollout failed,
 * `max_turns_reached` when its one turn came back — a reply cut at max_tokens too (that is
 * `is_truncated`, not a stop condition of its own); none while it has not finished.
 */
function stopConditionOf(rollout: RolloutRecord): string | null {
  if (rollout.error !== undefined) return 'has_error';
  return isFinished(rollout) ? 'max_turns_reached' : null;
}

function completionOf(rollout: RolloutRecord): Record<string, string>[] {
  const generation = rollout.generation;
  if (generation === undefined) return [];
  return [
    {
      role: 'assistant',
      content: generation.content,
      ...(generation.reasoning === null ? {} : { reasoning_content: generation.reasoning }),
    },
  ];
}

function isFinished(rollout: RolloutRecord): boolean {
  return rollout.status === 'done' || rollout.status === 'unscored' || rollout.status === 'error';
}

/** One scoring call listing the judges that answered or failed; none when no judge was asked. */
function judgeFeedback(rollout: RolloutRecord) {
  const calls = rollout.judges.filter((call): call is JudgeCall => call !== null);
  if (calls.length === 0) return [];
  const judges = calls.map((call) => ({
    model: call.model,
    raw: call.raw,
    error: judgeErrorOf(call),
    scores: theirScores(call.parsed),
    score: call.score,
  }));
  return [{ judges, score: rollout.score?.reward ?? null }];
}

/**
 * Why a judge gave no score: its call failed, or its reply could not be read as scores (then the
 * parser's reasons). Null only for a judge that scored.
 */
function judgeErrorOf(call: JudgeCall): string | null {
  if (call.error !== undefined) return call.error.message;
  if (call.score !== null) return null;
  const problems = call.parsed?.problems ?? [];
  return problems.length === 0
    ? 'the reply could not be read as scores'
    : `the reply could not be read as scores: ${problems.join('; ')}`;
}

/** The judge's object as the environment keeps it: `{accuracy: {score, explanation}, …}`. */
function theirScores(parsed: ParsedJudgeReply | null) {
  if (parsed === null || !parsed.jsonFound) return null;
  const plain = ({ score, explanation }: CriterionVerdict) => ({ score, explanation });
  return {
    accuracy: plain(parsed.accuracy),
    completeness: plain(parsed.completeness),
    clarity: plain(parsed.clarity),
  };
}

/** verifiers' `{error, error_chain_repr, error_chain_str}`; the class names mirror theirs. */
function errorInfo(rollout: RolloutRecord) {
  const error = rollout.error;
  if (error === undefined) return null;
  const name = error.stage === 'generation' ? 'ModelError' : 'ScoringError';
  const text = `${error.kind}: ${error.message}`;
  return {
    error: name,
    error_chain_repr: `${name}(${JSON.stringify(text)})`,
    error_chain_str: text,
  };
}

function medevalOf(run: RunRecord, rollout: RolloutRecord): MedevalRow {
  const { generation } = rollout;
  const body = generation?.requestBody;
  // Both are built as `{role, content}` (llm/client, envs/mtsamples/prompt), so equal JSON means equal
  // messages; any difference just keeps the messages in the body.
  const messagesArePrompt =
    body !== undefined && JSON.stringify(body.messages) === JSON.stringify(rollout.prompt);
  return {
    schema: MEDEVAL_RESULTS_SCHEMA,
    app_version: run.appVersion,
    rollout_index: rollout.rollout_index,
    example_key: rollout.exampleKey,
    section: rollout.section,
    status: rollout.status,
    generation: generationFacts(generation, messagesArePrompt),
    request_messages_are_prompt: messagesArePrompt,
    judges: rollout.judges.map((call) => (call === null ? null : withoutRaw(call))),
    score: rollout.score ?? null,
    unscored: rollout.status === 'unscored',
    ...optional('unscored_reason', rollout.unscoredReason),
    ...optional('empty_response', rollout.emptyResponse),
    ...optional('error', rollout.error),
    ...optional('notes', rollout.notes),
    ...optional('ratings', rollout.ratings),
    ...optional('imported', rollout.imported),
    ...optional('env_score', rollout.envScore),
    ...optional('grades', rollout.grades),
    updated_at: rollout.updatedAt,
  };
}

function generationFacts(
  generation: RolloutRecord['generation'],
  messagesArePrompt: boolean,
): MedevalRow['generation'] {
  if (generation === undefined) return null;
  const { content: _content, reasoning: _reasoning, requestBody, ...facts } = generation;
  // The prompt is already the row's `prompt`: writing it twice would double the file for nothing.
  const { messages: _messages, ...bodyWithoutMessages } = requestBody;
  return { ...facts, requestBody: messagesArePrompt ? bodyWithoutMessages : requestBody };
}

function withoutRaw(call: JudgeCall): Omit<JudgeCall, 'raw'> {
  const { raw: _raw, ...rest } = call;
  return rest;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** JSON Lines as Python's reader takes them; raw UTF-8 (json.loads accepts it as well as `\uXXXX`). */
export function toResultsJsonl(rows: readonly ResultsRow[]): string {
  return toJsonl(rows);
}

/**
 * `outputs/evals/<env id>--<model, / → -->/<8 hex>/`, as the tooling names it (env id
 * `mtsamples_procedures` for runs stored before environments). The 8 hex
 * digits come from the run id (FNV-1a), so exporting a run twice gives the same folder.
 */
export function defaultFolderName(run: RunRecord): string {
  const model = run.settings.model.model.replaceAll('/', '--');
  return `outputs/evals/${run.settings.envId ?? RESULTS_ENV_ID}--${model}/${fnv1a(run.id)}/`;
}

function fnv1a(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}
