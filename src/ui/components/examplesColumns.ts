import { createColumnHelper } from '@tanstack/react-table';
import type { EnvModule } from '../../core/envs/types';
import type { ExampleRecord } from '../../core/schema/dataset';

const column = createColumnHelper<ExampleRecord>();

/** MTSamples: notes from files, so the file name and the lengths of input and reference. */
const examplesColumns = [
  column.accessor('example_id', { header: 'Example', sortingFn: 'basic' }),
  column.accessor('filename', { header: 'File', sortingFn: 'text' }),
  column.accessor((row) => row.extracted_section ?? '—', { id: 'section', header: 'Section' }),
  column.accessor((row) => row.question.length, {
    id: 'inputLength',
    header: 'Input chars',
    sortingFn: 'basic',
  }),
  column.accessor((row) => row.answer.length, {
    id: 'referenceLength',
    header: 'Reference chars',
    sortingFn: 'basic',
  }),
];

const PREVIEW_CHARS = 120;

function preview(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/** A stored example's group: the benchmark's subject / theme, or MTSamples' section. */
export function groupOf(row: ExampleRecord): string | null {
  return row.group ?? row.extracted_section;
}

/** Benchmarks loaded from Hugging Face: the source's row id, the group, and the text itself. */
function benchmarkColumns(groupLabel: string) {
  return [
    column.accessor('example_id', { header: 'Example', sortingFn: 'basic' }),
    column.accessor('id', { header: 'Source id', sortingFn: 'text' }),
    column.accessor((row) => groupOf(row) ?? '—', { id: 'group', header: groupLabel }),
    column.accessor((row) => preview(row.question), {
      id: 'question',
      header: 'Question',
      sortingFn: 'text',
    }),
    column.accessor((row) => preview(row.answer), {
      id: 'answer',
      header: 'Answer',
      sortingFn: 'text',
    }),
  ];
}

/** The columns for a dataset of this env (MTSamples keeps its own; unknown envs read as benchmarks). */
export function columnsFor(env: EnvModule | undefined) {
  if (env === undefined) return benchmarkColumns('Group');
  return env.source.kind === 'github-notes' ? examplesColumns : benchmarkColumns(env.groupLabel);
}

/** Case-insensitive search over file name, source id, group, question / notes and reference. */
export function exampleMatches(row: ExampleRecord, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return (
    row.filename.toLowerCase().includes(needle) ||
    row.id.toLowerCase().includes(needle) ||
    (groupOf(row) ?? '').toLowerCase().includes(needle) ||
    row.question.toLowerCase().includes(needle) ||
    row.answer.toLowerCase().includes(needle)
  );
}
