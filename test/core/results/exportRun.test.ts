import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runningSeconds } from '../../../src/core/results/exportMetadata';
import { primeEvalCommand } from '../../../src/core/envs/mtsamples/primeCommand';
import {
  defaultFolderName,
  toMetadata,
  toResultsJsonl,
  toResultsRows,
  type ResultsRow,
} from '../../../src/core/results/exportRun';
import { summarizeRun } from '../../../src/core/runSummary';
import { EndpointConfigSchema } from '../../../src/core/schema/endpoint';
import type { RunRecord } from '../../../src/core/schema/run';
import { sampleExamples, sampleRollouts, sampleRun } from './sampleRun';

const rows = toResultsRows(sampleRun, sampleRollouts, sampleExamples);
const rowFor = (exampleId: number, index: number): ResultsRow => {
  const row = rows.find(
    (r) =>
      r['example_id'] === exampleId &&
      (r['medeval'] as { rollout_index: number }).rollout_index === index,
  );
  if (row === undefined) throw new Error(`no row ${exampleId}:${index}`);
  return row;
};
const medeval = (row: ResultsRow) => row['medeval'] as Record<string, unknown>;
const summary = summarizeRun(sampleRollouts, sampleRun.updatedAt);
const metadata = toMetadata(sampleRun, sampleRollouts, summary);

/** Every key anywhere in a JSON value. */
function allKeys(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => allKeys(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.push(key);
      allKeys(inner, into);
    }
  }
  return into;
}

