import { describe, expect, it } from 'vitest';
import { toRolloutRow } from '../../../src/core/results/rolloutRow';
import { rolloutTokens, sumUsage } from '../../../src/core/results/rolloutTokens';
import { sampleRollouts } from './sampleRun';

describe('rolloutTokens (#13: say whose tokens a number counts)', () => {
  it('splits the model’s tokens from the scorers’, and their sum is what the table shows', () => {
    const scored = sampleRollouts.filter(
      (r) => r.generation?.usage && r.judges.some((j) => j?.usage),
    );
    expect(scored.length).toBeGreaterThan(0);
    for (const rollout of sampleRollouts) {
      const tokens = rolloutTokens(rollout);
      const row = toRolloutRow(rollout);
      expect(tokens.model).toEqual(rollout.generation?.usage ?? null);
      expect(tokens.all?.inputTokens ?? null).toBe(row.inputTokens);
      expect(tokens.all?.outputTokens ?? null).toBe(row.outputTokens);
    }
    const [first] = scored;
    const tokens = rolloutTokens(first!);
    expect(tokens.all!.inputTokens).toBe(tokens.model!.inputTokens + tokens.scoring!.inputTokens);
    expect(tokens.scoring!.inputTokens).toBeGreaterThan(0);
  });

  it('counts a rubric grader’s calls as scoring', () => {
    const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens });
    const rollout = {
      generation: undefined,
      judges: [],
      grades: [null, { usage: usage(10, 2) }, { usage: null }, { usage: usage(5, 1) }],
    } as unknown as Parameters<typeof rolloutTokens>[0];
    expect(rolloutTokens(rollout)).toEqual({
      model: null,
      scoring: usage(15, 3),
      all: usage(15, 3),
    });
  });

  it('is unknown (null), not 0, when no call reported usage', () => {
    expect(sumUsage([null, undefined])).toBeNull();
    expect(sumUsage([])).toBeNull();
  });
});
