// Issue 12 #6: a results folder written by every verifiers release line opens, with every row, the
// file's reward functions and their means, its timing, tokens, errors and state columns. The fixtures
// were written by each release's own save code at the tag in its SOURCE.json (see
// test/fixtures/verifiers/README.md): the same small evaluation (3 questions × 2 rollouts, reward
// functions accuracy_reward and format_reward, one rollout cut at max_tokens, one failed generation).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileMetricsSummaryOf } from '../../../src/core/results/fileMetricsSummary';
import { computeRunHeadline } from '../../../src/core/results/runStats';
import { RolloutRecordSchema, RunRecordSchema } from '../../../src/core/schema/run';
import { importFolder, VERIFIERS_FIXTURES } from './importFolder';

interface Source {
  line: string;
  tag: string;
  commit: string;
}

const LINES = readdirSync(VERIFIERS_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What each line's save code writes, as read from its source at that tag. */
const EXPECTED: Record<
  string,
  { timing: boolean; tokens: boolean; errors: boolean; truncation: boolean; stateColumns: boolean }
> = {
  'v0.1.3': { timing: false, tokens: false, errors: false, truncation: false, stateColumns: false },
  'medarc-public-2025-09': {
    timing: false,
    tokens: false,
    errors: false,
    truncation: false,
    stateColumns: false,
  },
  'v0.1.5': { timing: true, tokens: false, errors: false, truncation: false, stateColumns: false },
  'v0.1.7': { timing: true, tokens: false, errors: false, truncation: false, stateColumns: true },
  'medarc-eval': {
    timing: true,
    tokens: true,
    errors: false,
    truncation: false,
    stateColumns: true,
  },
  'v0.1.9': { timing: true, tokens: false, errors: true, truncation: false, stateColumns: true },
  'v0.1.10': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.1.12': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.1.13': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.1.14': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.1.15': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.2.1': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'v0.3.0': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  main: { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
  'prime-eval': { timing: true, tokens: true, errors: true, truncation: true, stateColumns: true },
};

const QUESTION_STARTS = ['Question:\nA 54-year-old', 'Question:\nA 7-year-old', 'Question:\nWhich'];

describe('results files of every verifiers release line', () => {
  it('has a fixture for every line this test expects, and no other', () => {
    expect(LINES).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(LINES)('%s', (line) => {
    const dir = join(VERIFIERS_FIXTURES, line);
    const source = JSON.parse(readFileSync(join(dir, 'SOURCE.json'), 'utf8')) as Source;
    const fileLines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').length;
    const imported = importFolder(dir);
    const expected = EXPECTED[line] ?? EXPECTED.main!;
    const metaRaw = imported.meta?.metadata?.raw ?? {};
    const isMetamed = line === 'medarc-public-2025-09';

    it('names the release tag and commit that wrote it', () => {
      expect(source.line).toBe(line);
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    });

    it('imports every row, with no line and no metadata problem', () => {
      expect(imported.problems).toEqual([]);
      expect(imported.meta?.problems).toEqual([]);
      expect(imported.rollouts).toHaveLength(fileLines);
      for (const rollout of imported.rollouts) {
        expect(RolloutRecordSchema.safeParse(rollout).success).toBe(true);
      }
      expect(RunRecordSchema.safeParse(imported.run).success).toBe(true);
    });

    it('is read as the file’s own environment: its reward functions, no judges', () => {
      expect(imported.shape.kind).toBe('metrics');
      expect(imported.run.settings.judges).toEqual([]);
      expect(imported.run.settings.envSettings).toMatchObject({
        env_id: isMetamed ? 'metamedqa' : 'medmcq_lite',
        metrics: isMetamed ? ['accuracy_reward'] : ['accuracy_reward', 'format_reward'],
      });
      expect(imported.run.settings.model.model).toBe(
        line === 'prime-eval' ? 'openai/gpt-4.1-mini' : 'mistral-small-latest',
      );
    });

    it('shows per-metric means and a mean reward equal to the file’s own averages', () => {
      const headline = computeRunHeadline(imported.rolloutRows);
      expect(headline.reward.n).toBe(fileLines);
      expect(headline.reward.mean).toBeCloseTo(metaRaw['avg_reward'] as number, 12);
      const summary = fileMetricsSummaryOf(imported.run, imported.rolloutRows);
      expect(summary.reward.mean).toBeCloseTo(summary.reward.fileMean as number, 12);
      expect(summary.metrics.length).toBeGreaterThan(0);
      for (const metric of summary.metrics) {
        expect(metric.n).toBe(fileLines);
        expect(metric.fileMean).not.toBeNull();
        expect(metric.mean).toBeCloseTo(metric.fileMean as number, 12);
      }
    });

    it('groups each example’s rollouts under its own question', () => {
      if (isMetamed) {
        expect(imported.rollouts.map((r) => r.key)).toEqual(
          Array.from({ length: fileLines }, (_, i) => `${i}:0`),
        );
        return;
      }
      expect(new Set(imported.rollouts.map((r) => r.key)).size).toBe(6);
      for (const rollout of imported.rollouts) {
        const user = rollout.prompt.find((m) => m.role === 'user')?.content ?? '';
        expect(user.startsWith(QUESTION_STARTS[rollout.example_id] ?? '?')).toBe(true);
      }
    });

    it('reads its timing, tokens, errors, truncation and state columns where it writes them', () => {
      const rows = imported.rolloutRows;
      expect(rows.some((row) => row.latencyMs !== null)).toBe(expected.timing);
      if (expected.timing) expect(rows.every((row) => (row.latencyMs ?? 0) > 0)).toBe(true);
      expect(rows.some((row) => row.inputTokens !== null)).toBe(expected.tokens);
      expect(imported.rollouts.some((r) => r.status === 'error')).toBe(expected.errors);
      expect(imported.rollouts.some((r) => r.generation?.finishReason === 'length')).toBe(
        expected.truncation,
      );
      const raw = (imported.rollouts[0]?.imported as { raw: Record<string, unknown> }).raw;
      expect(Object.hasOwn(raw, 'judge_response')).toBe(expected.stateColumns);
    });

    it('keeps every field of every row as it was written', () => {
      const original = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n');
      const raws = imported.rollouts.map(
        (r) => r.imported as { raw: Record<string, unknown>; line: number },
      );
      for (const { raw, line: at } of raws) {
        expect(raw).toEqual(JSON.parse(original[at - 1] ?? 'null'));
      }
    });
  });
});
