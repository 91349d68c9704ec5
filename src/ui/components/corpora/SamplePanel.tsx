import { useState } from 'react';
import type { CorpusFeature } from '../../../core/corpora/features';
import { MAX_REMOTE_SAMPLE_ROWS } from '../../../core/corpora/remoteSamplePlan';
import type { CorpusRow, CorpusSample } from '../../../worker/workerApi';
import { ErrorBanner } from '../ErrorBanner';
import { RowDetail } from './RowDetail';
import { RowTable } from './RowTable';
import type { CorpusJob } from './useCorpusJob';

interface SamplePanelProps {
  sample: CorpusJob<CorpusSample>;
  features: readonly CorpusFeature[];
  isLoaded: boolean;
  onSample: (size: number, seed: string) => void;
}

/** A seeded sample: the same size and seed always give the same rows. */
export function SamplePanel({ sample, features, isLoaded, onSample }: SamplePanelProps) {
  const [size, setSize] = useState(100);
  const [seed, setSeed] = useState('1');
  const [selected, setSelected] = useState<CorpusRow | null>(null);
  const result = sample.result;
  return (
    <section className="panel" aria-labelledby="corpus-sample-title">
      <h2 id="corpus-sample-title">Seeded sample</h2>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setSelected(null);
          onSample(size, seed.trim() === '' ? '1' : seed.trim());
        }}
      >
        <label>
          Rows{' '}
          <input
            type="number"
            min={1}
            step={1}
            value={size}
            onChange={(e) => setSize(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
            data-testid="corpus-sample-size"
          />
        </label>
        <label>
          Seed <input value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={sample.isRunning}>
          Sample
        </button>
        {sample.isRunning && (
          <button type="button" onClick={sample.cancel}>
            Cancel
          </button>
        )}
        <span className="muted small">
          {isLoaded
            ? 'From the loaded copy: any size.'
            : `Page by page from the dataset viewer: at most ${MAX_REMOTE_SAMPLE_ROWS} rows (load the split for more).`}
        </span>
      </form>
      {sample.error !== null && (
        <ErrorBanner title="Sampling failed" error={sample.error} onDismiss={sample.clearError} />
      )}
      {result !== null && (
        <p data-testid="corpus-sample-summary">
          {result.size.toLocaleString('en')} of {result.total.toLocaleString('en')} rows sampled
          {result.preview.length < result.size && ` (showing the first ${result.preview.length})`}.
        </p>
      )}
      {result !== null && (
        <div className="split">
          <RowTable
            rows={result.preview}
            features={result.features.length > 0 ? result.features : features}
            selectedIdx={selected?.rowIdx ?? null}
            onSelect={setSelected}
            label="Sampled rows"
          />
          {selected !== null && (
            <RowDetail row={selected} features={features} onClose={() => setSelected(null)} />
          )}
        </div>
      )}
    </section>
  );
}
