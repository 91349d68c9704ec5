import { useMemo } from 'react';
import { findEnv } from '../../core/envs/registry';
import { githubDatasetId, type ExampleRecord } from '../../core/schema/dataset';
import { toJsonl } from '../../core/jsonl';
import { DatasetSelect } from '../components/benchmarks/DatasetSelect';
import { DatasetSummary } from '../components/DatasetSummary';
import { ExampleDetail } from '../components/ExampleDetail';
import { ExamplesTable } from '../components/ExamplesTable';
import { GettingStarted } from '../components/GettingStarted';
import { ImportPanel } from '../components/ImportPanel';
import { IngestPanel } from '../components/IngestPanel';
import { LinkSettingsNotice } from '../components/LinkSettingsNotice';
import { SkippedList } from '../components/SkippedList';
import { StoragePanel } from '../components/StoragePanel';
import { downloadFile } from '../download';
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
  const env = selected === undefined ? undefined : findEnv(selected.envId);
  const isNotes = env?.source.kind === 'github-notes';
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
            <DatasetSelect
              datasets={readyDatasets}
              selectedId={selected?.id}
              onSelect={(id) => go({ ds: id, ex: null })}
            />
            {selected !== undefined && examples !== undefined && (
              <button
                type="button"
                onClick={() =>
                  downloadFile(
                    `${selected.label.replace(/[^\w.-]+/g, '_')}.jsonl`,
                    toJsonl(examples.map(exportRow)),
                    'application/x-ndjson',
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
                {isNotes ? 'Skipped files' : 'Skipped rows'} ({selected.skippedCount})
              </button>
            </div>
          )}
          {selected !== undefined && view === 'examples' && examples !== undefined && (
            <div className="split">
              <ExamplesTable
                key={env?.id}
                examples={examples}
                env={env}
                selectedId={selectedExample?.example_id ?? null}
                onSelect={(id) => go({ ex: String(id) })}
              />
              {selectedExample !== undefined && (
                <ExampleDetail
                  example={selectedExample}
                  env={env}
                  onClose={() => go({ ex: null })}
                />
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

/** The processed dataset as the reference implementations' rows (plus our stable ids); benchmarks
 * loaded from Hugging Face add their group and payload. */
function exportRow(example: ExampleRecord) {
  return {
    example_id: example.example_id,
    id: example.id,
    filename: example.filename,
    extracted_section: example.extracted_section,
    question: example.question,
    answer: example.answer,
    ...(example.group == null ? {} : { group: example.group }),
    ...(example.payload === undefined ? {} : { payload: example.payload }),
  };
}
