import { useMemo } from 'react';
import { githubDatasetId } from '../../core/schema/dataset';
import { toJsonl } from '../../core/jsonl';
import { DatasetSummary } from '../components/DatasetSummary';
import { ExampleDetail } from '../components/ExampleDetail';
import { ExamplesTable } from '../components/ExamplesTable';
import { GettingStarted } from '../components/GettingStarted';
import { ImportPanel } from '../components/ImportPanel';
import { IngestPanel } from '../components/IngestPanel';
import { LinkSettingsNotice } from '../components/LinkSettingsNotice';
import { SkippedList } from '../components/SkippedList';
import { StoragePanel } from '../components/StoragePanel';
import { downloadText } from '../download';
import { useDatasets, useExamples, useSkips } from '../hooks/useDatasets';
import { withParams, type HashRoute } from '../hooks/useHashRoute';
import { useIngest } from '../hooks/useIngest';
import { useSourceSettings } from '../hooks/useSourceSettings';

export function DatasetPage({ route }: { route: HashRoute }) {
  const source = useSourceSettings();
  const datasets = useDatasets();
  const ingest = useIngest();
  const githubId = githubDatasetId(
    source.effective.repo,
    source.effective.folder,
    source.effective.commit,
  );
  const githubRecord = datasets?.find((d) => d.id === githubId);
  const selectedId =
    route.params.get('ds') ?? (githubRecord?.status === 'ready' ? githubId : undefined);
  const selected = datasets?.find((d) => d.id === selectedId && d.status === 'ready');
  const examples = useExamples(selected?.id);
  const skips = useSkips(selected?.id);
  const view = route.params.get('view') === 'skipped' ? 'skipped' : 'examples';
  const exampleParam = route.params.get('ex');
  const selectedExample = useMemo(
    () => examples?.find((e) => String(e.example_id) === exampleParam),
    [examples, exampleParam],
  );
  const go = (changes: Record<string, string | null>) => {
    window.location.hash = withParams(route, changes);
  };
  const readyDatasets = datasets?.filter((d) => d.status === 'ready') ?? [];

  return (
    <div className="page">
      <GettingStarted />
      <LinkSettingsNotice source={source} />
      <IngestPanel
        settings={source.effective}
        record={githubRecord}
        ingest={ingest}
        onStart={() => {
          void ingest.start(source.effective, 'helm').then((id) => {
            if (id !== null) go({ ds: id, ex: null });
          });
        }}
      />
      <ImportPanel inputCut="helm" onImported={(id) => go({ ds: id, ex: null, view: null })} />
      {readyDatasets.length > 0 && (
        <section className="panel" aria-labelledby="dataset-title">
          <div className="toolbar">
            <h2 id="dataset-title">Dataset</h2>
            <label>
              Showing{' '}
              <select
                value={selected?.id ?? ''}
                onChange={(event) => go({ ds: event.target.value, ex: null })}
                data-testid="dataset-select"
              >
                {selected === undefined && <option value="">Choose a dataset…</option>}
                {readyDatasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label} ({d.exampleCount} examples)
                  </option>
                ))}
              </select>
            </label>
            {selected !== undefined && examples !== undefined && (
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    `${selected.label.replace(/[^\w.-]+/g, '_')}.jsonl`,
                    toJsonl(examples.map(exportRow)),
                  )
                }
              >
                Export JSONL
              </button>
            )}
          </div>
          {selected !== undefined && <DatasetSummary record={selected} />}
          {selected !== undefined && (
            <div className="tabs" role="tablist">
              <button
                type="button"
                role="tab"
                aria-selected={view === 'examples'}
                onClick={() => go({ view: null })}
              >
                Examples ({selected.exampleCount})
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={view === 'skipped'}
                onClick={() => go({ view: 'skipped' })}
              >
                Skipped files ({selected.skippedCount})
              </button>
            </div>
          )}
          {selected !== undefined && view === 'examples' && examples !== undefined && (
            <div className="split">
              <ExamplesTable
                examples={examples}
                selectedId={selectedExample?.example_id ?? null}
                onSelect={(id) => go({ ex: String(id) })}
              />
              {selectedExample !== undefined && (
                <ExampleDetail example={selectedExample} onClose={() => go({ ex: null })} />
              )}
            </div>
          )}
          {selected !== undefined && view === 'skipped' && skips !== undefined && (
            <SkippedList skips={skips} />
          )}
        </section>
      )}
      <StoragePanel refreshKey={datasets?.map((d) => `${d.id}:${d.bytes}`).join()} />
    </div>
  );
}

/** The processed dataset as the reference implementations' rows (plus our stable ids). */
function exportRow(example: {
  example_id: number;
  id: string;
  filename: string;
  extracted_section: string | null;
  question: string;
  answer: string;
}) {
  return {
    example_id: example.example_id,
    id: example.id,
    filename: example.filename,
    extracted_section: example.extracted_section,
    question: example.question,
    answer: example.answer,
  };
}
