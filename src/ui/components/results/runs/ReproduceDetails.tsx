import { summaryKindOf } from '../../../../core/results/envSummary';
import { fileMetricsSettingsOf } from '../../../../core/results/fileMetrics';
import { runRewardSource } from '../../../../core/results/rewardSource';
import { isRecord } from '../../../../core/results/values';
import type { ExampleSelection, RunRecord, RunSettings } from '../../../../core/schema/run';
import { hrefFor } from '../../../hooks/useHashRoute';
import { EndpointSamplingTable } from './EndpointSamplingTable';
import { datasetReproduceText, envSettingsText } from './runFacts';
import { LongText } from '../../LongText';

function selectionText(selection: ExampleSelection): string {
  switch (selection.mode) {
    case 'all':
      return 'every example';
    case 'first':
      return `the first ${selection.n} examples`;
    case 'shuffle':
      return `${selection.n} examples shuffled with seed ${selection.seed}`;
  }
}

const NORMALISATION = {
  fraction: 'score / 5 (the environment’s documented formula)',
  minus_one: '(score − 1) / 4 (MedARC’s newer code)',
};

const RESCORED_BY = {
  jury: 'the judges',
  rubric: 'the grader',
  accuracy: 'the scoring',
  metrics: 'the scoring',
};

/** Everything needed to run this evaluation again and get comparable numbers. */
export function ReproduceDetails({
  run,
  rows,
}: {
  run: RunRecord;
  rows?: Parameters<typeof summaryKindOf>[1];
}) {
  const { settings } = run;
  const kind = summaryKindOf(settings, rows);
  const isJury = kind === 'jury';
  return (
    <details className="rs-details" data-testid="reproduce">
      <summary>Reproduce</summary>
      <dl>
        <dt>Dataset</dt>
        <dd>{datasetReproduceText(run, rows)}</dd>
        <dt>Examples</dt>
        <dd>
          {selectionText(settings.selection)}, {settings.rolloutsPerExample} rollout
          {settings.rolloutsPerExample === 1 ? '' : 's'} each
        </dd>
        {isJury ? (
          <JuryRows
            settings={settings}
            isFileReward={runRewardSource(run)?.readFromFile === true}
          />
        ) : kind === 'metrics' ? (
          <FileRows settings={settings} />
        ) : (
          <>
            <dt>Benchmark settings</dt>
            <dd>{envSettingsText(settings)}</dd>
          </>
        )}
        <dt>Requests</dt>
        <dd>
          concurrency {settings.concurrency}, up to {settings.maxAttempts} attempts, response cache{' '}
          {settings.useCache ? 'on' : 'off'}
        </dd>
        <dt>App version</dt>
        <dd>{run.appVersion}</dd>
        {run.kind === 'rescore' && (
          <>
            <dt>Re-score of</dt>
            <dd>
              {run.parentRunId === undefined ? (
                'an unknown run'
              ) : (
                <a href={hrefFor('results', new URLSearchParams({ run: run.parentRunId }))}>
                  {run.parentRunId}
                </a>
              )}{' '}
              (its generations are reused; only {RESCORED_BY[kind]} ran again)
            </dd>
          </>
        )}
        {run.origin === 'imported' && <OriginRows importedMetadata={run.importedMetadata} />}
      </dl>
      <EndpointSamplingTable
        model={settings.model}
        judges={kind === 'accuracy' ? [] : settings.judges}
        isGrader={kind === 'rubric'}
      />
      {isJury && (
        <details className="rs-details">
          <summary>Judge template</summary>
          <LongText text={settings.judgeTemplate} />
        </details>
      )}
    </details>
  );
}

/** An imported file of another environment: what it is and which reward functions scored it. */
function FileRows({ settings }: { settings: RunSettings }) {
  const file = fileMetricsSettingsOf(settings);
  return (
    <>
      <dt>Environment</dt>
      <dd>
        {file.env_id ?? 'not named in the files'} (written by {file.written_by})
      </dd>
      <dt>Reward functions</dt>
      <dd>{file.metrics.length === 0 ? 'none named' : file.metrics.join(', ')}</dd>
    </>
  );
}

/** Where an imported run came from, and every setting its files did not record. */
function OriginRows({ importedMetadata }: { importedMetadata: unknown }) {
  const listOf = (key: string): string[] => {
    const value = isRecord(importedMetadata) ? importedMetadata[key] : undefined;
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
  };
  const assumptions = listOf('assumptions');
  const notes = listOf('notes');
  return (
    <>
      <dt>Origin</dt>
      <dd>
        Imported from results files
        {assumptions.length === 0 ? '.' : ': settings the files did not record were assumed.'}
        {assumptions.length + notes.length > 0 && (
          <ul className="small" data-testid="import-assumptions">
            {[...assumptions, ...notes].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/** MTSamples' own prompt and jury settings (other benchmarks keep theirs in `envSettings`). */
function JuryRows({ settings, isFileReward }: { settings: RunSettings; isFileReward: boolean }) {
  return (
    <>
      <dt>Prompt format</dt>
      <dd>
        {settings.promptFormat}, think instruction {settings.useThink ? 'on' : 'off'}
      </dd>
      <dt>Judges see</dt>
      <dd>
        {settings.judgeSees === 'full' ? 'the full response' : 'only the text after </think>'}
      </dd>
      <dt>Normalisation</dt>
      <dd>
        {isFileReward
          ? `the file’s own (its rewards are read as written); a re-score here uses ${NORMALISATION[settings.normalisation]}`
          : NORMALISATION[settings.normalisation]}
      </dd>
    </>
  );
}
