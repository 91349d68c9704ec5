import type { EnvModule } from '../../../core/envs/types';
import type { ExampleRecord } from '../../../core/schema/dataset';
import { groupOf } from '../examplesColumns';
import { ChoicePayloadView } from './ChoicePayloadView';
import { readPayload } from './examplePayload';
import { HealthBenchPayloadView } from './HealthBenchPayloadView';
import '../../benchmarks.css';
import { LongText } from '../LongText';

interface BenchmarkExampleDetailProps {
  example: ExampleRecord;
  env: EnvModule | undefined;
  onClose: () => void;
}

/** One example of a Hugging Face benchmark: what the model sees, and what it is checked against. */
export function BenchmarkExampleDetail({ example, env, onClose }: BenchmarkExampleDetailProps) {
  const read = readPayload(example.payload, env);
  return (
    <aside
      className="detail"
      aria-label={`Example ${example.example_id}`}
      data-testid="example-detail"
    >
      <header className="detail-header">
        <h3>
          #{example.example_id} · {example.id}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close example">
          Close
        </button>
      </header>
      <p className="muted">
        {env?.groupLabel ?? 'Group'}: <strong>{groupOf(example) ?? '—'}</strong> · from{' '}
        {example.filename}
      </p>
      {read.kind === 'choice' && (
        <ChoicePayloadView
          question={example.question}
          payload={read.payload}
          extras={read.extras}
        />
      )}
      {read.kind === 'rubric' && <HealthBenchPayloadView payload={read.payload} />}
      {read.kind === 'unreadable' && (
        <>
          <p className="banner banner-error" role="status" data-testid="detail-unreadable">
            This example's stored details could not be read (it was stored by another version).
            Delete the dataset on the Benchmarks page and load it again.
          </p>
          <h4>Question</h4>
          <LongText text={example.question} testId="detail-question" />
        </>
      )}
      <h4>{read.kind === 'rubric' ? 'Ideal reply' : 'Reference answer'}</h4>
      {example.answer === '' ? (
        <p className="muted" data-testid="detail-answer">
          The source gives none.
        </p>
      ) : (
        <LongText text={example.answer} testId="detail-answer" />
      )}
    </aside>
  );
}
