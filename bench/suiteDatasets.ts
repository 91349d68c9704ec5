// The Hugging Face datasets the Medmarks verified suite loads, for the suite bench: each in its real
// Parquet shape (the column shapes the worker tests use), at its real split size, by replicating the
// reference fixtures' rows (ids made unique per copy). Sizes are from /work/notes/medmarks/*.md (the
// env notes, from the dataset cards and papers); where a note gives none, the published size.
import { readFileSync } from 'node:fs';
import type { SchemaElement } from 'hyparquet-writer';
import type { FakeHfDataset } from '../test/support/fakeHuggingFace';
import {
  choiceFixtureDatasets,
  readChoiceFixtures,
  type ChoiceFixture,
} from '../test/support/medmarks/choiceFixtures';
import {
  medcalcParquet,
  medHaltParquet,
  medhalluParquet,
} from '../test/support/medmarks/medmarksParquet';
import { medqaParquet, medqaRows, writeParquet } from '../test/support/parquetFixtures';

type Row = Record<string, unknown>;

/** Rows per row group of the served files (the Hub's converted files hold large groups). */
export const ROW_GROUP_ROWS = 10_000;
const REVISION = 'c'.repeat(40);

/** `dataset/config/split` → real rows, and where the figure comes from. */
const SPLIT_SIZES: Readonly<Record<string, readonly [number, string]>> = {
  'GBaker/MedQA-USMLE-4-options/default/test': [1_273, 'medqa.md'],
  'lighteval/med_mcqa/default/validation': [4_183, 'med_mcqa.md'],
  'HPAI-BSC/CareQA/CareQA_en/test': [5_621, 'careqa.md (≈ card)'],
  'alesi12/head_qa_v2/en/train': [12_000, 'head_qa_v2.md (~12k, paper)'],
  'mkieffer/M-ARC/default/test': [100, 'm_arc.md'],
  'TIGER-Lab/MMLU-Pro/default/validation': [70, 'm_arc.md (5 per category × 14)'],
  'TIGER-Lab/MMLU-Pro/default/test': [12_032, 'MMLU-Pro published size (818 health)'],
  'mkieffer/Medbullets/default/op4_test': [308, 'medbullets.md'],
  'mkieffer/Medbullets/default/op5_test': [308, 'medbullets.md'],
  'sameedkhan/medconceptsqa-sample_medarc_2k/icd10cm_easy/test': [2_000, 'medconceptsqa.md ("2k")'],
  'sameedkhan/medconceptsqa-sample_medarc_2k/icd10cm_medium/test': [
    2_000,
    'medconceptsqa.md ("2k")',
  ],
  'sameedkhan/medconceptsqa-sample_medarc_2k/icd10cm_hard/test': [2_000, 'medconceptsqa.md ("2k")'],
  'TsinghuaC3I/MedXpertQA/Text/test': [2_450, 'medxpertqa.md'],
  'maximegmd/MetaMedQA/default/test': [1_373, 'metamedqa.md (≈ paper)'],
  'Joshua-Harris/PubHealthBench/default/reviewed': [760, 'pubhealthbench.md'],
  'm-a-p/SuperGPQA/default/train': [26_529, 'SuperGPQA published size (2,755 Medicine)'],
  'UTAustin-AIHealth/MedHallu/pqa_labeled/train': [1_000, 'medhallu.md'],
  'ncbi/MedCalc-Bench-v1.2/default/test': [1_100, 'medcalc_bench.md (≈ README)'],
  'openlifescienceai/Med-HALT/reasoning_FCT/train': [5_154, 'med_halt.md (README per test type)'],
  'openlifescienceai/Med-HALT/reasoning_nota/train': [5_154, 'med_halt.md (README per test type)'],
  'qiaojin/PubMedQA/pqa_labeled/train': [1_000, 'pubmedqa.md'],
};

/** Columns that name a row: made unique in each copy after the first. */
const ID_KEYS = ['id', 'question_id', 'uuid', 'unique_id', 'qid', 'Row Number', 'pubid'];
/** The question's text, by dataset. */
const TEXT_KEYS = ['question', 'Question', 'qtext'];

function replicate(rows: readonly Row[], n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const base = rows[i % rows.length] ?? {};
    const copy = Math.floor(i / rows.length);
    if (copy === 0) return base;
    const row = { ...base };
    for (const key of ID_KEYS) {
      const value = row[key];
      if (typeof value === 'string') row[key] = `${value}-r${copy}`;
      else if (typeof value === 'number') row[key] = value + copy * 1_000_000;
    }
    // Distinct texts, so the files do not shrink to one dictionary page per column.
    for (const key of TEXT_KEYS) {
      const value = row[key];
      if (typeof value === 'string') row[key] = `${value} (${copy})`;
    }
    return row;
  });
}

function sized(key: string, rows: readonly Row[]): Row[] {
  const size = SPLIT_SIZES[key];
  return size === undefined ? [...rows] : replicate(rows, size[0]);
}

const utf8 = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});
const stringList = (name: string): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  utf8('element'),
];

const PUBMEDQA_CONTEXT = [
  'contexts',
  'labels',
  'meshes',
  'reasoning_required_pred',
  'reasoning_free_pred',
];

