import { createColumnHelper } from '@tanstack/react-table';
import type { ExampleRecord } from '../../core/schema/dataset';

const column = createColumnHelper<ExampleRecord>();

export const examplesColumns = [
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

/** Case-insensitive search over file name, section, patient notes and reference. */
export function exampleMatches(row: ExampleRecord, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return (
    row.filename.toLowerCase().includes(needle) ||
    (row.extracted_section ?? '').toLowerCase().includes(needle) ||
    row.question.toLowerCase().includes(needle) ||
    row.answer.toLowerCase().includes(needle)
  );
}
