import type { EnvModule } from '../../core/envs/types';
import type { ExampleRecord } from '../../core/schema/dataset';
import { useNote } from '../hooks/useDatasets';
import { BenchmarkExampleDetail } from './benchmarks/BenchmarkExampleDetail';
import { LongText } from './LongText';

interface ExampleDetailProps {
  example: ExampleRecord;
  /** The dataset's benchmark (undefined when the registry no longer knows it). */
  env: EnvModule | undefined;
  onClose: () => void;
}

/** One example, shown the way its benchmark stores it. */
export function ExampleDetail({ example, env, onClose }: ExampleDetailProps) {
  const isNotes =
    env === undefined ? example.payload === undefined : env.source.kind === 'github-notes';
  return isNotes ? (
    <NoteExampleDetail example={example} onClose={onClose} />
  ) : (
    <BenchmarkExampleDetail example={example} env={env} onClose={onClose} />
  );
}

/** An MTSamples example: what the model sees (patient notes), the reference plan, the original note. */
function NoteExampleDetail({ example, onClose }: Omit<ExampleDetailProps, 'env'>) {
  const note = useNote(example.datasetId, example.filename);
  return (
    <aside
      className="detail"
      aria-label={`Example ${example.example_id}`}
      data-testid="example-detail"
    >
      <header className="detail-header">
        <h3>
          #{example.example_id} · {example.filename}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close example">
          Close
        </button>
      </header>
      <p className="muted">
        Reference taken from <strong>{example.extracted_section ?? 'unknown'}</strong> section ·{' '}
        {example.question.length} input characters · {example.answer.length} reference characters
      </p>
      <h4>Patient notes (model input)</h4>
      <LongText text={example.question} testId="detail-question" />
      <h4>Reference plan</h4>
      <LongText text={example.answer} testId="detail-answer" />
      <details>
        <summary>Original note</summary>
        {note === undefined && <p className="muted">Loading…</p>}
        {note === null && (
          <p className="muted">Not stored (the dataset was imported as examples).</p>
        )}
        {note != null && <LongText text={note.text} />}
      </details>
    </aside>
  );
}
