import type { CatalogEntry } from '../../../core/corpora/catalog';
import { contaminationWarning, licenceNotice } from '../../../core/corpora/exportWarnings';
import type { CorpusTarget } from '../../../core/schema/corpus';
import type { CorpusOverview } from '../../../worker/workerApi';
import { ErrorBanner } from '../ErrorBanner';
import { FeatureList } from './FeatureList';
import { SplitPicker } from './SplitPicker';
import type { CorpusJob } from './useCorpusJob';

interface CorpusSummaryProps {
  entry: CatalogEntry;
  target: CorpusTarget;
  overview: CorpusJob<CorpusOverview>;
  onChoose: (config: string, split: string) => void;
}

function viewerLimits(status: CorpusOverview['status']): string | null {
  if (!status.viewer) return 'The dataset viewer has no rows for this dataset: browsing may fail.';
  const missing = [!status.search && 'search', !status.filter && 'filter'].filter(Boolean);
  return missing.length === 0
    ? null
    : `The dataset viewer cannot ${missing.join(' or ')} this dataset: load the split to do it here.`;
}

/** The chosen corpus: its licence first, contamination, notes, split choice and real columns. */
export function CorpusSummary({ entry, target, overview, onChoose }: CorpusSummaryProps) {
  const info = overview.result?.info ?? null;
  const contamination = contaminationWarning(target.dataset, target.config, target.split);
  const limits = overview.result === null ? null : viewerLimits(overview.result.status);
  return (
    <section className="panel" aria-labelledby="corpus-title">
      <h2 id="corpus-title">
        <code>{entry.dataset}</code>
        {entry.key && <span className="corpus-badge corpus-badge-key">key dataset</span>}
      </h2>
      <p className="corpus-licence" data-testid="corpus-licence">
        {licenceNotice(entry.dataset, info?.licence ?? null)}
      </p>
      {contamination !== null && (
        <p className="corpus-warning" role="note" data-testid="corpus-contamination">
          {contamination}
        </p>
      )}
      {entry.notes !== '' && <p className="muted">{entry.notes}</p>}
      <div className="toolbar">
        <SplitPicker
          entry={entry}
          target={target}
          splits={overview.result?.splits}
          onChoose={onChoose}
        />
        {overview.isRunning && <span className="muted">Asking the dataset viewer…</span>}
      </div>
      {limits !== null && <p className="muted">{limits}</p>}
      {overview.error !== null && (
        <ErrorBanner title="The dataset viewer did not answer" error={overview.error} />
      )}
      {overview.result?.problems.map((problem) => (
        <p key={problem} className="muted small">
          {problem}
        </p>
      ))}
      <h3>Columns</h3>
      <FeatureList features={info?.features ?? []} />
    </section>
  );
}
