// The training corpora named in the HealthBench data guide (spec more-environments §4) as data: where
// each lives on the Hub, what it should look like, its licence exactly as its card states it, how it
// may be loaded, and which benchmarks' items it holds. Nothing here is fetched: the viewer's answers
// (real splits, columns, licence) are shown beside these expectations, never silently replaced.

/** The multiple-choice benchmarks of spec §2 whose items turn up in training corpora. */
type Benchmark = 'MedQA' | 'MedMCQA' | 'PubMedQA' | 'MMLU';

/**
 * How a whole split may be brought into the browser: `parquet` reads its auto-converted Parquet files;
 * `page-only` is browsed and sampled 100 rows at a time, never downloaded whole (too large).
 */
type BulkPolicy = 'parquet' | 'page-only';

export interface Contamination {
  /** Benchmarks whose training items the corpus contains. */
  trainingItemsOf: readonly Benchmark[];
  /** Benchmarks whose evaluation items the corpus contains: never train on these and report them. */
  evaluationItemsOf: readonly Benchmark[];
  /** The fact behind the flags, in one sentence. */
  note: string;
}

export interface CorpusSplitChoice {
  config: string;
  split: string;
  /** Rows per the spec; the viewer's `/size` is shown once known. */
  approxRows: number;
  /** Overrides the entry's contamination for this config/split. */
  contamination?: Contamination;
}

export interface CatalogEntry {
  dataset: string;
  /** Config/split choices; the first is the default. The viewer may list more. */
  choices: readonly CorpusSplitChoice[];
  /** Columns the spec expects; `areColumnsConfirmed: false` means a guess to check against `features`. */
  columns: readonly string[];
  areColumnsConfirmed: boolean;
  /** Exactly as the dataset card states it (spec §4), including "none stated" and "not stated". */
  licence: string;
  /** The HealthBench data guide's key dataset. */
  key: boolean;
  bulk: BulkPolicy;
  contamination: Contamination;
  notes: string;
}

const CLEAN: Contamination = { trainingItemsOf: [], evaluationItemsOf: [], note: '' };

const SHARED_BENCHMARK_TRAINING: Contamination = {
  trainingItemsOf: ['MedQA', 'MedMCQA', 'PubMedQA'],
  evaluationItemsOf: [],
  note: 'Contains MedQA, MedMCQA and PubMedQA training items (spec §4).',
};

const MMLU_SUBJECTS: readonly (readonly [string, number])[] = [
  ['anatomy', 135],
  ['clinical_knowledge', 265],
  ['college_medicine', 173],
  ['medical_genetics', 100],
  ['nutrition', 306],
  ['professional_medicine', 272],
  ['virology', 166],
];

function alpaca(
  dataset: string,
  approxRows: number,
  licence: string,
  extra: Partial<CatalogEntry> = {},
): CatalogEntry {
  return {
    dataset,
    choices: [{ config: 'default', split: 'train', approxRows }],
    columns: ['instruction', 'input', 'output'],
    areColumnsConfirmed: true,
    licence,
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes: '',
    ...extra,
  };
}

