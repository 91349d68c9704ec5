// The results workspace for runs scored without a jury (MedQA: exact, in code; HealthBench: one
// rubric grader) shows none of MTSamples' jury pieces, while an MTSamples run keeps every text it had.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { envOf } from '../../src/core/envs/registry';
import { DEFAULT_RESULTS_QUERY, type ResultsQuery } from '../../src/core/results/resultsQuery';
import { computeRunHeadline } from '../../src/core/results/runStats';
import type { RolloutRecord, RunRecord } from '../../src/core/schema/run';
import { AppServicesContext, type AppServices } from '../../src/ui/appContext';
import { ReviewEditor } from '../../src/ui/components/results/detail/ReviewEditor';
import { ResponseSection } from '../../src/ui/components/results/detail/ResponseSection';
import { rolloutFacts } from '../../src/ui/components/results/detail/RolloutHeader';
import { ReproduceDetails } from '../../src/ui/components/results/runs/ReproduceDetails';
import {
  datasetLineText,
  datasetReproduceText,
  scorersText,
} from '../../src/ui/components/results/runs/runFacts';
import { StatTiles } from '../../src/ui/components/results/summary/StatTiles';
import { RolloutsTab } from '../../src/ui/components/results/table/RolloutsTab';
import { runNamePlaceholder } from '../../src/ui/components/run/runDraft';
import { openDb } from '../../src/data/db';
import { fakeWorker } from '../support/fakeWorker';
import { row } from '../core/results/rowFactory';
import { sampleRun } from '../core/results/sampleRun';

const REVISION = 'c'.repeat(40);
const grader = { ...sampleRun.settings.model, model: 'gpt-4.1' };

const juryRun = sampleRun;
const medqaRun: RunRecord = {
  ...sampleRun,
  settings: { ...sampleRun.settings, envId: 'medqa', envSettings: { useThink: true }, judges: [] },
  dataset: {
    id: 'hf:medqa',
    label: 'MedQA (USMLE, 4 options)',
    rulesVersion: 1,
    inputCut: 'helm',
    revision: REVISION,
  },
};
const healthbenchRun: RunRecord = {
  ...medqaRun,
  settings: { ...medqaRun.settings, envId: 'healthbench', envSettings: {}, judges: [grader] },
  dataset: { ...medqaRun.dataset, id: 'hf:healthbench', label: 'HealthBench' },
};

// Rendered to a string, no effect runs: nothing reads the database or calls the worker.
const services: AppServices = {
  db: openDb(`non-jury-${crypto.randomUUID()}`),
  worker: fakeWorker(),
};
const render = (element: ReactElement) =>
  renderToString(
    <AppServicesContext.Provider value={services}>{element}</AppServicesContext.Provider>,
  ).replaceAll('<!-- -->', '');

function rollout(overrides: Partial<RolloutRecord> = {}): RolloutRecord {
  return {
    schemaVersion: 1,
    runId: 'r',
    key: '3:0',
    example_id: 3,
    rollout_index: 0,
    exampleKey: '3',
    section: 'step1',
    status: 'done',
    prompt: [{ role: 'user', content: 'Which drug?' }],
    generation: {
      content: '<think>B or D?</think>The answer is D. <answer>D</answer>',
      reasoning: null,
      finishReason: 'stop',
      requestBody: {},
      usage: { inputTokens: 10, outputTokens: 5 },
      costUsd: 0.001,
      latencyMs: 10,
      attempts: 1,
      cached: false,
      finishedAt: 0,
    },
    judges: [],
    score: { reward: 1, jury_score: null, judge_scores: [], criterion_means: {} },
    updatedAt: 0,
    ...overrides,
  } as RolloutRecord;
}

describe('run header facts', () => {
  it('keeps the MTSamples texts: judges, rules version and input cut', () => {
    expect(scorersText(juryRun)).toBe('openai/gpt-5-mini, x-ai/grok-4.1-fast');
    expect(datasetLineText(juryRun)).toBe('MTSamples Procedures @ abc123 · rules v2 · helm cut');
    expect(datasetReproduceText(juryRun)).toBe(
      'MTSamples Procedures (github:mtsamples@abc123), commit abc123, rules v2, input cut helm',
    );
  });

  it('says a choice run has no judges and shows its Hugging Face revision, not rules or cut', () => {
    expect(scorersText(medqaRun)).toBe('none (scored in code)');
    expect(datasetLineText(medqaRun)).toBe(
      'MedQA (USMLE, 4 options) · Hugging Face revision cccccccccc',
    );
    expect(datasetReproduceText(medqaRun)).toBe(
      `MedQA (USMLE, 4 options) (hf:medqa), Hugging Face revision ${REVISION}`,
    );
    const noRevision = { ...medqaRun, dataset: { ...medqaRun.dataset, revision: undefined } };
    expect(datasetLineText(noRevision)).toBe('MedQA (USMLE, 4 options)');
  });

  it('names a rubric run’s grader', () => {
    expect(scorersText(healthbenchRun)).toBe('Grader: gpt-4.1');
    expect(datasetLineText(healthbenchRun)).not.toMatch(/rules v|cut/);
  });

  it('shows the jury score tile only when asked to', () => {
    const headline = computeRunHeadline([row()]);
    expect(render(<StatTiles headline={headline} />)).toContain('Jury score (HELM, 1–5)');
    expect(render(<StatTiles headline={headline} hasJuryScore={false} />)).not.toContain(
      'Jury score',
    );
  });

  it('reproduces a choice run without the jury’s settings', () => {
    const html = render(<ReproduceDetails run={medqaRun} />);
    expect(html).toContain(`Hugging Face revision ${REVISION}`);
    expect(html).toContain('Think first on');
    expect(html).not.toMatch(/rules v|input cut|Judges see|Normalisation|Judge template|Judge 1/);
    const rubric = render(<ReproduceDetails run={healthbenchRun} />);
    expect(rubric).toContain('>Grader</th>');
    const jury = render(<ReproduceDetails run={juryRun} />);
    expect(jury).toContain('rules v2, input cut helm');
    expect(jury).toContain('Judge template');
    expect(jury).toContain('>Judge 2</th>');
  });
});

