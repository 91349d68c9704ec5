// LongHealth's loadable datasets: each task under each document shuffle seed Medmarks uses (2718 for
// its main columns, 1618 and 9331 with the answer-shuffle repeats), all read from MedARC's bundled
// benchmark_v5.json at a pinned commit and built as the reference builds them. Pure.
import type { EnvVariant, GithubFilePart } from '../types';
import { readBenchmark } from './benchmark';
import { prepareExamples } from './prepareExamples';

const LONGHEALTH_REPO = 'MedARC-AI/med-lm-envs';
/** MedARC's commit whose tree holds the benchmark file (the same blob as at 154710b). */
const LONGHEALTH_DATA_COMMIT = '6568528960aa54c77434d8e7eaa108150cc4208e';
export const LONGHEALTH_DATA_PATH = 'environments/longhealth/benchmark_v5.json';
/** git's blob id of benchmark_v5.json (LongHealth's data/benchmark_v5.json, Apache-2.0). */
const LONGHEALTH_BLOB = '76bf80d37f321408a0e3f421a2e2d7ef59e97c1e';
export const LONGHEALTH_DOC_SEEDS = [2718, 1618, 9331] as const;

export function longHealthVariantId(task: string, docSeed: number): string {
  return `${task}-seed${docSeed}`;
}

const TASKS = {
  task1: {
    label: 'Task 1',
    description:
      'Information extraction: each question with its own patient’s letters (the answer letters first, ' +
      'then the others shuffled, up to 64,000 characters), shuffled.',
  },
  task2: {
    label: 'Task 2',
    description:
      'Negation and identification: each question twice — with four letters of other patients only ' +
      '(gold F, “cannot be answered”) and with the answer letters among ten of other patients.',
  },
} as const;

function part(task: 'task1' | 'task2', docSeed: number): GithubFilePart {
  return {
    kind: 'github-file',
    repo: LONGHEALTH_REPO,
    path: LONGHEALTH_DATA_PATH,
    blobSha: LONGHEALTH_BLOB,
    bytes: null,
    rows: (text) => prepareExamples(readBenchmark(text), { task, docSeed, shuffleDocs: true }),
  };
}

export const LONGHEALTH_VARIANTS: readonly EnvVariant[] = LONGHEALTH_DOC_SEEDS.flatMap((seed) =>
  (['task1', 'task2'] as const).map((task) => ({
    id: longHealthVariantId(task, seed),
    label: `${TASKS[task].label}, document seed ${seed}`,
    description: `${TASKS[task].description} Letters shuffled with doc_shuffle_seed ${seed}.`,
    expectedRows: null,
    revision: LONGHEALTH_DATA_COMMIT,
    parts: [part(task, seed)],
  })),
);