/** qiaojin/PubMedQA pqa_labeled/train: pubid (int32), question, the context struct of lists, answers. */
function pubmedqaRows(n: number): Row[] {
  const decisions = ['yes', 'no', 'maybe'];
  return Array.from({ length: n }, (_, i) => ({
    pubid: 10_000_000 + i,
    question: `Does treatment ${i} improve outcome ${i % 17} in adults?`,
    context: {
      contexts: [`Background of study ${i}.`, `Methods and results of study ${i}.`],
      labels: ['BACKGROUND', 'RESULTS'],
      meshes: ['Adult', 'Humans'],
      reasoning_required_pred: ['yes'],
      reasoning_free_pred: ['yes'],
    },
    long_answer: `Treatment ${i} appears to help.`,
    final_decision: decisions[i % 3],
  }));
}

function pubmedqaParquet(rows: readonly Row[]): Uint8Array {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: 5 },
    { name: 'pubid', type: 'INT32', repetition_type: 'OPTIONAL' },
    utf8('question'),
    { name: 'context', repetition_type: 'OPTIONAL', num_children: PUBMEDQA_CONTEXT.length },
    ...PUBMEDQA_CONTEXT.flatMap(stringList),
    utf8('long_answer'),
    utf8('final_decision'),
  ];
  const names = ['pubid', 'question', 'context', 'long_answer', 'final_decision'];
  return writeParquet(
    names.map((name) => ({ name, data: rows.map((row) => row[name] ?? null) })),
    { schema, rowGroupSize: ROW_GROUP_ROWS },
  );
}

interface EnvFixture {
  rows: Row[] | Record<string, Row[]>;
}
const readEnvFixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../test/fixtures/medmarks/${name}`, import.meta.url), 'utf8'),
  ) as EnvFixture;

function oneSplit(
  id: string,
  config: string,
  split: string,
  base: readonly Row[],
  parquet: (rows: Row[]) => Uint8Array,
): FakeHfDataset {
  const rows = sized(`${id}/${config}/${split}`, base);
  return {
    id,
    revision: REVISION,
    configs: { [config]: { [split]: { rows, parquet: parquet(rows) } } },
  };
}

export interface ServedSplit {
  dataset: string;
  config: string;
  split: string;
  rows: number;
  bytes: number;
  source: string;
}

/** Every Hugging Face dataset of the suite, one entry per repository (configs and splits merged). */
export function suiteDatasets(): { datasets: FakeHfDataset[]; splits: ServedSplit[] } {
  // The multiple-choice fixtures: their splits merged (M-ARC and MMLU-Pro-health share MMLU-Pro).
  const seen = new Set<string>();
  const merged: ChoiceFixture = {
    reference: { env_id: 'suite' },
    datasets: [],
    entries: [],
  };
  for (const fixture of readChoiceFixtures()) {
    for (const d of fixture.datasets) {
      const key = `${d.path}/${d.config ?? 'default'}/${d.split}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.datasets.push(d);
    }
  }
  const choice = choiceFixtureDatasets(merged, REVISION, {
    rowsOf: (d) => sized(`${d.path}/${d.config ?? 'default'}/${d.split}`, d.rows),
    rowGroupSize: ROW_GROUP_ROWS,
  });
  const medhallu = readEnvFixture('medhallu.json').rows as Row[];
  const medcalc = readEnvFixture('medcalc-bench.json').rows as Row[];
  const medHalt = readEnvFixture('med-halt.json').rows as Record<string, Row[]>;
  const opts = { rowGroupSize: ROW_GROUP_ROWS };
  const haltConfig = (config: string) => {
    const rows = sized(`openlifescienceai/Med-HALT/${config}/train`, medHalt[config] ?? []);
    return { train: { rows, parquet: medHaltParquet(rows, opts) } };
  };
  const datasets: FakeHfDataset[] = [
    oneSplit('GBaker/MedQA-USMLE-4-options', 'default', 'test', medqaRows(1_273), (rows) =>
      medqaParquet(rows as ReturnType<typeof medqaRows>, opts),
    ),
    ...choice,
    oneSplit('UTAustin-AIHealth/MedHallu', 'pqa_labeled', 'train', medhallu, (rows) =>
      medhalluParquet(rows, opts),
    ),
    oneSplit('ncbi/MedCalc-Bench-v1.2', 'default', 'test', medcalc, (rows) =>
      medcalcParquet(rows, opts),
    ),
    {
      id: 'openlifescienceai/Med-HALT',
      revision: REVISION,
      configs: {
        reasoning_FCT: haltConfig('reasoning_FCT'),
        reasoning_nota: haltConfig('reasoning_nota'),
      },
    },
    oneSplit('qiaojin/PubMedQA', 'pqa_labeled', 'train', pubmedqaRows(1_000), pubmedqaParquet),
  ];
  const splits = datasets.flatMap((dataset) =>
    Object.entries(dataset.configs).flatMap(([config, bySplit]) =>
      Object.entries(bySplit).map(([split, data]) => ({
        dataset: dataset.id,
        config,
        split,
        rows: data.rows?.length ?? 0,
        bytes: data.parquet?.length ?? 0,
        source: SPLIT_SIZES[`${dataset.id}/${config}/${split}`]?.[1] ?? 'fixture rows as they are',
      })),
    ),
  );
  return { datasets, splits };
}