describe('rollout facts', () => {
  const labels = (run: RunRecord, r: RolloutRecord) => rolloutFacts(run, r).map(([label]) => label);

  it('keeps the MTSamples facts', () => {
    expect(labels(juryRun, rollout())).toEqual([
      'Example',
      'Rollout',
      'File',
      'Section',
      'Status',
      'Reward',
      'Jury score (1–5)',
      'Tokens (model)',
      'Tokens (judges)',
      'Tokens (all calls)',
      'Latency',
      'Cost (model)',
      'Cost (judges)',
    ]);
  });

  it('has no jury score and no scoring cost for a choice run, and names its group', () => {
    const facts = labels(medqaRun, rollout());
    expect(facts).toContain(envOf('medqa').groupLabel);
    expect(facts).not.toContain('Section');
    expect(facts.filter((label) => /Jury|Cost \((judges|grader)\)/.test(label))).toEqual([]);
  });

  it('sums the grader’s cost for a rubric run', () => {
    const grade = (costUsd: number | null) => ({
      status: 'met' as const,
      explanation: null,
      raw: null,
      attempts: 1,
      latencyMs: 1,
      usage: null,
      costUsd,
      cached: false,
      finishedAt: 0,
    });
    const facts = rolloutFacts(
      healthbenchRun,
      rollout({ grades: [grade(0.02), grade(0.03), null] }),
    );
    expect(facts).toContainEqual(['Cost (grader)', '$0.0500']);
    expect(facts).toContainEqual(['Theme', 'step1']);
    expect(facts.map(([label]) => label)).not.toContain('Jury score (1–5)');
  });
});

describe('review editor', () => {
  const editor = (hasRatings: boolean) =>
    render(
      <ReviewEditor
        runId="r"
        rolloutKey={`k-${String(hasRatings)}`}
        stored={{ notes: 'seen', ratings: { accuracy: 2 } }}
        hasRatings={hasRatings}
      />,
    );

  it('offers the 1–5 ratings on the judges’ criteria for a jury run', () => {
    const html = editor(true);
    expect(html).toContain('data-testid="review-note"');
    expect(html).toContain('data-testid="review-rating-accuracy"');
  });

  it('keeps only the note for other runs', () => {
    const html = editor(false);
    expect(html).toContain('data-testid="review-note"');
    expect(html).not.toContain('review-rating');
    expect(html).not.toContain('Your ratings');
  });
});

describe('rollouts toolbar', () => {
  const rows = [row({ section: 'step1' }), row({ example_id: 1, section: 'step2&3' })];
  const tab = (run: RunRecord, changes: Partial<ResultsQuery> = {}) =>
    render(
      <RolloutsTab
        run={run}
        rows={rows}
        state={{
          query: { ...DEFAULT_RESULTS_QUERY, ...changes },
          problems: [],
          update: () => undefined,
        }}
      />,
    );

  it('labels the group filter by the benchmark and has no judges’ spread filter', () => {
    const html = tab(medqaRun);
    expect(html).toContain('Exam step<select');
    expect(html).toContain('All exam steps');
    expect(html).not.toContain('filter-spread');
    expect(html).not.toContain('Judges differ');
  });

  it('keeps Section and the spread filter for a jury run', () => {
    const html = tab(juryRun);
    expect(html).toContain('Section<select');
    expect(html).toContain('All sections');
    expect(html).toContain('data-testid="filter-spread"');
  });

  it('ignores a spread left in the link of a run without judges', () => {
    // These rows have no judges, so no spread: a jury run's spread filter leaves none of them.
    expect(tab(juryRun, { spread: 1 })).toContain('0 of 2 rollouts');
    const html = tab(medqaRun, { spread: 1 });
    expect(html).toContain('2 of 2 rollouts');
    expect(html).not.toContain('Clear filters');
  });
});

describe('response notes', () => {
  it('says a choice run scored only the text after </think>', () => {
    const html = render(<ResponseSection run={medqaRun} rollout={rollout()} />);
    expect(html).toContain('Only the text after the last &lt;/think&gt; was scored.');
    expect(html).not.toContain('The judges were shown');
  });

  it('keeps the judges’ note for a jury run', () => {
    const html = render(<ResponseSection run={juryRun} rollout={rollout()} />);
    expect(html).toContain('The judges were shown only the text after &lt;/think&gt;.');
  });
});

describe('run name placeholder', () => {
  it('follows how the benchmark is scored', () => {
    expect(runNamePlaceholder(envOf(undefined))).toBe('model judged by judges');
    expect(runNamePlaceholder(envOf('medqa'))).toBe(`model on ${envOf('medqa').label}`);
    expect(runNamePlaceholder(envOf('healthbench'))).toBe(
      `model on ${envOf('healthbench').label}, graded by grader`,
    );
  });
});
