import { CRITERIA, type Criterion } from '../../../../core/envs/mtsamples/judge';
import type { JudgeCall } from '../../../../core/schema/run';
import { costText, errorText, latencyText, scoreText, tokensText } from './detailFormat';
import { LongText } from '../../LongText';

export const CRITERION_LABELS: Record<Criterion, string> = {
  accuracy: 'Accuracy',
  completeness: 'Completeness',
  clarity: 'Clarity',
};

interface JudgeCardProps {
  index: number;
  /** The judge's model as configured for the run (the call records the one it used). */
  model: string;
  call: JudgeCall | null;
  /** The response was empty, so no judge was called. */
  isNotCalled: boolean;
}

/** One judge's verdict: its scores and explanations, what was odd about the reply, and the reply itself. */
export function JudgeCard({ index, model, call, isNotCalled }: JudgeCardProps) {
  return (
    <article className="rd-judge" data-testid="judge-card" aria-label={`Judge ${index + 1}`}>
      <header className="rd-judge-header">
        <h5>
          Judge {index + 1} · <span className="rd-model">{model}</span>
        </h5>
        <span className="rd-judge-score">score {scoreText(call?.score)}</span>
      </header>
      {call === null ? (
        <p className="muted small">
          {isNotCalled ? 'Not called: the response was empty.' : 'No answer yet.'}
        </p>
      ) : (
        <JudgeCallBody call={call} />
      )}
    </article>
  );
}

function JudgeCallBody({ call }: { call: JudgeCall }) {
  const parsed = call.parsed;
  return (
    <>
      {call.error !== undefined && (
        <p className="banner banner-error small" role="alert">
          {errorText(call.error)}
        </p>
      )}
      {parsed !== null && (
        <table className="rd-criteria">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Score</th>
              <th scope="col">Explanation</th>
            </tr>
          </thead>
          <tbody>
            {CRITERIA.map((name) => {
              const verdict = parsed[name];
              return (
                <tr key={name}>
                  <th scope="row">{CRITERION_LABELS[name]}</th>
                  <td className={verdict.score === null ? 'rd-unreadable' : undefined}>
                    {verdict.score ?? 'unreadable'}
                  </td>
                  <td>
                    {verdict.explanation ?? <span className="muted">—</span>}
                    {verdict.problem !== undefined && (
                      <div className="rd-problem small">{verdict.problem}</div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {parsed !== null && parsed.problems.length > 0 && (
        <div className="small">
          Reading the reply:
          <ul className="rd-problems">
            {parsed.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>Raw reply</summary>
        <LongText text={call.raw ?? '(none: the call failed)'} />
      </details>
      <p className="small muted rd-call-facts">
        {call.model} · {latencyText(call.latencyMs)} · {tokensText(call.usage)} · {call.attempts}{' '}
        attempt{call.attempts === 1 ? '' : 's'} · {costText(call.costUsd)}
        {call.cached ? ' · cached' : ''}
      </p>
    </>
  );
}