export const CORPUS_CATALOG: readonly CatalogEntry[] = [
  alpaca('lavita/ChatDoctor-HealthCareMagic-100k', 112_165, 'none stated', {
    key: true,
    notes:
      'Key dataset of the HealthBench data guide. `input` is the patient, `output` the doctor; `instruction` is a fixed prompt.',
  }),
  {
    dataset: 'openlifescienceai/medmcqa',
    choices: [
      {
        config: 'default',
        split: 'train',
        approxRows: 182_822,
        contamination: {
          trainingItemsOf: ['MedMCQA'],
          evaluationItemsOf: [],
          note: 'This is MedMCQA’s own training split; its evaluation split is validation (4,183 rows).',
        },
      },
      {
        config: 'default',
        split: 'validation',
        approxRows: 4_183,
        contamination: {
          trainingItemsOf: [],
          evaluationItemsOf: ['MedMCQA'],
          note: 'This is the MedMCQA evaluation split (spec §2): do not train on it.',
        },
      },
    ],
    columns: [
      'question',
      'opa',
      'opb',
      'opc',
      'opd',
      'cop',
      'choice_type',
      'exp',
      'subject_name',
      'topic_name',
    ],
    areColumnsConfirmed: true,
    licence: 'apache-2.0',
    key: false,
    bulk: 'parquet',
    contamination: {
      trainingItemsOf: ['MedMCQA'],
      evaluationItemsOf: ['MedMCQA'],
      note: 'Benchmark data itself: train is MedMCQA’s training split, validation its evaluation split.',
    },
    notes: '`cop` is the correct option 0–3 in this repository; test answers are withheld.',
  },
  alpaca('medalpaca/medical_meadow_wikidoc_patient_information', 5_942, 'cc'),
  {
    dataset: 'Mohammed-Altaf/medical-instruction-100k',
    choices: [{ config: 'default', split: 'train', approxRows: 112_000 }],
    columns: ['Conversation'],
    areColumnsConfirmed: false,
    licence: 'MIT',
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes:
      'Conversation text with [|Human|] / [|AI|] markers. The column name is unconfirmed: check the real features before mapping.',
  },
  {
    dataset: 'qiaojin/PubMedQA',
    choices: [
      {
        config: 'pqa_labeled',
        split: 'train',
        approxRows: 1_000,
        contamination: {
          trainingItemsOf: [],
          evaluationItemsOf: ['PubMedQA'],
          note: 'The 1,000 expert-labelled questions include the official 500-question PubMedQA test set (spec §2).',
        },
      },
      {
        config: 'pqa_unlabeled',
        split: 'train',
        approxRows: 61_000,
        contamination: {
          trainingItemsOf: ['PubMedQA'],
          evaluationItemsOf: [],
          note: 'PubMedQA’s own unlabelled set: benchmark training data.',
        },
      },
      {
        config: 'pqa_artificial',
        split: 'train',
        approxRows: 211_000,
        contamination: {
          trainingItemsOf: ['PubMedQA'],
          evaluationItemsOf: [],
          note: 'PubMedQA’s own artificially labelled set: benchmark training data.',
        },
      },
    ],
    columns: ['pubid', 'question', 'context', 'long_answer', 'final_decision'],
    areColumnsConfirmed: true,
    licence: 'MIT',
    key: false,
    bulk: 'parquet',
    contamination: {
      trainingItemsOf: ['PubMedQA'],
      evaluationItemsOf: ['PubMedQA'],
      note: 'Benchmark data itself: pqa_labeled holds the test set; unlabeled and artificial are its training data.',
    },
    notes: '`context` holds `contexts[]`, `labels[]` and `meshes[]`.',
  },
  alpaca('medalpaca/medical_meadow_medqa', 10_178, 'none', {
    contamination: {
      trainingItemsOf: ['MedQA'],
      evaluationItemsOf: [],
      note: 'MedQA questions as instructions: benchmark training data.',
    },
  }),
  alpaca('medalpaca/medical_meadow_medical_flashcards', 33_955, 'cc'),
  {
    dataset: 'keivalya/MedQuad-MedicalQnADataset',
    choices: [{ config: 'default', split: 'train', approxRows: 16_407 }],
    columns: ['qtype', 'Question', 'Answer'],
    areColumnsConfirmed: false,
    licence: 'not stated',
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes: '`Question` and `Answer`; `qtype` may or may not be present.',
  },
  {
    dataset: 'ruslanmv/ai-medical-chatbot',
    choices: [{ config: 'default', split: 'train', approxRows: 256_916 }],
    columns: ['Description', 'Patient', 'Doctor'],
    areColumnsConfirmed: true,
    licence: 'not stated',
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes: '',
  },
  alpaca('nlpie/Llama2-MedTuned-Instructions', 200_252, 'cc-by-nc-4.0', {
    columns: ['instruction', 'input', 'output', 'source'],
    contamination: SHARED_BENCHMARK_TRAINING,
    notes: 'A second split holds 70,066 rows (its name is as the viewer lists it). Non-commercial.',
  }),
  alpaca('axiong/pmc_llama_instructions', 513_999, 'openrail', {
    columns: ['instruction', 'input', 'output', 'source', 'sample_id'],
    bulk: 'page-only',
    contamination: SHARED_BENCHMARK_TRAINING,
    notes: 'About 700 MB: browse and sample it page by page; it is never downloaded whole.',
  }),
  alpaca('medalpaca/medical_meadow_wikidoc', 10_000, 'cc'),
  {
    dataset: 'gamino/wiki_medical_terms',
    choices: [{ config: 'default', split: 'train', approxRows: 6_861 }],
    columns: ['page_title', 'page_text'],
    areColumnsConfirmed: true,
    licence: 'gpl-3.0',
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes: 'Encyclopedia pages, not conversations.',
  },
  {
    dataset: 'BI55/MedText',
    choices: [{ config: 'default', split: 'train', approxRows: 1_412 }],
    columns: ['Prompt', 'Completion'],
    areColumnsConfirmed: true,
    licence: 'cc-by-4.0',
    key: false,
    bulk: 'parquet',
    contamination: CLEAN,
    notes: '',
  },
  {
    dataset: 'GBaker/MedQA-USMLE-4-options',
    choices: [
      {
        config: 'default',
        split: 'test',
        approxRows: 1_273,
        contamination: {
          trainingItemsOf: [],
          evaluationItemsOf: ['MedQA'],
          note: 'This is the MedQA evaluation split (spec §2): do not train on it.',
        },
      },
    ],
    columns: ['question', 'options', 'answer_idx', 'answer', 'meta_info'],
    areColumnsConfirmed: true,
    licence: 'cc-by-4.0',
    key: false,
    bulk: 'parquet',
    contamination: {
      trainingItemsOf: [],
      evaluationItemsOf: ['MedQA'],
      note: 'Benchmark data itself: its test split is the MedQA evaluation set.',
    },
    notes: 'Other splits, if the viewer lists them, are not described by the spec.',
  },
  {
    dataset: 'cais/mmlu',
    choices: MMLU_SUBJECTS.map(([config, approxRows]) => ({ config, split: 'test', approxRows })),
    columns: ['question', 'choices', 'answer'],
    areColumnsConfirmed: true,
    licence: 'MIT',
    key: false,
    bulk: 'parquet',
    contamination: {
      trainingItemsOf: [],
      evaluationItemsOf: ['MMLU'],
      note: 'Benchmark data itself: the test split of each medical subject is what MMLU evaluates.',
    },
    notes: 'The seven medical subjects, one config each. `answer` is 0–3.',
  },
];

