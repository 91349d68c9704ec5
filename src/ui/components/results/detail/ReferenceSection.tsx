import { useLiveQuery } from 'dexie-react-hooks';
import { isJuryRun, summaryKindOf } from '../../../../core/results/envSummary';
import { isRecord } from '../../../../core/results/values';
import type { RolloutRecord, RunRecord } from '../../../../core/schema/run';
import { useServices } from '../../../appContext';
import { LongText } from '../../LongText';

interface Sources {
  reference: { text: string; from: 'dataset' | 'imported' } | null;
  note: string | null;
  /** Why the stored example was not used, when it exists but is another file. */
  mismatch: string | null;
  isJsonlDataset: boolean;
}

/** The gold plan and the note the example was cut from, read from the run's dataset in this browser. */
export function ReferenceSection({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  // Another environment's file brings its own answer (or none); there is no dataset here to look in.
  if (summaryKindOf(run.settings, [rollout]) === 'metrics') return <FileAnswer rollout={rollout} />;
  return <StoredReference run={run} rollout={rollout} />;
}

function FileAnswer({ rollout }: { rollout: RolloutRecord }) {
  const answer = importedAnswer(rollout.imported);
  return (
    <section className="rd-section" aria-label="Reference answer">
      <h4>Reference answer</h4>
      {answer === null ? (
        <p className="muted" data-testid="rollout-reference">
          The results file gives no reference answer for this rollout.
        </p>
      ) : (
        <>
          <p className="small muted">From the imported results file.</p>
          <pre className="text-block" data-testid="rollout-reference">
            {answer}
          </pre>
        </>
      )}
    </section>
  );
}

function StoredReference({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  const { db } = useServices();
  const datasetId = run.settings.datasetId;
  const { example_id: exampleId, exampleKey } = rollout;
  const imported = importedAnswer(rollout.imported);
  // Only MTSamples (the jury benchmark) has a reference plan cut from an original note.
  const isJury = isJuryRun(run.settings);
  const sources = useLiveQuery(async (): Promise<Sources> => {
    const [example, note, dataset] = await Promise.all([
      db.examples.get([datasetId, exampleId]),
      db.notes.get([datasetId, exampleKey]),
      db.datasets.get(datasetId),
    ]);
    // Example ids are positions in the dataset: one reprocessed since the run may hold another file there.
    // MTSamples compares the file name; other benchmarks key a rollout by its example's id.
    const isSameFile =
      example !== undefined && (isJury ? example.filename : example.id) === exampleKey;
    return {
      reference: isSameFile
        ? { text: example.answer, from: 'dataset' }
        : imported === null
          ? null
          : { text: imported, from: 'imported' },
      note: note?.text ?? null,
      mismatch:
        example !== undefined && !isSameFile
          ? `Example ${exampleId} of the stored dataset is ${isJury ? example.filename : example.id}, not ${exampleKey}: the dataset has changed since this run.`
          : null,
      isJsonlDataset: dataset?.origin.kind === 'import' && dataset.origin.format === 'jsonl',
    };
  }, [db, datasetId, exampleId, exampleKey, imported, isJury]);
  if (sources === undefined) return <p className="muted">Loading the reference…</p>;
  const title = isJury ? 'Reference plan' : 'Reference answer';
  return (
    <>
      <section className="rd-section" aria-label={title}>
        <h4>{title}</h4>
        {sources.mismatch !== null && <p className="small muted">{sources.mismatch}</p>}
        {sources.reference === null ? (
          <p className="muted" data-testid="rollout-reference">
            Not stored in this browser: {missingReason(run, sources.isJsonlDataset, 'example')}
          </p>
        ) : (
          <>
            {sources.reference.from === 'imported' && (
              <p className="small muted">From the imported results file.</p>
            )}
            {sources.reference.text === '' ? (
              // HealthBench rows may carry no ideal completion: say so rather than show an empty box.
              <p className="muted" data-testid="rollout-reference">
                This example has no reference answer (its score comes from the rubric).
              </p>
            ) : (
              <LongText text={sources.reference.text} testId="rollout-reference" />
            )}
          </>
        )}
      </section>
      {isJury && <NoteSection run={run} sources={sources} />}
    </>
  );
}

function NoteSection({ run, sources }: { run: RunRecord; sources: Sources }) {
  return (
    <details className="rd-section" open>
      <summary>
        <h4 className="rd-inline-heading">Original note</h4>
      </summary>
      {sources.note === null ? (
        <p className="muted" data-testid="rollout-note">
          Not stored in this browser: {missingReason(run, sources.isJsonlDataset, 'note')}
        </p>
      ) : (
        <LongText text={sources.note} testId="rollout-note" />
      )}
    </details>
  );
}

/** The gold answer of a verifiers row kept on an imported rollout (`imported.raw.answer`). */
function importedAnswer(imported: unknown): string | null {
  if (!isRecord(imported) || !isRecord(imported['raw'])) return null;
  const answer = imported['raw']['answer'];
  return typeof answer === 'string' ? answer : null;
}

function missingReason(run: RunRecord, isJsonlDataset: boolean, what: 'note' | 'example') {
  if (isJsonlDataset && what === 'note') {
    return 'the dataset was imported as JSONL, which holds examples but not the original notes.';
  }
  if (run.origin === 'imported') {
    return `this run was imported, and its dataset (${run.settings.datasetId}) is not here.`;
  }
  return `the run's dataset (${run.settings.datasetId}) has been deleted or was never stored here.`;
}
