import type { z } from '../zod';
import type { ChatMessage } from '../schema/chat';
import type {
  ChoiceScore,
  RewardScore,
  RubricGrade,
  RubricItem,
  RubricScore,
} from '../schema/envScore';

// The plug-in shape of a benchmark ("environment"). A benchmark is one folder in core/envs/<id>/ whose
// index.ts exports an `EnvModule`, plus one line in core/envs/registry.ts. It declares where its rows
// come from, how a row becomes a stored example and then a prompt, how a response is scored (a judge
// jury, a rubric grader, or an exact answer), its settings with defaults, and which summary it shows.
// The worker and the UI only ever talk to this shape. Pure: no I/O.

// ---------------------------------------------------------------------------------------------------
// Where rows come from

/** A split of a Hugging Face dataset read in full from its auto-converted Parquet files. */
export interface HfParquetPart {
  kind: 'hf-parquet';
  dataset: string;
  config: string;
  split: string;
  /** Columns to read (only these are decoded). */
  columns: readonly string[];
  /**
   * The reference's row filter (`dataset.filter(...)` before its map), when it has one: rows it
   * rejects are not examples, are not counted as skipped, and `RowContext.rowIndex` counts only the
   * rows it keeps — the index the reference's `map(with_indices=True)` sees after filtering.
   */
  keep?: (row: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Rows of this part are not examples: the rows `keep` accepts are collected, in order, into
   * `RowContext.extras[collect]` (an array) for the parts after it — the few-shot examples a reference
   * builds into every prompt.
   */
  collect?: string;
}

/** A raw file of a Hugging Face dataset repository, streamed line by line. */
export interface HfJsonlPart {
  kind: 'hf-jsonl';
  dataset: string;
  /** Path inside the repository, e.g. `2025-05-07-06-14-12_oss_eval.jsonl`. */
  path: string;
}

/**
 * A file of a GitHub repository at the variant's revision (a commit), split into rows by the env
 * (a CSV's records, LongHealth's questions). At the pinned commit the download must have the file's
 * git blob id, which proves it is the very file the reference reads.
 */
export interface GithubFilePart {
  kind: 'github-file';
  /** `owner/name`. */
  repo: string;
  /** Path inside the repository, e.g. `environments/longhealth/benchmark_v5.json`. */
  path: string;
  /** git's blob id of the pinned file: sha1 of `blob <size>\0` followed by its bytes. */
  blobSha: string;
  /** Size of the pinned file in bytes, when known (shown before loading). */
  bytes: number | null;
  /** The file's rows, in file order; a malformed file throws AppError `dataset_format`. */
  rows(text: string): readonly unknown[];
}

/** A JSON file fetched once and handed to `rowToExample` as `extras[name]` (e.g. a test-subset list). */
export interface ExtraJsonFile {
  name: string;
  /** Which configurable base it lives under, and the path below it. */
  base: 'githubRaw' | 'hfHub';
  path: string;
  /** When the file cannot be fetched: fail the load, or go on without it (and say so). */
  optional: boolean;
}

/**
 * A text file of a GitHub repository at the variant's revision, blob-checked like `GithubFilePart`
 * and handed to `rowToExample` as a string in `extras[name]` (SCT's prompt templates). Never optional:
 * a prompt without its template is not the benchmark.
 */
export interface GithubTextFile {
  kind: 'github-text';
  name: string;
  repo: string;
  path: string;
  blobSha: string;
  bytes: number | null;
}

/** One loadable dataset of a benchmark (MMLU: all seven subjects; HealthBench: main, hard or consensus). */
export interface EnvVariant {
  id: string;
  label: string;
  description: string;
  /** Rows this variant should yield once loaded (shown before loading; checked after). */
  expectedRows: number | null;
  /** Pinned repository revision (a commit hash, or a ref such as `refs/convert/parquet`). */
  revision: string;
  /** Parts read in order; a row's `part` index tells `rowToExample` which one it came from. */
  parts: readonly (HfParquetPart | HfJsonlPart | GithubFilePart)[];
  extras?: readonly (ExtraJsonFile | GithubTextFile)[];
}

/**
 * MTSamples keeps its own pinned-GitHub ingestion (worker/ingestGithub.ts). Other benchmarks load
 * variants: Hugging Face datasets, or files of a GitHub repository at a pinned commit
 * (`github-files`: every part a `GithubFilePart`, the variant's revision the commit).
 */
export type EnvSource =
  | { kind: 'github-notes' }
  | {
      kind: 'huggingface' | 'github-files';
      licence: string;
      homepage: string;
      variants: readonly EnvVariant[];
    };

// ---------------------------------------------------------------------------------------------------
// Stored examples

/** What `rowToExample` makes of one source row; stored beside MTSamples' examples (data/db.ts). */
export interface EnvExample {
  /** Stable id of the row in its source (MedQA row index, PubMedQA pubid, HealthBench prompt_id). */
  id: string;
  /** Subject / theme / section: the grouping the summary breaks results down by. */
  group: string | null;
  /** Text shown in tables and searched (the question, or the conversation's last user turn). */
  question: string;
  /** The reference shown beside responses (gold option, ideal completion…). */
  answer: string;
  /** Everything else the env needs, parsed again with its `payloadSchema` when used. */
  payload: unknown;
}

export interface RowContext {
  variant: EnvVariant;
  /** Index of the part in `variant.parts` this row came from. */
  part: number;
  /** Row index within that part (among the rows its `keep` filter accepts, when it has one). */
  rowIndex: number;
  /** ClassLabel names per column, from the viewer's `features` (when the source gives them). */
  classLabels: Readonly<Record<string, readonly string[]>>;
  /** Contents of the variant's extra files, by name (absent if optional and unavailable). */
  extras: Readonly<Record<string, unknown>>;
}

export type RowOutcome = { example: EnvExample } | { skip: string };

// ---------------------------------------------------------------------------------------------------
// Settings, declared so the UI can render them without env-specific components

export type SettingField =
  | {
      key: string;
      label: string;
      help?: string;
      kind: 'select';
      options: readonly { value: string; label: string }[];
    }
  | { key: string; label: string; help?: string; kind: 'boolean' }
  | {
      key: string;
      label: string;
      help?: string;
      kind: 'number';
      min: number;
      max: number;
      /** Granularity of the value; integers when absent. */
      step?: number;
    };

// ---------------------------------------------------------------------------------------------------
// Scoring

export {
  ChoiceScoreSchema,
  RewardScoreSchema,
  RubricItemSchema,
  RubricGradeSchema,
  RubricScoreSchema,
  FileMetricsScoreSchema,
  EnvScoreSchema,
  type ChoiceScore,
  type RewardScore,
  type RubricItem,
  type RubricGrade,
  type RubricScore,
  type FileMetricsScore,
  type EnvScore,
} from '../schema/envScore';

/** MTSamples' judge jury: handled by worker/run/juryStep.ts with core/envs/mtsamples. */
interface JuryScoring {
  kind: 'jury';
}

/** The answer is checked against the example's gold in code (no extra calls). */
export interface ExactScoring<S> {
  kind: 'exact';
  /** A choice verdict (reward 1 or 0), or an env's own reward (partial credit allowed). */
  score(response: string, example: EnvExample, settings: S): ChoiceScore | RewardScore;
}

/** One grader call per rubric item (HealthBench). */
export interface RubricScoring<S> {
  kind: 'rubric';
  /** The reference grader, offered as the default endpoint settings. */
  graderDefaults: { model: string; temperature: number; maxTokens: number };
  items(example: EnvExample): RubricItem[];
  /** The grader's messages for one item, given the conversation and the model's reply. */
  graderMessages(example: EnvExample, reply: string, item: RubricItem, settings: S): ChatMessage[];
  /** Reads a grader reply: met / not met, or null when there is no boolean (then retried, then unparseable). */
  parseGrade(raw: string): { met: boolean | null; explanation: string | null };
  score(
    example: EnvExample,
    items: readonly RubricItem[],
    grades: readonly RubricGrade[],
  ): RubricScore;
  /** Grader calls in flight per rollout. */
  concurrency(settings: S): number;
  /** How many times an item whose reply has no verdict is asked (first time included). */
  attempts(settings: S): number;
  /** The rollout's reward from its rubric score (HealthBench: the example's score clipped to [0, 1]). */
  reward(score: RubricScore): number | null;
}

type EnvScoring<S> = JuryScoring | ExactScoring<S> | RubricScoring<S>;

/**
 * Which summary the results workspace shows for runs of this env. `metrics`: an imported run of an
 * environment this app does not run, shown by the file's own reward functions (no env declares it).
 */
export type EnvSummaryKind = 'jury' | 'accuracy' | 'rubric' | 'metrics';

// ---------------------------------------------------------------------------------------------------
// Suites (issue 15): how a MedARC suite entry runs on this env

/** What a MedARC suite entry's env args (`load_environment` keyword arguments) mean for this env. */
export interface MedarcEnvArgsReading {
  /** The variant (dataset) the entry needs. */
  variantId: string;
  /** Env settings for these args, over the env's defaults (checked by its schema afterwards). */
  settings: Record<string, unknown>;
  /** One sentence per arg this env cannot honour (the entry is then not runnable, and says why). */
  unsupported: string[];
}

export interface MedarcBinding {
  /** MedARC's env_id this env reproduces (core/suites/medarcEnvIds.ts maps the ids). */
  envId: string;
  /**
   * The med-lm-envs commit whose code the env reproduces exactly (prompt, parsing, scoring, failure
   * handling, splits, filters), and the files read there. Shown with the env and its runs.
   */
  commit?: string;
  paths?: readonly string[];
  readEnvArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading;
}

export interface EnvModule<S extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  label: string;
  /** One paragraph: what it measures and where it comes from. */
  description: string;
  /** What the reference can do that this env leaves out, said in the UI (e.g. a tools variant). */
  leftOut?: string;
  source: EnvSource;
  /** Label of `EnvExample.group` in tables and summaries (Subject, Theme, Section). */
  groupLabel: string;
  settings: {
    schema: z.ZodType<S>;
    defaults: S;
    fields: readonly SettingField[];
    /**
     * What a stored run that lacks a setting had, when that differs from today's default (a run made
     * before multiple-choice presets existed was scored with medeval's own reader, not the new
     * default reference preset). Applied under the stored settings, over the defaults.
     */
    legacy?: Partial<S>;
  };
  /** Turns a source row into an example, or says why it was skipped. HF envs only. */
  rowToExample?(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome;
  /** Whether an example takes part in a run with these settings (e.g. PubMedQA's official test subset). */
  includes?(example: EnvExample, settings: S): boolean;
  /** Why `includes` leaves fewer examples than expected (e.g. the test list was unavailable), or null. */
  selectionProblem?(examples: readonly EnvExample[], settings: S): string | null;
  /** The model's messages for an example (MTSamples builds its own: core/envs/mtsamples/prompt.ts). */
  buildPrompt?(example: EnvExample, settings: S): ChatMessage[];
  scoring: EnvScoring<S>;
  summary: EnvSummaryKind;
  /**
   * How MedARC suite entries run on this env. Without it a suite reads only the multiple-choice args
   * every MedARC MCQ env shares (core/suites/readEnvArgs.ts); any other arg makes the entry unrunnable.
   */
  medarc?: MedarcBinding;
  /** Which reference environment the reference presets reproduce, and anything a reader must know. */
  reference?: EnvReference;
  /**
   * The preset a run with these (stored) settings used: what it reproduces, by name and commit. A run
   * stored before presets existed reads as what it was.
   */
  presetOf?(envSettings: Readonly<Record<string, unknown>> | undefined): PresetLabel;
}

/** What a run's preset reproduces, for labels, exports and comparisons. */
export interface PresetLabel {
  id: string;
  /** Short name, e.g. "MedARC med-lm-envs @ 97d3282". */
  label: string;
  reproduces: string;
  /** The reference implementation and commit, or null for medeval's own rules. */
  reference: { repo: string; commit: string; files: readonly string[] } | null;
}

interface EnvReference {
  /** The MedARC `env_id` reproduced, or null when MedARC has no such environment. */
  medarcEnvId: string | null;
  /** A difference from that reference worth saying (a stand-in prompt layout, another dataset copy). */
  note: string | null;
}
