// The Run page's overview of a stopped run, built by the worker: the same figures as summarising the
// stored rollouts on the page did, and one compact row per rollout (issue 14).
import { describe, expect, it } from 'vitest';
import { overviewSummary, runOverviewOf, toRunTableRow } from '../../src/core/runOverview';
import { summarizeRun } from '../../src/core/runSummary';
import { PRICE_HINTS } from '../../src/core/presets';
import { sampleRollouts, sampleRun } from './results/sampleRun';

const NOW = 1_760_000_100_000;

describe('runOverviewOf', () => {
  it('gives the figures summarizeRun gives, spend priced by the page’s prices', () => {
    const prices = {
      ...PRICE_HINTS,
      'meta-llama/llama-3.3-70b-instruct': { inputPerM: 1, outputPerM: 3 },
    };
    const opts = { modelId: sampleRun.settings.model.model };
    const overview = runOverviewOf(sampleRollouts, NOW, opts);
    const expected = summarizeRun(sampleRollouts, NOW, { ...opts, prices });
    const actual = overviewSummary(overview, prices);
    expect({ ...actual, spend: undefined }).toEqual({ ...expected, spend: undefined });
    for (const name of Object.keys(expected.spend) as (keyof typeof expected.spend)[])
      expect(actual.spend[name]).toBeCloseTo(expected.spend[name], 12);
    expect(actual.spend.unpricedCalls + actual.spend.cachedCalls).toBeGreaterThan(0);
  });

  it('says how many of the plan’s rollouts exist while some are not created, and nothing after', () => {
    const notCreated = 1_000 - sampleRollouts.length;
    expect(runOverviewOf(sampleRollouts, NOW, { notCreated }).creation).toEqual({
      created: sampleRollouts.length,
      planned: 1_000,
    });
    expect(runOverviewOf(sampleRollouts, NOW, { notCreated: 0 }).creation).toBeNull();
    expect(runOverviewOf(sampleRollouts, NOW).creation).toBeNull();
  });

  it('lists every rollout with what its table row shows, nothing large', () => {
    const overview = runOverviewOf(sampleRollouts, NOW);
    expect(overview.rows.map((r) => r.key)).toEqual(sampleRollouts.map((r) => r.key));
    const failed = sampleRollouts.find((r) => r.status === 'error');
    const row = overview.rows.find((r) => r.key === failed?.key);
    expect(row?.problem).toMatch(/^generation: /);
    expect(row?.hasGeneration).toBe(false);
    const done = sampleRollouts.find((r) => r.status === 'done');
    expect(done && toRunTableRow(done)).toMatchObject({
      reward: done?.score?.reward,
      judgeScores: done?.judges.map((j) => j?.score ?? null),
      hasGeneration: true,
      problem: '',
    });
    expect(JSON.stringify(overview.rows)).not.toContain(done?.generation?.content.slice(0, 40));
  });
});
