import type { EnvSummaryKind } from '../../../../core/envs/types';
import { groupLabelOf, summaryKindOf } from '../../../../core/results/envSummary';
import { rolloutTokens } from '../../../../core/results/rolloutTokens';
import type { RolloutRecord, RunRecord } from '../../../../core/schema/run';
import { costText, errorText, latencyText, scoreText, sumKnown, tokensText } from './detailFormat';

const STAGE_FAILED = {
  generation: 'Generation failed',
  judge: 'Judging failed',
  grade: 'Grading failed',
};

export type Fact = [label: string, value: string];

const SCORERS: Record<EnvSummaryKind, string | null> = {
  jury: 'judges',
  rubric: 'grader',
  accuracy: null,
  metrics: null,
};

/**
 * Whose tokens: the model's, the scorers' (judges or grader), and every call's — the last is what
 * the results table's In / Out columns show (#13). A run scored in code has only the model's.
 */
export function tokenFacts(kind: EnvSummaryKind, rollout: RolloutRecord): Fact[] {
  const tokens = rolloutTokens(rollout);
  const scorers = SCORERS[kind];
  if (scorers === null) return [['Tokens (model)', tokensText(tokens.model)]];
  return [
    ['Tokens (model)', tokensText(tokens.model)],
    [`Tokens (${scorers})`, tokensText(tokens.scoring)],
    ['Tokens (all calls)', tokensText(tokens.all)],
  ];
}

/**
 * The facts of one rollout. A jury run (MTSamples) shows its 1–5 jury score and the judges' cost; a
 * rubric run the grader's cost; a choice run neither (it is scored in code, at no cost).
 */
export function rolloutFacts(run: RunRecord, rollout: RolloutRecord): Fact[] {
  const { generation } = rollout;
  const kind = summaryKindOf(run.settings, [rollout]);
  if (kind === 'metrics') return fileRolloutFacts(rollout);
  const isJury = kind === 'jury';
  const scoring: Fact[] = isJury
    ? [['Jury score (1–5)', scoreText(rollout.score?.jury_score, 2)]]
    : [];
  const scoringCost: Fact[] = isJury
    ? [['Cost (judges)', costText(sumKnown(rollout.judges.map((call) => call?.costUsd)))]]
    : kind === 'rubric'
      ? [['Cost (grader)', costText(sumKnown((rollout.grades ?? []).map((g) => g?.costUsd)))]]
      : [];
  return [
    ['Example', String(rollout.example_id)],
    ['Rollout', String(rollout.rollout_index)],
    [isJury ? 'File' : 'Source id', rollout.exampleKey],
    [isJury ? 'Section' : groupLabelOf(run.settings), rollout.section ?? '—'],
    ['Status', rollout.status],
    ['Reward', scoreText(rollout.score?.reward)],
    ...scoring,
    ...tokenFacts(kind, rollout),
    ['Latency', latencyText(generation?.latencyMs)],
    ['Cost (model)', costText(generation?.costUsd)],
    ...scoringCost,
  ];
}

/** A rollout of another environment's file: its reward functions and timing, as the file gives them. */
function fileRolloutFacts(rollout: RolloutRecord): Fact[] {
  const score = rollout.envScore?.kind === 'metrics' ? rollout.envScore : null;
  const metrics: Fact[] = Object.entries(score?.metrics ?? {}).map(([name, value]) => [
    name,
    scoreText(value),
  ]);
  return [
    ['Example', String(rollout.example_id)],
    ['Rollout', String(rollout.rollout_index)],
    ['Status', rollout.status],
    ['Reward', scoreText(rollout.score?.reward)],
    ...metrics,
    ...tokenFacts('metrics', rollout),
    ['Generation', latencyText(score?.timing.generationMs)],
    ['Scoring', latencyText(score?.timing.scoringMs)],
    ['Total', latencyText(score?.timing.totalMs)],
  ];
}

/** The rollout's identity, outcome and costs, and why it failed or has no score. */
export function RolloutHeader({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  const { error } = rollout;
  const facts = rolloutFacts(run, rollout);
  return (
    <>
      <dl className="summary rd-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {error !== undefined && (
        <div className="banner banner-error" role="alert">
          <p>
            <strong>{STAGE_FAILED[error.stage]}</strong> — {errorText(error)}
          </p>
          {error.nextStep !== undefined && <p>{error.nextStep}</p>}
        </div>
      )}
      {rollout.unscoredReason !== undefined && (
        <p className="banner">
          <strong>Unscored</strong> — {rollout.unscoredReason}
        </p>
      )}
      {rollout.score?.note !== undefined && (
        <p className="banner" data-testid="rollout-score-note">
          <strong>Reward</strong> — {rollout.score.note}
        </p>
      )}
    </>
  );
}
