import { CRITERIA } from '../../../core/envs/mtsamples/judge';
import type { JudgeCall, RolloutRecord, RunRecord } from '../../../core/schema/run';
import { ChoiceScoreCard } from '../results/detail/ChoiceScoreCard';
import { RewardScoreCard } from '../results/detail/RewardScoreCard';
import { RubricGradesSection } from '../results/detail/RubricGradesSection';
import { tokenFacts } from '../results/detail/RolloutHeader';
import { summaryKindOf } from '../../../core/results/envSummary';
import { rolloutProblem } from '../../../core/runOverview';
import { LongText } from '../LongText';

interface RolloutDetailProps {
  run: RunRecord;
  rollout: RolloutRecord;
  onClose: () => void;
}

/** One rollout: the response, and each judge's raw reply, parsed scores and problems (plain text). */
export function RolloutDetail({ run, rollout, onClose }: RolloutDetailProps) {
  const problem = rolloutProblem(rollout);
  return (
    <aside className="detail" aria-label={`Rollout ${rollout.key}`} data-testid="rollout-detail">
      <header className="detail-header">
        <h3>
          Example {rollout.example_id} · rollout {rollout.rollout_index} · {rollout.status}
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {problem !== '' && <p className="field-error">{problem}</p>}
      <dl className="summary" data-testid="rollout-tokens">
        {tokenFacts(summaryKindOf(run.settings, [rollout]), rollout).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {rollout.emptyResponse === true && (
        <p className="muted">Empty response: judges were not called; every criterion scores 1.</p>
      )}
      <h4>Response</h4>
      <LongText
        text={rollout.generation?.content ?? '(no response yet)'}
        testId="rollout-response"
      />
      {rollout.generation?.reasoning != null && (
        <details>
          <summary>Reasoning returned by the provider</summary>
          <LongText text={rollout.generation.reasoning} />
        </details>
      )}
      {rollout.envScore?.kind === 'choice' && <ChoiceScoreCard score={rollout.envScore} />}
      {rollout.envScore?.kind === 'reward' && <RewardScoreCard score={rollout.envScore} />}
      {rollout.grades !== undefined && (
        <RubricGradesSection rollout={rollout} grader={run.settings.judges[0]?.model} />
      )}
      {rollout.judges.map((call, index) => (
        <JudgeCallView key={index} index={index} call={call} />
      ))}
    </aside>
  );
}

function JudgeCallView({ index, call }: { index: number; call: JudgeCall | null }) {
  if (call === null) {
    return (
      <section>
        <h4>Judge {index + 1}</h4>
        <p className="muted">No answer yet.</p>
      </section>
    );
  }
  return (
    <section>
      <h4>
        Judge {index + 1} · {call.model} · score {call.score === null ? '—' : call.score.toFixed(3)}
        {call.cached ? ' · cached' : ''}
      </h4>
      {call.error !== undefined && (
        <p className="field-error">
          {call.error.kind}: {call.error.message}
        </p>
      )}
      {call.parsed !== null && (
        <ul className="small">
          {CRITERIA.map((name) => {
            const verdict = call.parsed?.[name];
            return (
              <li key={name}>
                <strong>{name}</strong>: {verdict?.score ?? 'unreadable'}
                {verdict?.explanation != null && ` — ${verdict.explanation}`}
              </li>
            );
          })}
        </ul>
      )}
      {call.parsed !== null && call.parsed.problems.length > 0 && (
        <pre className="text-block small">{call.parsed.problems.join('\n')}</pre>
      )}
      <details>
        <summary>Raw reply</summary>
        <LongText text={call.raw ?? '(none)'} />
      </details>
    </section>
  );
}