export function catalogEntry(dataset: string): CatalogEntry | undefined {
  return CORPUS_CATALOG.find((entry) => entry.dataset === dataset);
}

export function defaultChoice(entry: CatalogEntry): CorpusSplitChoice {
  const first = entry.choices[0];
  if (first === undefined) throw new Error(`Catalog entry ${entry.dataset} has no split.`);
  return first;
}

/** The contamination that applies to one config/split (the choice's own, else the entry's). */
export function contaminationFor(
  entry: CatalogEntry,
  config: string,
  split: string,
): Contamination {
  const choice = entry.choices.find((c) => c.config === config && c.split === split);
  return choice?.contamination ?? entry.contamination;
}

export function isContaminated(contamination: Contamination): boolean {
  return contamination.trainingItemsOf.length > 0 || contamination.evaluationItemsOf.length > 0;
}

/** Cards that say nothing about licensing ("none", "none stated", "not stated"). */
export function isLicenceStated(licence: string): boolean {
  return !/^(none|none stated|not stated)$/i.test(licence.trim());
}

/** Rows the spec expects across all listed choices (MMLU: its seven subjects together). */
export function approxTotalRows(entry: CatalogEntry): number {
  return entry.choices.reduce((sum, choice) => sum + choice.approxRows, 0);
}
