import { useMemo, useState } from 'react';
import type { CorpusFeature } from '../../../core/corpora/features';
import type { RowQuery } from '../../../core/schema/corpus';
import type { CorpusPage, CorpusRow } from '../../../worker/workerApi';
import { ErrorBanner } from '../ErrorBanner';
import { RowDetail } from './RowDetail';
import { RowSearchForm } from './RowSearchForm';
import { RowTable } from './RowTable';
import { featuresOrKeys } from './rowColumns';
import { BROWSE_PAGE_ROWS } from './useCorpusRows';
import type { CorpusJob } from './useCorpusJob';

interface RowBrowserProps {
  rows: CorpusJob<CorpusPage>;
  features: readonly CorpusFeature[];
  offset: number;
  isLoaded: boolean;
  onOffset: (offset: number) => void;
  onSearch: (query: RowQuery) => void;
}

/** Pages of 100 rows (remote or loaded), search and filter, and the full text of a chosen row. */
export function RowBrowser({
  rows,
  features,
  offset,
  isLoaded,
  onOffset,
  onSearch,
}: RowBrowserProps) {
  const [selected, setSelected] = useState<CorpusRow | null>(null);
  const page = rows.result;
  // Stable between renders, so the memoised table below is not rebuilt on every progress write.
  const shown = useMemo(
    () => featuresOrKeys(page?.features.length ? page.features : features, page?.rows ?? []),
    [page, features],
  );
  const total = page?.total ?? 0;
  const last = Math.min(offset + (page?.rows.length ?? 0), total);
  return (
    <section className="panel" aria-labelledby="corpus-rows-title">
      <h2 id="corpus-rows-title">Rows</h2>
      <RowSearchForm
        columns={shown.map((f) => f.name)}
        isLoaded={isLoaded}
        onSearch={(query) => {
          setSelected(null);
          onSearch(query);
        }}
      />
      {rows.error !== null && <ErrorBanner title="Rows could not be read" error={rows.error} />}
      <div className="toolbar">
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - BROWSE_PAGE_ROWS))}
        >
          Previous 100
        </button>
        <span data-testid="corpus-rows-range" aria-live="polite">
          {rows.isRunning
            ? 'Loading…'
            : `Rows ${total === 0 ? 0 : offset + 1}–${last} of ${total.toLocaleString('en')}`}
          {page !== null && ` · ${page.source === 'local' ? 'loaded copy' : 'dataset viewer'}`}
        </span>
        <button
          type="button"
          disabled={last >= total}
          onClick={() => onOffset(offset + BROWSE_PAGE_ROWS)}
        >
          Next 100
        </button>
      </div>
      {page?.note !== undefined && <p className="muted small">{page.note}</p>}
      <div className="split">
        <RowTable
          rows={page?.rows ?? []}
          features={shown}
          selectedIdx={selected?.rowIdx ?? null}
          onSelect={setSelected}
          label="Rows of the split"
        />
        {selected !== null && (
          <RowDetail row={selected} features={shown} onClose={() => setSelected(null)} />
        )}
      </div>
    </section>
  );
}
