// A realistic finished run for the results export/import tests: two judges on an OpenRouter-style
// router, two rollouts per example, and every kind of rollout the engine stores — scored with
// reasoning, unscored (one judge failed, the other unreadable), a failed generation, an empty response,
// a truncated one with a cached judge and a reviewer's notes and ratings, and one still pending.
import {
  EMPTY_RESPONSE_VERDICT,
  judgeScore,
  parseJudgeReply,
  scoreRollout,
} from '../../../src/core/envs/mtsamples/judge';
import { DEFAULT_JUDGE_TEMPLATE } from '../../../src/core/envs/mtsamples/judgeTemplate';
import { buildModelMessages } from '../../../src/core/envs/mtsamples/prompt';
import type { ExampleInfo } from '../../../src/core/results/exportRun';
import type { EndpointConfig } from '../../../src/core/schema/endpoint';
import type { Generation, JudgeCall, RolloutRecord, RunRecord } from '../../../src/core/schema/run';

const router = 'https://openrouter.ai/api/v1';
const T0 = 1_760_000_000_000;

const model: EndpointConfig = {
  presetId: 'openrouter',
  baseUrl: router,
  model: 'meta-llama/llama-3.3-70b-instruct',
  sampling: { temperature: 0.7, max_tokens: 2048, extra: { provider: { order: ['together'] } } },
  headers: { 'X-Title': 'medeval' },
  stripSdkHeaders: true,
};
const judge = (name: string): EndpointConfig => ({
  presetId: 'openrouter',
  baseUrl: router,
  model: name,
  sampling: { temperature: 0, extra: {} },
  stripSdkHeaders: true,
});

export const sampleRun: RunRecord = {
  schemaVersion: 1,
  id: 'run-7f3a',
  name: 'Llama 3.3 70B · 2 judges',
  kind: 'generate',
  status: 'done',
  settings: {
    datasetId: 'github:mtsamples@abc123',
    selection: { mode: 'first', n: 3 },
    rolloutsPerExample: 2,
    concurrency: 8,
    maxAttempts: 5,
    promptFormat: 'chat',
    useThink: true,
    judgeSees: 'after_think',
    normalisation: 'fraction',
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    useCache: true,
    model,
    judges: [judge('openai/gpt-5-mini'), judge('x-ai/grok-4.1-fast')],
  },
  dataset: {
    id: 'github:mtsamples@abc123',
    label: 'MTSamples Procedures',
    commit: 'abc123',
    rulesVersion: 2,
    inputCut: 'helm',
  },
  appVersion: '0.1.0',
  createdAt: T0,
  updatedAt: T0 + 95_000,
  startedAt: T0 + 1_000,
  finishedAt: T0 + 91_000,
};

export const sampleExamples = new Map<number, ExampleInfo>([
  [
    0,
    example(
      '0001-appendectomy.txt',
      'Acute appendicitis, 24 h of RLQ pain.',
      'Laparoscopic appendectomy.',
    ),
  ],
  [1, example('0002-cholecystectomy.txt', 'Symptomatic cholelithiasis.', 'Cholecystectomy.')],
  [2, example('0003-café-au-lait.txt', 'Café-au-lait macules; naïve patient, 30 mg/m².', '')],
]);

function example(filename: string, question: string, answer: string): ExampleInfo {
  return { filename, question, answer, extracted_section: 'PLAN' };
}

function reply(accuracy: number, completeness: number, clarity: number): string {
  const c = (score: number) => ({ score, explanation: `Scored ${score}.` });
  return JSON.stringify({
    accuracy: c(accuracy),
    completeness: c(completeness),
    clarity: c(clarity),
  });
}

function call(index: number, raw: string, extra: Partial<JudgeCall> = {}): JudgeCall {
  const parsed = parseJudgeReply(raw);
  return {
    judgeIndex: index,
    model: sampleRun.settings.judges[index]?.model ?? '',
    raw,
    parsed,
    score: judgeScore(parsed),
    usage: { inputTokens: 900, outputTokens: 120 },
    costUsd: 0.0004,
    latencyMs: 2_100,
    attempts: 1,
    cached: false,
    finishedAt: T0 + 30_000,
    ...extra,
  };
}