describe('toResultsRows', () => {
  it('writes one row per rollout, sorted by example_id then rollout index', () => {
    const order = rows.map(
      (r) => `${String(r['example_id'])}:${String(medeval(r)['rollout_index'])}`,
    );
    expect(order).toEqual(['0:0', '0:1', '1:0', '1:1', '2:0', '2:1']);
  });

  it('writes every field of the results table for a scored rollout', () => {
    const row = rowFor(0, 0);
    expect(Object.keys(row)).toEqual([
      'example_id',
      'prompt',
      'completion',
      'answer',
      'info',
      'reward',
      'metrics',
      'reward_mtsamples',
      'error',
      'is_completed',
      'is_truncated',
      'stop_condition',
      'timing',
      'token_usage',
      'medeval',
    ]);
    expect(row['prompt']).toEqual(sampleRollouts[1]?.prompt);
    expect(row['completion']).toEqual([
      {
        role: 'assistant',
        content: '<think>RLQ pain, fever.</think>\nPlan: laparoscopic appendectomy.',
        reasoning_content: 'Considering appendicitis versus ovarian torsion.',
      },
    ]);
    expect(row['answer']).toBe('Laparoscopic appendectomy.');
    expect(row['reward']).toBeCloseTo((14 / 15 + 11 / 15) / 2, 12);
    expect(row['metrics']).toEqual({ reward_mtsamples: row['reward'] });
    expect(row['reward_mtsamples']).toBe(row['reward']);
    expect(row).toMatchObject({
      error: null,
      is_completed: true,
      is_truncated: false,
      stop_condition: 'max_turns_reached',
    });
    expect(row['token_usage']).toEqual({ input_tokens: 310, output_tokens: 420 });
  });

  it('writes info with the reference and one judge_feedback entry per scoring call', () => {
    const info = rowFor(0, 0)['info'] as Record<string, unknown>;
    expect(info).toMatchObject({
      filename: '0001-appendectomy.txt',
      extracted_section: 'PLAN',
      procedure_note: 'Acute appendicitis, 24 h of RLQ pain.',
      reference_plan: 'Laparoscopic appendectomy.',
    });
    const feedback = info['judge_feedback'] as {
      judges: Record<string, unknown>[];
      score: number;
    }[];
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.score).toBe(rowFor(0, 0)['reward']);
    expect(feedback[0]?.judges[0]).toEqual({
      model: 'openai/gpt-5-mini',
      raw: expect.any(String) as string,
      error: null,
      scores: {
        accuracy: { score: 5, explanation: 'Scored 5.' },
        completeness: { score: 4, explanation: 'Scored 4.' },
        clarity: { score: 5, explanation: 'Scored 5.' },
      },
      score: 14 / 15,
    });
  });

  it.each([
    ['unscored (no judge score)', 0, 1, { unscored: true, status: 'unscored' }],
    ['failed generation', 1, 0, { unscored: false, status: 'error' }],
    ['pending', 2, 1, { unscored: false, status: 'pending' }],
  ])(
    'writes reward 0 for a %s rollout and keeps the truth under medeval',
    (_, id, index, truth) => {
      const row = rowFor(id, index);
      expect(row['reward']).toBe(0);
      expect(row['metrics']).toEqual({ reward_mtsamples: 0 });
      expect(medeval(row)).toMatchObject(truth);
    },
  );

  it('keeps an unscored rollout’s null reward and reason under medeval', () => {
    const truth = medeval(rowFor(0, 1));
    expect((truth['score'] as { reward: unknown }).reward).toBeNull();
    expect(truth['unscored_reason']).toContain('429');
    const judges = (rowFor(0, 1)['info'] as { judge_feedback: { judges: unknown[] }[] })
      .judge_feedback[0]?.judges;
    expect(judges).toEqual([
      {
        model: 'openai/gpt-5-mini',
        raw: null,
        error: '429 Too Many Requests',
        scores: null,
        score: null,
      },
      {
        model: 'x-ai/grok-4.1-fast',
        raw: 'I cannot score this response.',
        // An unreadable reply is an error in their shape too, with the parser's reason (#13).
        error: expect.stringMatching(/^the reply could not be read as scores: \S/) as string,
        scores: null,
        score: null,
      },
    ]);
  });

  it('writes a failed generation as verifiers does: empty completion, error info, has_error', () => {
    const row = rowFor(1, 0);
    expect(row['completion']).toEqual([]);
    expect(row['error']).toEqual({
      error: 'ModelError',
      error_chain_repr: 'ModelError("server: 502 Bad Gateway")',
      error_chain_str: 'server: 502 Bad Gateway',
    });
    expect(row).toMatchObject({ is_completed: true, stop_condition: 'has_error' });
    expect((row['info'] as { judge_feedback: unknown }).judge_feedback).toEqual([]);
    const zero = { start: 0, end: 0, duration: 0 };
    expect(row['timing']).toEqual({
      start_time: (sampleRollouts.find((r) => r.key === '1:0')?.updatedAt ?? 0) / 1000,
      setup: zero,
      generation: zero,
      scoring: zero,
      model: { spans: [], duration: 0 },
      env: { spans: [], duration: 0 },
      total: 0,
      overhead: 0,
    });
  });

  it('marks an empty response, a truncated reply, and omits an empty answer and unknown usage', () => {
    expect(medeval(rowFor(1, 1))['empty_response']).toBe(true);
    expect(rowFor(1, 1)['reward']).toBeCloseTo(0.2, 12);
    const truncated = rowFor(2, 0);
    expect(truncated['is_truncated']).toBe(true);
    expect(truncated).not.toHaveProperty('answer');
    expect(truncated).not.toHaveProperty('token_usage');
    expect(rowFor(2, 1)['is_completed']).toBe(false);
  });

  it('writes timing in one real shape: verifiers 0.1.14+ RolloutTiming.model_dump()', () => {
    const generation = { start: 1_760_000_015.75, end: 1_760_000_020, duration: 4.25 };
    expect(rowFor(0, 0)['timing']).toEqual({
      start_time: 1_760_000_015.75,
      setup: { start: 1_760_000_015.75, end: 1_760_000_015.75, duration: 0 },
      generation,
      scoring: { start: 1_760_000_020, end: 1_760_000_030, duration: 10 },
      model: { spans: [generation], duration: 4.25 },
      env: { spans: [], duration: 0 },
      total: 14.25,
      overhead: 0,
    });
    // The same keys, in the same order, as the v0.1.14 fixture its save code wrote.
    const fixture = readFileSync(
      join(import.meta.dirname, '../../fixtures/verifiers/v0.1.14/results.jsonl'),
      'utf8',
    ).split('\n')[0];
    const theirs = (JSON.parse(fixture ?? '{}') as { timing: Record<string, unknown> }).timing;
    const ours = rowFor(0, 0)['timing'] as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const key of ['setup', 'generation', 'scoring', 'model', 'env']) {
      expect(Object.keys(ours[key] as object)).toEqual(Object.keys(theirs[key] as object));
    }
  });

  it('writes stop_condition as single-turn verifiers does: a reply cut at max_tokens reached max turns', () => {
    const truncated = rowFor(2, 0);
    expect(truncated).toMatchObject({ is_truncated: true, stop_condition: 'max_turns_reached' });
    expect(rowFor(1, 0)['stop_condition']).toBe('has_error');
    expect(rowFor(2, 1)['stop_condition']).toBeNull(); // still pending
  });

  it('carries notes and ratings, and leaves the prompt out of the stored request body', () => {
    const truth = medeval(rowFor(2, 0));
    expect(truth).toMatchObject({
      notes: 'Reviewer: =SUM(A1) "quoted", plan cut off.\nSecond line.',
      ratings: { accuracy: 3, completeness: 2, clarity: null },
      request_messages_are_prompt: true,
    });
    expect((truth['generation'] as { requestBody: object }).requestBody).not.toHaveProperty(
      'messages',
    );
  });
});

