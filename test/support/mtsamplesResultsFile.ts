// A results folder of MedARC's mtsamples_procedures environment as `prime eval run -s` on verifiers
// 0.1.12 writes it (spec results-format.md: the 0.1.12 timing object, `info.judge_feedback`, metadata
// with `version_info`), for the tests of how an imported MTSamples run is labelled and compared. Written
// the way Python's json.dumps writes (", " and ": " separators). Each judge's `score` and the reward
// are MedARC's: criteria mapped by (s − 1) / 4 and averaged; a judge whose call failed gives no score,
// and a rollout no judge scored gets MedARC's failure sentinel, reward 0.

type Criteria = readonly [accuracy: number, completeness: number, clarity: number];

/** One rollout: per judge its three 1–5 scores, or null when the call failed. */
interface MtsamplesFileRollout {
  example_id: number;
  judges: readonly (Criteria | null)[];
}

interface MtsamplesFileOptions {
  model: string;
  judgeModels: readonly string[];
  rollouts: readonly MtsamplesFileRollout[];
}

const NOTES = [
  'Right knee pain after a fall; MRI shows a medial meniscus tear.',
  'Recurrent tonsillitis, five episodes this year.',
  'Symptomatic gallstones with two episodes of biliary colic.',
];
const PLANS = [
  'Arthroscopic partial medial meniscectomy.',
  'Tonsillectomy.',
  'Laparoscopic cholecystectomy.',
];
const INSTRUCTION =
  'Here are information about a patient, return a reasonable treatment plan for the patient.';

/** Python's json.dumps with its default separators (ASCII text only here). */
function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

const medarcScore = (criteria: Criteria) =>
  criteria.reduce((sum, s) => sum + (s - 1) / 4, 0) / criteria.length;

function judgeEntry(model: string, criteria: Criteria | null) {
  if (criteria === null) {
    return { model, raw: null, error: 'APITimeoutError', scores: null, score: null };
  }
  const [accuracy, completeness, clarity] = criteria;
  const scores = {
    accuracy: { score: accuracy, explanation: 'follows guidelines' },
    completeness: { score: completeness, explanation: 'covers the plan' },
    clarity: { score: clarity, explanation: 'clear' },
  };
  return { model, raw: JSON.stringify(scores), error: null, scores, score: medarcScore(criteria) };
}

function row(options: MtsamplesFileOptions, rollout: MtsamplesFileRollout, index: number) {
  const id = rollout.example_id;
  const judges = rollout.judges.map((criteria, j) =>
    judgeEntry(options.judgeModels[j] ?? `judge-${j}`, criteria),
  );
  const scored = judges.flatMap((judge) => (judge.score === null ? [] : [judge.score]));
  const reward = scored.length === 0 ? 0.0 : scored.reduce((a, b) => a + b, 0) / scored.length;
  const note = NOTES[id % NOTES.length] ?? '';
  const plan = PLANS[id % PLANS.length] ?? '';
  return {
    example_id: id,
    prompt: [
      { role: 'system', content: INSTRUCTION },
      { role: 'user', content: note },
    ],
    completion: [{ role: 'assistant', content: `Plan ${index} by ${options.model}: ${plan}` }],
    answer: plan,
    task: 'default',
    info: {
      filename: `${String(id).padStart(4, '0')}-note.txt`,
      extracted_section: 'PLAN',
      procedure_note: note,
      reference_plan: plan,
      judge_feedback: [{ judges, score: reward }],
    },
    reward,
    metrics: { reward_mtsamples: reward },
    reward_mtsamples: reward,
    timing: {
      start_time: 1750000000.5 + index,
      generation_ms: 1200.0 + index,
      scoring_ms: 800.0,
      total_ms: 2000.0 + index,
    },
    is_completed: true,
    is_truncated: false,
    stop_condition: null,
    error: null,
  };
}

/** results.jsonl and metadata.json of the run. */
function mtsamplesResultsFile(options: MtsamplesFileOptions) {
  const rows = options.rollouts.map((rollout, i) => row(options, rollout, i));
  const examples = new Set(options.rollouts.map((r) => r.example_id)).size;
  const avg = rows.reduce((sum, r) => sum + r.reward, 0) / rows.length;
  const metadata = {
    env_id: 'mtsamples_procedures',
    env_args: { judge_model: [...options.judgeModels] },
    model: options.model,
    base_url: 'https://openrouter.ai/api/v1/',
    num_examples: examples,
    rollouts_per_example: Math.round(rows.length / examples),
    sampling_args: { max_tokens: null },
    time_ms: 9000.0,
    avg_reward: avg,
    avg_metrics: { reward_mtsamples: avg },
    avg_error: 0.0,
    pass_at_k: {},
    pass_all_k: {},
    pass_threshold: 0.5,
    usage: null,
    version_info: { vf_version: '0.1.12', vf_commit: null, env_version: '0.1.0', env_commit: null },
    state_columns: [],
    tools: null,
  };
  return {
    resultsJsonl: `${rows.map(pyDumps).join('\n')}\n`,
    metadataJson: pyDumps(metadata),
  };
}

/** Two examples × two rollouts by two judges; example 1's second rollout no judge scored. */
export const MTSAMPLES_QWEN = mtsamplesResultsFile({
  model: 'qwen/qwen3-8b',
  judgeModels: ['openai/gpt-5-mini', 'x-ai/grok-4.1-fast'],
  rollouts: [
    {
      example_id: 0,
      judges: [
        [4, 3, 5],
        [5, 4, 5],
      ],
    },
    {
      example_id: 0,
      judges: [
        [3, 3, 4],
        [4, 3, 4],
      ],
    },
    {
      example_id: 1,
      judges: [
        [5, 5, 5],
        [4, 5, 5],
      ],
    },
    { example_id: 1, judges: [null, null] },
  ],
});

/** The same examples by another model. */
export const MTSAMPLES_LLAMA = mtsamplesResultsFile({
  model: 'meta-llama/llama-3.3-70b-instruct',
  judgeModels: ['openai/gpt-5-mini', 'x-ai/grok-4.1-fast'],
  rollouts: [
    {
      example_id: 0,
      judges: [
        [2, 2, 3],
        [3, 2, 3],
      ],
    },
    {
      example_id: 0,
      judges: [
        [4, 4, 4],
        [4, 4, 5],
      ],
    },
    {
      example_id: 1,
      judges: [
        [3, 4, 4],
        [3, 3, 4],
      ],
    },
    {
      example_id: 1,
      judges: [
        [5, 4, 5],
        [5, 5, 5],
      ],
    },
  ],
});