function generation(
  exampleId: number,
  content: string,
  extra: Partial<Generation> = {},
): Generation {
  const prompt = promptFor(exampleId);
  return {
    content,
    reasoning: null,
    finishReason: 'stop',
    requestBody: {
      ...model.sampling.extra,
      temperature: 0.7,
      max_tokens: 2048,
      model: model.model,
      messages: prompt,
    },
    usage: { inputTokens: 310, outputTokens: 420 },
    costUsd: 0.00021,
    latencyMs: 4_250,
    attempts: 1,
    cached: false,
    finishedAt: T0 + 20_000,
    ...extra,
  };
}

function promptFor(exampleId: number) {
  return buildModelMessages(sampleExamples.get(exampleId)?.question ?? '', {
    format: 'chat',
    useThink: true,
  });
}

function rollout(exampleId: number, index: number, rest: Partial<RolloutRecord>): RolloutRecord {
  return {
    schemaVersion: 1,
    runId: sampleRun.id,
    key: `${exampleId}:${index}`,
    example_id: exampleId,
    rollout_index: index,
    exampleKey: `github:mtsamples@abc123:${sampleExamples.get(exampleId)?.filename ?? ''}`,
    section: 'PLAN',
    status: 'pending',
    prompt: promptFor(exampleId),
    judges: [null, null],
    updatedAt: T0 + 40_000 + exampleId * 1_000 + index,
    ...rest,
  };
}

const scored = [call(0, reply(5, 4, 5)), call(1, reply(4, 4, 3))];
const failedJudge = call(0, '', {
  raw: null,
  parsed: null,
  score: null,
  usage: null,
  costUsd: null,
  latencyMs: 0,
  attempts: 5,
  error: { kind: 'rate_limit', message: '429 Too Many Requests', status: 429, attempts: 5 },
});
const unreadable = call(1, 'I cannot score this response.');
const truncatedJudges = [
  call(0, reply(3, 2, 4)),
  call(1, `\`\`\`json\n${reply(3, 3, 4)}\n\`\`\``, { cached: true, attempts: 0 }),
];

/** In storage order (not sorted), as the database returns them. */
export const sampleRollouts: RolloutRecord[] = [
  rollout(2, 1, {}),
  rollout(0, 0, {
    status: 'done',
    generation: generation(0, '<think>RLQ pain, fever.</think>\nPlan: laparoscopic appendectomy.', {
      reasoning: 'Considering appendicitis versus ovarian torsion.',
    }),
    judges: scored,
    score: scoreRollout(scored.map((c) => c.parsed)),
  }),
  rollout(0, 1, {
    status: 'unscored',
    generation: generation(0, 'Plan: observe.'),
    judges: [failedJudge, unreadable],
    score: scoreRollout([null, unreadable.parsed]),
    unscoredReason: 'judge 1: 429 Too Many Requests · judge 2: no readable score',
  }),
  rollout(1, 0, {
    status: 'error',
    error: {
      kind: 'server',
      message: '502 Bad Gateway',
      status: 502,
      host: 'openrouter.ai',
      attempts: 5,
      stage: 'generation',
    },
  }),
  rollout(1, 1, {
    status: 'done',
    generation: generation(1, '   ', { usage: null, costUsd: null }),
    score: scoreRollout([EMPTY_RESPONSE_VERDICT, EMPTY_RESPONSE_VERDICT]),
    emptyResponse: true,
  }),
  rollout(2, 0, {
    status: 'done',
    generation: generation(2, 'Surveillance dermatologique — « suivi » annuel; 30 mg/m² ✓', {
      finishReason: 'length',
      usage: null,
      cached: true,
      attempts: 0,
    }),
    judges: truncatedJudges,
    score: scoreRollout(truncatedJudges.map((c) => c.parsed)),
    notes: 'Reviewer: =SUM(A1) "quoted", plan cut off.\nSecond line.',
    ratings: { accuracy: 3, completeness: 2, clarity: null },
  }),
];
