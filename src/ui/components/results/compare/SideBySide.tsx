import { matchRollouts, type RolloutMetrics } from '../../../../core/results/compareRollouts';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { judgeLabelsOf } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import { fixed } from '../summary/statFormat';
import { useRollouts } from './useCompareData';
import { LongText } from '../../LongText';
import { RolloutMetricsTable } from './RolloutMetricsTable';

interface SideBySideProps {
  exampleId: number;
  runs: readonly RunRecord[];
  rows: readonly (readonly RolloutRow[])[];
  metrics: RolloutMetrics;
}

function criteriaText(criteria: RolloutRow['ratings']): string {
  return `A ${criteria.accuracy ?? '—'} · C ${criteria.completeness ?? '—'} · Cl ${criteria.clarity ?? '—'}`;
}

/** One example's responses from every run, next to each other, with each run's judge scores. */
export function SideBySide({ exampleId, runs, rows, metrics }: SideBySideProps) {
  const perRun = rows.map((runRows) =>
    runRows
      .filter((row) => row.example_id === exampleId)
      .sort((a, b) => a.rollout_index - b.rollout_index),
  );
  const keys = perRun.flatMap((runRows) =>
    runRows.map((row): [string, string] => [row.runId, row.key]),
  );
  const rollouts = useRollouts(keys);
  const contentOf = (runId: string, key: string) =>
    rollouts?.find((r) => r?.runId === runId && r.key === key)?.generation?.content;
  return (
    <section className="panel" aria-label={`Example ${exampleId} side by side`}>
      <h3>Example {exampleId}</h3>
      <RolloutMetricsTable
        runs={runs}
        metrics={metrics}
        matched={matchRollouts(
          rows.map((runRows) => ({ rows: runRows })),
          exampleId,
        )}
      />
      <div className="rs-side-by-side">
        {runs.map((run, i) => {
          const labels = judgeLabelsOf(run.settings.judges);
          return (
            <div key={run.id}>
              <h4>{run.name}</h4>
              {(perRun[i] ?? []).length === 0 && <p className="muted">Not in this run.</p>}
              {(perRun[i] ?? []).map((row) => {
                const content = contentOf(row.runId, row.key);
                return (
                  <div key={row.key}>
                    <p className="small">
                      Rollout {row.rollout_index} · reward {fixed(row.reward)} · {row.status}
                    </p>
                    <ul>
                      {row.judges.map((judge, j) => (
                        <li key={j}>
                          {labels[j] ?? `Judge ${j + 1}`}:{' '}
                          {judge.failed
                            ? 'failed'
                            : `${fixed(judge.score)} (${criteriaText(judge.criteria)})`}
                        </li>
                      ))}
                    </ul>
                    {/* Plain text on purpose: a model's output is never rendered as HTML here. */}
                    <LongText
                      text={rollouts === undefined ? 'Loading…' : (content ?? '(no response)')}
                    />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}
