import { describe, expect, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../../src/core/results/exportRun';
import {
  importedRowToRollout,
  importedRowsToRollouts,
} from '../../../src/core/results/importRollout';
import { metadataToRunRecord } from '../../../src/core/results/importRun';
import { parseMetadata } from '../../../src/core/results/parseMetadata';
import { parseResultsJsonl, type ImportedRow } from '../../../src/core/results/parseResults';
import { summarizeRun } from '../../../src/core/runSummary';
import { RolloutRecordSchema, RunRecordSchema } from '../../../src/core/schema/run';
import { sampleExamples, sampleRollouts, sampleRun } from './sampleRun';

// Written for these tests to imitate the tooling's output: Python's json.dumps defaults (", " and ": "
// separators, non-ASCII as \uXXXX, NaN as a bare token).
const JUDGE_RAW = String.raw`"{\"accuracy\": {\"score\": 4, \"explanation\": \"ok\"}, \"completeness\": {\"score\": 3, \"explanation\": \"partial\"}, \"clarity\": {\"score\": 5, \"explanation\": \"clear\"}}"`;
const SCORES = String.raw`{"accuracy": {"score": 4, "explanation": "ok"}, "completeness": {"score": 3, "explanation": "partial"}, "clarity": {"score": 5, "explanation": "clear"}}`;
const V0_1_12 = String.raw`{"example_id": 2, "prompt": [{"role": "system", "content": "Here are information about a patient, return a reasonable treatment plan for the patient."}, {"role": "user", "content": "Caf\u00e9-au-lait macules; na\u00efve patient."}], "completion": [{"role": "assistant", "content": "Refer to dermatology \u2014 annual review."}], "answer": "Dermatology referral.", "task": "default", "info": {"filename": "0003-cafe.txt", "extracted_section": "PLAN", "procedure_note": "Caf\u00e9-au-lait macules.", "reference_plan": "Dermatology referral.", "judge_feedback": [{"judges": [{"model": "gpt-4o-mini", "raw": ${JUDGE_RAW}, "error": null, "scores": ${SCORES}, "score": 0.8}], "score": 0.8}]}, "reward": 0.8, "metrics": {"reward_mtsamples": 0.8}, "reward_mtsamples": 0.8, "timing": {"start_time": 1750000000.5, "generation_ms": 1234.0, "scoring_ms": 800.0, "total_ms": 2034.0}, "is_completed": true, "is_truncated": false, "stop_condition": null, "error": null}`;
const SPANS = String.raw`{"start_time": 1760000000.0, "generation": {"start": 1760000000.0, "end": 1760000003.5, "duration": 3.5}, "scoring": {"start": 1760000003.5, "end": 1760000005.0, "duration": 1.5}, "total": {"start": 1760000000.0, "end": 1760000005.0, "duration": 5.0}}`;
const V0_1_15 = String.raw`{"example_id": 0, "prompt": [{"role": "system", "content": [{"type": "text", "text": "Here are information about a patient."}]}, {"role": "user", "content": "Acute appendicitis."}], "completion": [{"role": "assistant", "content": "Laparoscopic appendectomy.", "reasoning_content": "RLQ pain."}], "answer": "Appendectomy.", "info": {"filename": "0001-appendectomy.txt", "extracted_section": "PLAN", "judge_feedback": [{"judges": [{"model": "openai/gpt-5-mini", "raw": ${JUDGE_RAW}, "error": null, "scores": ${SCORES}, "score": 0.8}, {"model": "x-ai/grok-4.1-fast", "raw": "5 5 5", "error": null, "scores": null, "score": null}], "score": 0.8}]}, "reward": 0.8, "metrics": {"reward_mtsamples": 0.8}, "reward_mtsamples": 0.8, "error": null, "is_completed": true, "is_truncated": true, "stop_condition": null, "timing": ${SPANS}, "token_usage": {"input_tokens": 120.0, "output_tokens": 64.0}, "custom_column": {"kept": [1, 2]}}`;
const ERROR_ROW = String.raw`{"example_id": 0, "prompt": [{"role": "user", "content": "Acute appendicitis."}], "completion": [], "reward": 0.0, "metrics": {"reward_mtsamples": 0.0}, "error": {"error": "ModelError", "error_chain_repr": "ModelError('rate limited')", "error_chain_str": "rate limited"}, "error_chain": "ModelError('rate limited')", "is_completed": true, "is_truncated": false, "stop_condition": "has_error", "timing": ${SPANS}}`;
const SENTINEL_ROW = String.raw`{"example_id": 1, "prompt": [{"role": "user", "content": "Gallstones."}], "completion": [{"role": "assistant", "content": "Cholecystectomy."}], "info": {"judge_feedback": [{"judges": [{"model": "gpt-4o-mini", "raw": null, "error": "APITimeoutError", "scores": null, "score": null}], "score": 0.0}]}, "reward": 0.0}`;
const NAN_ROW = String.raw`{"example_id": 3, "prompt": [{"role": "user", "content": "NaN and Infinity stay text"}], "completion": [{"role": "assistant", "content": "caf\u00e9 or café"}], "reward": NaN, "metrics": {"reward_mtsamples": NaN, "other": -Infinity}}`;

describe('parseResultsJsonl', () => {
  const file =
    [
      '\uFEFF' + V0_1_12,
      '',
      'not json',
      V0_1_15,
      '{"prompt": [], "completion": [], "reward": 1}',
      ERROR_ROW,
      NAN_ROW,
      '   ',
      SENTINEL_ROW,
    ].join('\r\n') + '\r\n';
  const { rows, problems } = parseResultsJsonl(file);

  it('reads every good line and reports the two broken ones by number', () => {
    expect(rows.map((row) => row.line)).toEqual([1, 4, 6, 7, 9]);
    expect(problems).toEqual([
      { line: 3, message: expect.stringMatching(/^not valid JSON/) as string },
      { line: 5, message: 'missing example_id (or id, as verifiers before 0.1.6 wrote it)' },
    ]);
  });

  it('reads escaped and raw UTF-8 alike', () => {
    expect(rows[0]?.prompt[1]?.content).toBe('Café-au-lait macules; naïve patient.');
    expect(rows[3]?.completion[0]?.content).toBe('café or café');
  });

  it('reads NaN and ±Infinity outside strings as null, with notes, and leaves strings alone', () => {
    const nan = rows[3];
    expect(nan?.reward).toBeNull();
    expect(nan?.metrics).toEqual({ reward_mtsamples: null, other: null });
    expect(nan?.prompt[0]?.content).toBe('NaN and Infinity stay text');
    expect(nan?.medevalImport.notes).toEqual([
      'NaN at reward read as null',
      'NaN at metrics.reward_mtsamples read as null',
      '-Infinity at metrics.other read as null',
    ]);
  });

  it('still reads NaN when a string happens to hold the marker text', () => {
    const line =
      '{"example_id": 0, "prompt": "medeval-non-finite:NaN", "completion": [], "reward": NaN}';
    const [row] = parseResultsJsonl(line).rows;
    expect(row?.prompt[0]?.content).toBe('medeval-non-finite:NaN');
    expect(row?.reward).toBeNull();
    expect(row?.medevalImport.notes[0]).toBe('NaN replaced by null');
  });

  it('keeps every field it does not read in raw', () => {
    expect(rows[1]?.raw['custom_column']).toEqual({ kept: [1, 2] });
    expect(rows[0]?.task).toBe('default');
    expect(rows[2]?.raw['error_chain']).toBe("ModelError('rate limited')");
  });

  it.each([
    ['[1, 2]', 'not a JSON object (an array)'],
    ['"text"', 'not a JSON object (string)'],
    [
      '{"example_id": -1, "prompt": [], "completion": [], "reward": 0}',
      'example_id: Too small: expected number to be >=0',
    ],
    [
      '{"example_id": "3", "prompt": [], "completion": [], "reward": 0}',
      'example_id: Invalid input: expected number, received string',
    ],
    [
      '{"example_id": 1.5, "prompt": [], "completion": [], "reward": 0}',
      'example_id: Invalid input: expected int, received number',
    ],
    ['{"example_id": 1, "prompt": {}, "completion": [], "reward": 0}', 'prompt: Invalid input'],
    [
      '{"example_id": 1, "prompt": [], "completion": [], "reward": "0.5"}',
      'reward: Invalid input: expected number, received string',
    ],
    ['{"example_id": 1, "completion": []}', 'missing prompt'],
    [
      '{"example_id": 1, "prompt": [], "completion": [], "reward": 0, "__proto__": {"polluted": true}}',
      'the key "__proto__" (at __proto__) is not accepted',
    ],
    [
      '{"example_id": 1, "prompt": [], "completion": [], "reward": 0, "info": {"a": [{"constructor": {}}]}}',
      'the key "constructor" (at info.a[0].constructor) is not accepted',
    ],
    [
      '{"example_id": 1, "prompt": [], "completion": [], "reward": 0, "prototype": 1}',
      'the key "prototype" (at prototype) is not accepted',
    ],
  ])('rejects %s with a reason', (line, message) => {
    expect(parseResultsJsonl(line)).toEqual({ rows: [], problems: [{ line: 1, message }] });
  });

  it('never touches Object.prototype', () => {
    parseResultsJsonl(
      '{"__proto__": {"polluted": true}, "example_id": 0}\n{"constructor": {"prototype": {"polluted": true}}}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps a row whose optional field has the wrong type, without that field', () => {
    const {
      rows: [row],
      problems: none,
    } = parseResultsJsonl(
      '{"example_id": 0, "prompt": "Q", "completion": "A", "reward": 1, "metrics": {"m": "high"}, "task": 7}',
    );
    expect(none).toEqual([]);
    expect(row?.metrics).toBeUndefined();
    expect(row?.prompt).toEqual([{ role: 'user', content: 'Q' }]);
    expect(row?.medevalImport.notes).toEqual([
      'prompt is a plain string: read as one user message',
      'completion is a plain string: read as one assistant message',
      'metrics ignored: m: Invalid input: expected number, received string',
      'task ignored: Invalid input: expected string, received number',
    ]);
  });

  it('refuses nesting deeper than the limit instead of overflowing', () => {
    const deep = `{"example_id": 0, "prompt": [], "completion": [], "reward": 0, "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(parseResultsJsonl(deep).problems[0]?.message).toMatch(/^nested deeper than 64 levels/);
  });
});

describe('importedRowToRollout for verifiers rows', () => {
  const read = (line: string, index = 0) => {
    const row = parseResultsJsonl(line).rows[0] as ImportedRow;
    const rollout = importedRowToRollout(row, 'imp', index);
    expect(RolloutRecordSchema.safeParse(rollout).success).toBe(true);
    return rollout;
  };

  it('reads a 0.1.12 row: judges parsed, timing in milliseconds, task kept', () => {
    const rollout = read(V0_1_12);
    expect(rollout).toMatchObject({
      key: '2:0',
      exampleKey: '0003-cafe.txt',
      section: 'PLAN',
      status: 'done',
      score: {
        reward: 0.8,
        jury_score: 4,
        judge_scores: [0.8],
        criterion_means: { accuracy: 4, completeness: 3, clarity: 5 },
      },
      generation: {
        content: 'Refer to dermatology — annual review.',
        latencyMs: 1234,
        finishedAt: 1_750_000_001_734,
      },
      imported: { source: 'verifiers', line: 1, raw: { task: 'default' } },
    });
    expect(rollout.judges[0]?.parsed?.accuracy).toEqual({ score: 4, explanation: 'ok' });
  });

  it('reads a 0.1.15 row: spans, usage, reasoning, parts, truncation, one unreadable judge', () => {
    const rollout = read(V0_1_15);
    expect(rollout.prompt[0]).toEqual({
      role: 'system',
      content: 'Here are information about a patient.',
    });
    expect(rollout.generation).toMatchObject({
      reasoning: 'RLQ pain.',
      finishReason: 'length',
      usage: { inputTokens: 120, outputTokens: 64 },
      latencyMs: 3500,
      finishedAt: 1_760_000_003_500,
    });
    expect(rollout.judges.map((j) => j?.score)).toEqual([0.8, null]);
    expect(rollout.judges[1]?.parsed?.jsonFound).toBe(false);
    expect(rollout).toMatchObject({ status: 'done', updatedAt: 1_760_000_005_000 });
  });

  it.each([
    [
      'an error row',
      ERROR_ROW,
      {
        status: 'error',
        error: { kind: 'unknown', message: "ModelError('rate limited')", stage: 'generation' },
      },
    ],
    [
      'a 0 reward with no judge score behind it',
      SENTINEL_ROW,
      { status: 'unscored', score: { reward: null } },
    ],
    [
      'a NaN reward',
      NAN_ROW,
      { status: 'unscored', unscoredReason: 'the file gives no numeric reward' },
    ],
  ])('reads %s honestly', (_, line, expected) => {
    const rollout = read(line);
    expect(rollout).toMatchObject(expected);
    if (rollout.status === 'error') expect(rollout.generation).toBeUndefined();
  });

  it('numbers the rollouts of one example in file order', () => {
    const { rows } = parseResultsJsonl([V0_1_15, ERROR_ROW, V0_1_12].join('\n'));
    expect(importedRowsToRollouts(rows, 'imp').map((r) => r.key)).toEqual(['0:0', '0:1', '2:0']);
  });
});

describe('our own export re-imports losslessly', () => {
  const text = toResultsJsonl(toResultsRows(sampleRun, sampleRollouts, sampleExamples));
  const parsed = parseResultsJsonl(text);

  it('gives back every rollout exactly, notes and ratings included', () => {
    expect(parsed.problems).toEqual([]);
    const back = importedRowsToRollouts(parsed.rows, 'copy');
    const expected = [...sampleRollouts]
      .sort((a, b) => a.example_id - b.example_id || a.rollout_index - b.rollout_index)
      .map((r) => ({ ...r, runId: 'copy' }));
    expect(back).toStrictEqual(expected);
  });

  it('keeps request messages that differ from the prompt (a system message the endpoint added)', () => {
    const differing = sampleRollouts.map((r) =>
      r.generation === undefined
        ? r
        : {
            ...r,
            generation: {
              ...r.generation,
              requestBody: {
                ...r.generation.requestBody,
                messages: [{ role: 'system', content: 'Answer briefly.' }, ...r.prompt],
              },
            },
          },
    );
    expect(differing.some((r) => r.generation !== undefined)).toBe(true);
    const again = parseResultsJsonl(
      toResultsJsonl(toResultsRows(sampleRun, differing, sampleExamples)),
    );
    const expected = [...differing]
      .sort((a, b) => a.example_id - b.example_id || a.rollout_index - b.rollout_index)
      .map((r) => ({ ...r, runId: 'copy' }));
    expect(importedRowsToRollouts(again.rows, 'copy')).toStrictEqual(expected);
  });

  it('keeps an imported rollout’s provenance through export and re-import', () => {
    const first = importedRowsToRollouts(parseResultsJsonl(V0_1_15).rows, 'a');
    const again = parseResultsJsonl(toResultsJsonl(toResultsRows(sampleRun, first, new Map())));
    expect(importedRowsToRollouts(again.rows, 'a')).toStrictEqual(first);
  });

  it('falls back to reading the verifiers columns when the medeval object was edited', () => {
    const row = { ...(parsed.rows[0] as ImportedRow) };
    row.medeval = { ...(row.medeval as object), judges: [null] };
    const rollout = importedRowToRollout(row, 'copy');
    expect(rollout.imported).toMatchObject({
      source: 'verifiers',
      notes: ['read as a verifiers row: its medeval object does not match the row'],
    });
  });

  it('rebuilds the run settings from our metadata', () => {
    const meta = parseMetadata(
      JSON.stringify(toMetadata(sampleRun, sampleRollouts, summarizeRun(sampleRollouts, 0))),
    );
    expect(meta.problems).toEqual([]);
    const run = metadataToRunRecord(meta.metadata, parsed.rows, {
      id: 'copy',
      now: 5,
      appVersion: '9.9.9',
    });
    const { id: _id, ...rest } = sampleRun;
    expect(run).toMatchObject({ ...rest, id: 'copy', origin: 'imported' });
    expect(run.settings).toStrictEqual(sampleRun.settings);
  });
});

describe('parseMetadata and metadataToRunRecord for verifiers files', () => {
  const V12_META = String.raw`{"env_id": "mtsamples_procedures", "env_args": {"judge_model": ["openai/gpt-5-mini", "x-ai/grok-4.1-fast"], "judge_base_url": "https://openrouter.ai/api/v1", "use_think": true}, "model": "qwen/qwen3-8b", "base_url": "https://openrouter.ai/api/v1/", "num_examples": 5, "rollouts_per_example": 3, "sampling_args": {"max_tokens": null, "temperature": 0.6, "reasoning_effort": "low"}, "time_ms": 81234.5, "avg_reward": 0.71, "avg_metrics": {"reward_mtsamples": 0.71}, "avg_error": 0.0, "pass_at_k": {"1": 0.8, "2": 0.9}, "pass_all_k": {"1": 0.8, "2": 0.6}, "pass_threshold": 0.5, "usage": null, "version_info": {"vf_version": "0.1.12", "vf_commit": null, "env_version": "0.1.0", "env_commit": null}, "state_columns": [], "tools": null}`;
  const V15_META = String.raw`{"env_id": "mtsamples_procedures", "name": "qwen sweep", "env_args": {}, "model": "gpt-4.1", "base_url": "http://localhost:8000/v1,http://localhost:8001/v1", "num_examples": -1, "rollouts_per_example": 1, "sampling_args": {"max_tokens": 4096, "temperature": 7, "model": "x"}, "time": 12.5, "avg_reward": NaN, "cost": {"total_usd": 0.12}, "usage": {"input_tokens": 10.0, "output_tokens": 3.5}, "state_columns": "oops"}`;

  it('reads 0.1.12 metadata into plausible settings, saying what was assumed', () => {
    const { metadata, problems } = parseMetadata(V12_META);
    expect(problems).toEqual([]);
    expect(metadata).toMatchObject({ time_ms: 81234.5, pass_at_k: { '1': 0.8, '2': 0.9 } });
    const run = metadataToRunRecord(metadata, [], { id: 'r', now: 1, appVersion: '0.1.0' });
    expect(RunRecordSchema.safeParse(run).success).toBe(true);
    expect(run.settings).toMatchObject({
      selection: { mode: 'first', n: 5 },
      rolloutsPerExample: 3,
      useThink: true,
      model: {
        presetId: 'custom',
        baseUrl: 'https://openrouter.ai/api/v1',
        model: 'qwen/qwen3-8b',
        stripSdkHeaders: true,
        sampling: { temperature: 0.6, extra: { reasoning_effort: 'low' } },
      },
    });
    expect(run.settings.model.sampling).not.toHaveProperty('max_tokens');
    expect(run.settings.judges.map((j) => [j.model, j.baseUrl])).toEqual([
      ['openai/gpt-5-mini', 'https://openrouter.ai/api/v1'],
      ['x-ai/grok-4.1-fast', 'https://openrouter.ai/api/v1'],
    ]);
    expect(run).toMatchObject({
      status: 'done',
      origin: 'imported',
      importedMetadata: { source: 'verifiers', raw: { time_ms: 81234.5 } },
    });
  });

  it('reads 0.1.15 metadata, reports bad fields and keeps the rest', () => {
    const { metadata, problems } = parseMetadata(V15_META);
    expect(problems).toEqual([
      {
        field: 'state_columns',
        message: 'state_columns ignored: Invalid input: expected array, received string',
      },
    ]);
    expect(metadata).toMatchObject({
      name: 'qwen sweep',
      time: 12.5,
      avg_reward: null,
      cost: { total_usd: 0.12 },
      notes: ['NaN at avg_reward read as null'],
    });
    const { rows } = parseResultsJsonl(V0_1_15);
    const run = metadataToRunRecord(metadata, rows, { id: 'r', now: 1, appVersion: '0.1.0' });
    expect(run.name).toBe('qwen sweep');
    expect(run.settings.selection).toEqual({ mode: 'all' });
    expect(run.settings.model.baseUrl).toBe('http://localhost:8000/v1');
    expect(run.settings.judges.map((j) => j.model)).toEqual([
      'openai/gpt-5-mini',
      'x-ai/grok-4.1-fast',
    ]);
    const { assumptions } = run.importedMetadata as { assumptions: string[] };
    expect(assumptions).toEqual(
      expect.arrayContaining([
        'several base URLs (http://localhost:8000/v1,http://localhost:8001/v1): the first is used',
        'sampling argument temperature = 7 is out of range: left out',
        'sampling argument model cannot be sent by this app: left out',
        'judge models are taken from the rows (env_args has no judge_model)',
      ]),
    );
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['[]', 'not a JSON object'],
  ])('gives no metadata for %s', (text, message) => {
    const result = parseMetadata(text);
    expect(result.metadata).toBeNull();
    expect(result.problems[0]?.message).toContain(message);
  });

  it('builds a run from rows alone when there is no metadata.json', () => {
    const run = metadataToRunRecord(null, parseResultsJsonl(V0_1_12).rows, {
      id: 'r',
      now: 1,
      appVersion: '0.1.0',
    });
    expect(RunRecordSchema.safeParse(run).success).toBe(true);
    expect(run.settings.model.baseUrl).toBe('https://unknown.invalid/v1');
    expect(run.settings.judges.map((j) => j.model)).toEqual(['gpt-4o-mini']);
  });
});