describe('request messages in exports', () => {
  it('writes the messages sent when they differ from the prompt, and says so', () => {
    const target = sampleRollouts.find((r) => r.generation !== undefined)!;
    const sent = [{ role: 'system', content: 'Answer briefly.' }, ...target.prompt];
    const differing = sampleRollouts.map((r) =>
      r.generation === undefined
        ? r
        : {
            ...r,
            generation: {
              ...r.generation,
              requestBody: { ...r.generation.requestBody, messages: sent },
            },
          },
    );
    const row = toResultsRows(sampleRun, differing, sampleExamples).find(
      (r) =>
        r['example_id'] === target.example_id &&
        medeval(r)['rollout_index'] === target.rollout_index,
    );
    expect(row).toBeDefined();
    expect(medeval(row!)['request_messages_are_prompt']).toBe(false);
    const written = medeval(row!)['generation'] as { requestBody: { messages?: unknown } };
    expect(written.requestBody.messages).toEqual(sent);
  });
});

describe('no credentials in exports', () => {
  const SECRET = 'sk-or-v1-PLANTED0123456789abcdef';

  it('refuses a credential header in an endpoint config at all', () => {
    const planted = { ...sampleRun.settings.model, headers: { Authorization: `Bearer ${SECRET}` } };
    expect(EndpointConfigSchema.safeParse(planted).success).toBe(false);
  });

  it('drops credential-named fields a free-form body field could carry', () => {
    const model = {
      ...sampleRun.settings.model,
      sampling: {
        ...sampleRun.settings.model.sampling,
        extra: { api_key: SECRET, apiKey: SECRET },
      },
    };
    const run: RunRecord = { ...sampleRun, settings: { ...sampleRun.settings, model } };
    const withBody = sampleRollouts.map((r) =>
      r.generation === undefined
        ? r
        : {
            ...r,
            generation: {
              ...r.generation,
              requestBody: { ...r.generation.requestBody, Authorization: SECRET },
            },
          },
    );
    const files = [
      toResultsJsonl(toResultsRows(run, withBody, sampleExamples)),
      JSON.stringify(toMetadata(run, withBody, summary)),
    ].join('\n');
    expect(files).not.toContain(SECRET);
    const parsed = files
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as unknown);
    const keys = allKeys(parsed);
    expect(keys).toContain('requestBody');
    expect(keys.filter((key) => /api[-_]?key|authorization/i.test(key))).toEqual([]);
  });
});

