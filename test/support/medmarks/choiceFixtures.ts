// The Medmarks multiple-choice reference fixtures (test/fixtures/reference/medmarks, one per MedARC
// env: the synthetic rows MedARC's code read, the messages it rendered per entry and its reward for
// each sample reply) and the Hugging Face datasets that serve those rows as real Parquet (structs,
// lists, int64) at the paths the reference loads, for the worker tests and the suite e2e.
import { readdirSync, readFileSync } from 'node:fs';
import type { FakeHfDataset } from '../fakeHuggingFace';
import { rowsParquet, type ParquetColumn } from '../rowsParquet';

interface ChoiceFixtureExample {
  messages: { role: string; content: string }[];
  answer: string;
  verdicts: { reply: string; reward97d3282: number }[];
}

export interface ChoiceFixture {
  reference: { env_id: string };
  datasets: {
    path: string;
    config: string | null;
    split: string;
    rows: Record<string, unknown>[];
  }[];
  entries: {
    env_args: Record<string, unknown>;
    rows: number;
    /** In the reference's row order (after its filters). */
    examples: ChoiceFixtureExample[];
  }[];
}

const s = (name: string): ParquetColumn => ({ name, kind: 'string' });
const int = (name: string): ParquetColumn => ({ name, kind: 'int64' });
/** A letter → option struct; the letters are ASCII. */
const struct = (name: string, letters: string): ParquetColumn => ({
  name,
  kind: 'struct',
  keys: letters.split(''),
});
const list = (name: string): ParquetColumn => ({ name, kind: 'list' });

/** Each dataset's columns as the Hub's converted Parquet types them. */
const CHOICE_COLUMNS: Readonly<Record<string, readonly ParquetColumn[]>> = {
  'HPAI-BSC/CareQA': [
    int('exam_id'),
    s('question'),
    s('op1'),
    s('op2'),
    s('op3'),
    s('op4'),
    int('cop'),
    int('year'),
    s('category'),
    s('unique_id'),
  ],
  'mkieffer/Medbullets': [s('question'), struct('options', 'ABCDE'), s('answer'), s('explanation')],
  'm-a-p/SuperGPQA': [
    s('uuid'),
    s('question'),
    list('options'),
    s('answer'),
    s('answer_letter'),
    s('discipline'),
    s('field'),
    s('subfield'),
    s('difficulty'),
    { name: 'is_calculation', kind: 'bool' },
  ],
  'TsinghuaC3I/MedXpertQA': [
    s('id'),
    s('question'),
    struct('options', 'ABCDEFGHIJ'),
    s('label'),
    s('medical_task'),
    s('body_system'),
    s('question_type'),
  ],
  'maximegmd/MetaMedQA': [s('question'), s('answer'), struct('options', 'ABCDEF')],
  'alesi12/head_qa_v2': [
    int('qid'),
    s('qtext'),
    int('ra'),
    {
      name: 'answers',
      kind: 'list-struct',
      fields: [
        { name: 'aid', kind: 'int64' },
        { name: 'atext', kind: 'string' },
      ],
    },
    s('year'),
    s('category'),
    s('name'),
    s('image'),
  ],
  'lighteval/med_mcqa': [
    s('id'),
    s('question'),
    s('opa'),
    s('opb'),
    s('opc'),
    s('opd'),
    int('cop'),
    s('choice_type'),
    s('exp'),
    s('subject_name'),
    s('topic_name'),
  ],
  'TIGER-Lab/MMLU-Pro': [
    int('question_id'),
    s('question'),
    list('options'),
    s('answer'),
    int('answer_index'),
    s('cot_content'),
    s('category'),
    s('src'),
  ],
  'sameedkhan/medconceptsqa-sample_medarc_2k': [
    int('question_id'),
    s('answer'),
    s('answer_id'),
    s('option1'),
    s('option2'),
    s('option3'),
    s('option4'),
    s('question'),
    s('vocab'),
    s('level'),
  ],
  'mkieffer/M-ARC': [s('question'), struct('options', 'ABCDEFG'), s('answer')],
  'Joshua-Harris/PubHealthBench': [
    s('question_id'),
    s('question'),
    list('options'),
    int('answer_index'),
    s('category'),
    s('retrieved_context_for_judge'),
  ],
};

const DIR = new URL('../../fixtures/reference/medmarks/', import.meta.url);

/** Every reference fixture whose datasets have their columns here. */
export function readChoiceFixtures(): ChoiceFixture[] {
  return readdirSync(DIR)
    .map((name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as ChoiceFixture)
    .filter((fixture) => fixture.datasets.every((d) => CHOICE_COLUMNS[d.path] !== undefined));
}

/** The fixture of one MedARC env id (`careqa`, `med_mcqa`…). */
export function readChoiceFixture(medarcEnvId: string): ChoiceFixture {
  const fixture = JSON.parse(
    readFileSync(new URL(`${medarcEnvId}.json`, DIR), 'utf8'),
  ) as ChoiceFixture;
  if (fixture.datasets.some((d) => CHOICE_COLUMNS[d.path] === undefined)) {
    throw new Error(`no Parquet columns for a dataset of ${medarcEnvId}`);
  }
  return fixture;
}

type FixtureSplit = ChoiceFixture['datasets'][number];

/** How the bench serves a fixture's splits at their real sizes: the rows of each, and row groups. */
interface ServeAtScale {
  rowsOf: (split: FixtureSplit) => Record<string, unknown>[];
  rowGroupSize: number;
}

/** The fixture's datasets for the Hugging Face imitation: one per path, its configs and splits. */
export function choiceFixtureDatasets(
  fixture: ChoiceFixture,
  revision = 'c'.repeat(40),
  scale: ServeAtScale = { rowsOf: (split) => split.rows, rowGroupSize: 16 },
): FakeHfDataset[] {
  const byPath = new Map<string, ChoiceFixture['datasets']>();
  for (const d of fixture.datasets) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  return [...byPath].map(([id, splits]) => ({
    id,
    revision,
    configs: Object.fromEntries(
      [...new Set(splits.map((d) => d.config ?? 'default'))].map((config) => [
        config,
        Object.fromEntries(
          splits
            .filter((d) => (d.config ?? 'default') === config)
            .map((d) => {
              const rows = scale.rowsOf(d);
              const parquet = rowsParquet(rows, CHOICE_COLUMNS[id] ?? [], {
                rowGroupSize: scale.rowGroupSize,
              });
              return [d.split, { rows, parquet }];
            }),
        ),
      ]),
    ),
  }));
}
