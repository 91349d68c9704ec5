import type { DatasetRecord } from '../../core/schema/dataset';
import { formatBytes } from '../format';

/** Counts of a processed dataset, including where it came from and which rules made it. */
export function DatasetSummary({ record }: { record: DatasetRecord }) {
  const sections = Object.entries(record.sectionCounts).sort(([, a], [, b]) => b - a);
  const origin =
    record.origin.kind === 'github'
      ? `${record.origin.repo}/${record.origin.folder} @ ${record.origin.commit.slice(0, 10)}`
      : `imported ${record.origin.format}: ${record.origin.fileNames.slice(0, 3).join(', ')}`;
  return (
    <dl className="summary" data-testid="dataset-summary">
      <div>
        <dt>Examples</dt>
        <dd data-testid="count-examples">{record.exampleCount}</dd>
      </div>
      <div>
        <dt>Skipped</dt>
        <dd data-testid="count-skipped">{record.skippedCount}</dd>
      </div>
      <div>
        <dt>By section</dt>
        <dd data-testid="count-sections">
          {sections.map(([section, count]) => `${section} ${count}`).join(' / ') || '—'}
        </dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{origin}</dd>
      </div>
      <div>
        <dt>Rules</dt>
        <dd>
          v{record.rulesVersion}, input cut “{record.inputCut}”
        </dd>
      </div>
      <div>
        <dt>Stored</dt>
        <dd>{formatBytes(record.bytes)}</dd>
      </div>
    </dl>
  );
}
