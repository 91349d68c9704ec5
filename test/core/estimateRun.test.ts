import { describe, expect, it } from 'vitest';
import { DEFAULT_JUDGE_TEMPLATE } from '../../src/core/envs/mtsamples/judgeTemplate';
import { approxTokens, estimateRun, type EstimateInput } from '../../src/core/estimateRun';

// Worked numbers. The instruction is 89 characters. A chat prompt for a 100-character note is
// 89 + 100 = 189 chars → 48 tokens; the HELM prompt adds "\n\nPatient Notes: " and "\nAnswer:" →
// 214 chars → 54 tokens. The judge template below filled with a 100-char note, an empty response and a
// 40-char reference is "N:" + 100 + " R:" + " G:" + 40 = 148 chars; the assumed response adds 4 chars
// per token.
const TEMPLATE = 'N:{{patient_notes}} R:{{response}} G:{{reference}}';
const EXAMPLE = { question: 'q'.repeat(100), answer: 'a'.repeat(40) };
const PRICES = { 'gpt-4o-mini': { inputPerM: 0.15, outputPerM: 0.6 } };

function input(overrides: Partial<EstimateInput>): EstimateInput {
  return {
    examples: [EXAMPLE],
    rolloutsPerExample: 1,
    prompt: { format: 'chat', useThink: false },
    judgeTemplate: TEMPLATE,
    model: { model: 'gpt-4o-mini' },
    judges: [{ model: 'gpt-4o-mini' }],
    prices: PRICES,
    ...overrides,
  };
}

describe('approxTokens', () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [189, 48],
  ])('%i chars → %i tokens', (chars, tokens) => {
    expect(approxTokens(chars)).toBe(tokens);
  });
});

describe('estimateRun', () => {
  it('2 examples × 3 rollouts, 2 judges (one unpriced), defaults for lengths', () => {
    const estimate = estimateRun(
      input({
        examples: [EXAMPLE, EXAMPLE],
        rolloutsPerExample: 3,
        judges: [{ model: 'gpt-4o-mini' }, { model: 'house-model' }],
      }),
    );
    expect(estimate.rollouts).toBe(6);
    expect(estimate.requests).toBe(18);
    const [model, judge1, judge2] = estimate.parts;
    // 48 tokens × 6; 400 assumed output tokens × 6.
    expect(model).toMatchObject({
      role: 'model',
      requests: 6,
      inputTokens: 288,
      outputTokens: 2400,
    });
    expect(model?.costUsd).toBeCloseTo((288 * 0.15 + 2400 * 0.6) / 1e6, 12);
    // (148 + 400 × 4) chars = 1748 → 437 tokens, × 6; 150 output tokens × 6.
    expect(judge1).toMatchObject({ role: 'judge', inputTokens: 2622, outputTokens: 900 });
    expect(judge1?.costUsd).toBeCloseTo((2622 * 0.15 + 900 * 0.6) / 1e6, 12);
    expect(judge2).toMatchObject({ model: 'house-model', inputTokens: 2622, costUsd: null });
    expect(estimate.inputTokens).toBe(288 + 2622 * 2);
    expect(estimate.outputTokens).toBe(2400 + 900 * 2);
    expect(estimate.costUsd).toBeNull();
    expect(estimate.pricedCostUsd).toBeCloseTo(0.0014832 + 0.0009333, 12);
  });

  it('uses max_tokens for the response, the HELM prompt, and a router-prefixed price', () => {
    const estimate = estimateRun(
      input({
        prompt: { format: 'helm', useThink: false },
        model: { model: 'gpt-4o-mini', maxTokens: 100 },
        judges: [{ model: 'openai/gpt-4o-mini', maxTokens: 50 }],
      }),
    );
    const [model, judge] = estimate.parts;
    expect(model).toMatchObject({ inputTokens: 54, outputTokens: 100 });
    // (148 + 100 × 4) = 548 chars → 137 tokens; the judge's own cap (50) is below 150.
    expect(judge).toMatchObject({ inputTokens: 137, outputTokens: 50 });
    expect(estimate.costUsd).toBeCloseTo((54 * 0.15 + 100 * 0.6 + 137 * 0.15 + 50 * 0.6) / 1e6, 12);
  });

  it('counts the assumed response once per {{response}} slot', () => {
    const twice = estimateRun(input({ judgeTemplate: `${TEMPLATE} again {{response}}` }));
    // 148 + " again " (7) + 2 × 1600 = 3355 chars → 839 tokens.
    expect(twice.parts[1]?.inputTokens).toBe(839);
  });

  it('is larger with the real default template than with the tiny one', () => {
    const real = estimateRun(input({ judgeTemplate: DEFAULT_JUDGE_TEMPLATE }));
    expect(real.parts[1]?.inputTokens).toBeGreaterThan(437);
  });

  it('no examples → nothing to request or pay', () => {
    const estimate = estimateRun(input({ examples: [] }));
    expect(estimate).toMatchObject({ rollouts: 0, requests: 0, inputTokens: 0, costUsd: 0 });
  });
});
