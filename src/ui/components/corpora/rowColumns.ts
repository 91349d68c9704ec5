import { createColumnHelper } from '@tanstack/react-table';
import type { CorpusFeature } from '../../../core/corpora/features';
import { cellText } from '../../../core/corpora/plainRow';
import type { CorpusRow } from '../../../worker/workerApi';

const column = createColumnHelper<CorpusRow>();
const PREVIEW_CHARS = 140;

function preview(value: unknown): string {
  const text = cellText(value).replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** Columns for corpus rows: the row index, then one per feature (cells shortened to one line). */
export function rowColumns(features: readonly CorpusFeature[]) {
  return [
    column.accessor('rowIdx', { header: 'Row', sortingFn: 'basic' }),
    ...features.map((feature) =>
      column.accessor((row) => preview(row.row[feature.name]), {
        id: `col:${feature.name}`,
        header: feature.name,
        sortingFn: 'text',
      }),
    ),
  ];
}

/** Feature names for rows that came without any (e.g. an empty page): the keys of the first row. */
export function featuresOrKeys(
  features: readonly CorpusFeature[],
  rows: readonly CorpusRow[],
): CorpusFeature[] {
  if (features.length > 0) return [...features];
  return Object.keys(rows[0]?.row ?? {}).map((name) => ({ name, type: 'unknown' }));
}