describe('toMetadata', () => {
  it('maps env_args exactly as the prime command’s -a JSON', () => {
    const command = primeEvalCommand(sampleRun.settings).command;
    const quoted = /-a '(.*)'$/.exec(command)?.[1];
    expect(metadata['env_args']).toEqual(JSON.parse(quoted ?? 'null'));
  });

  it('writes the verifiers fields, averaging failures as 0 as their tooling does', () => {
    const rewards = rows.map((r) => r['reward'] as number);
    const avg = rewards.reduce((a, b) => a + b, 0) / rewards.length;
    expect(metadata).toMatchObject({
      env_id: 'mtsamples_procedures',
      model: 'meta-llama/llama-3.3-70b-instruct',
      base_url: 'https://openrouter.ai/api/v1',
      num_examples: 3,
      rollouts_per_example: 2,
      sampling_args: { max_tokens: 2048, temperature: 0.7, provider: { order: ['together'] } },
      time: runningSeconds(sampleRollouts),
      avg_reward: avg,
      avg_metrics: { reward_mtsamples: avg },
      avg_error: 1 / 6,
      pass_threshold: 0.5,
      version_info: { vf_version: null, vf_commit: null, env_version: null, env_commit: null },
      state_columns: [],
      tools: null,
      name: 'Llama 3.3 70B · 2 judges',
    });
    expect(Object.keys(metadata['pass_at_k'] as object)).toEqual(['1', '2']);
    expect(metadata['usage']).toEqual({ input_tokens: 310, output_tokens: 420 });
  });

  it('writes time as running time: a run stopped for ten minutes counts only its requests', () => {
    const t0 = 1_760_000_000_000;
    const generated = sampleRollouts.find((r) => r.generation !== undefined)!;
    const call = (finishedAt: number, latencyMs: number) => ({
      ...generated.generation!,
      finishedAt,
      latencyMs,
      cached: false,
    });
    const early = { ...generated, generation: call(t0 + 2_000, 2_000), judges: [] };
    // Ten minutes later (the run waited for keys), two overlapping requests and a cached one.
    const late = [
      { ...early, key: '1:0', generation: call(t0 + 603_000, 3_000) },
      { ...early, key: '2:0', generation: call(t0 + 604_000, 3_000) },
      { ...early, key: '3:0', generation: { ...call(t0 + 900_000, 5_000), cached: true } },
    ];
    const stopped = { ...sampleRun, startedAt: t0, finishedAt: t0 + 900_000 };
    const rollouts = [early, ...late];
    const meta = toMetadata(stopped, rollouts, summarizeRun(rollouts, 0));
    expect(meta['time']).toBe(6); // 2 s, then 600–604 s: 4 s; not the 900 s on the clock
  });

  it('also writes the honest mean over scored rollouts only', () => {
    const block = metadata['medeval'] as { avg_reward_scored: { mean: number; n: number } };
    expect(block.avg_reward_scored.n).toBe(3);
    expect(block.avg_reward_scored.mean).toBeGreaterThan(metadata['avg_reward'] as number);
  });

  it('writes max_tokens null when unset, and {} pass tables for one rollout per example', () => {
    const sampling = { extra: {} };
    const run: RunRecord = {
      ...sampleRun,
      settings: {
        ...sampleRun.settings,
        rolloutsPerExample: 1,
        model: { ...sampleRun.settings.model, sampling },
      },
    };
    const single = sampleRollouts.filter((r) => r.rollout_index === 0);
    const meta = toMetadata(run, single, summarizeRun(single, 0));
    expect(meta['sampling_args']).toEqual({ max_tokens: null });
    expect(meta['pass_at_k']).toEqual({});
    expect(meta['pass_all_k']).toEqual({});
  });
});

describe('defaultFolderName and toResultsJsonl', () => {
  it('names the folder as the tooling does, the same for the same run', () => {
    const folder = defaultFolderName(sampleRun);
    expect(folder).toMatch(
      /^outputs\/evals\/mtsamples_procedures--meta-llama--llama-3\.3-70b-instruct\/[0-9a-f]{8}\/$/,
    );
    expect(defaultFolderName({ ...sampleRun })).toBe(folder);
    expect(defaultFolderName({ ...sampleRun, id: 'other' })).not.toBe(folder);
  });

  it('writes one JSON object per line with raw UTF-8 and a trailing newline', () => {
    const text = toResultsJsonl(rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(text).toContain('30 mg/m² ✓');
    expect(JSON.parse(lines[0] ?? '')).toEqual(rows[0]);
  });
});
