// MedCalc-Bench against MedARC's own environment code (differential): the fixture holds rows in
// MedCalc-Bench v1.2's real shape (decimal, score, date, gestational-age and an unknown calculator),
// the prompts MedARC's load_environment(version="1.2") built from them, and its rewards for a corpus
// of replies per calculator type (str(...) arithmetic, percentages, comma lists, invalid dates,
// leading zeros, Unicode digits). Ours must build the same messages and give the same reward.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medcalcBenchEnv } from '../../../../src/core/envs/medcalc_bench';
import { readMedcalcArgs } from '../../../../src/core/envs/medcalc_bench/medarcArgs';
import type { MedcalcPayload } from '../../../../src/core/envs/medcalc_bench/payload';
import { scoreMedcalc } from '../../../../src/core/envs/medcalc_bench/scoreMedcalc';
import { ENVS } from '../../../../src/core/envs/registry';
import { runPresetOf } from '../../../../src/core/envs/runPreset';
import type { EnvExample } from '../../../../src/core/envs/types';
import { MEDMARKS_VERIFIED } from '../../../../src/core/suites/medmarksVerified';
import { resolveEntry } from '../../../../src/core/suites/resolveEntry';
import { firstVariant } from '../multipleChoice/rowContext';

interface Fixture {
  reference: { repo: string; commit: string; env_id: string };
  rows: Record<string, unknown>[];
  envs: {
    env_args: Record<string, unknown>;
    examples: {
      messages: { role: string; content: string }[];
      answer: string;
      info: { calc_id: number };
    }[];
  }[];
  verdicts: { row: number; reply: string; reward: number }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/medmarks/medcalc-bench.json', import.meta.url), 'utf8'),
) as Fixture;

function loadedExamples(): EnvExample[] {
  return fixture.rows.map((row, rowIndex) => {
    const outcome = medcalcBenchEnv.rowToExample?.(row, {
      variant: firstVariant(medcalcBenchEnv),
      part: 0,
      rowIndex,
      classLabels: {},
      extras: {},
    });
    if (outcome === undefined || 'skip' in outcome) throw new Error(`row ${rowIndex} skipped`);
    return outcome.example;
  });
}

describe('MedCalc-Bench against MedARC medcalc_bench (differential)', () => {
  it('names the MedARC commit it reproduces', () => {
    expect(fixture.reference.commit).toBe(medcalcBenchEnv.medarc?.commit);
    expect(fixture.reference.env_id).toBe(medcalcBenchEnv.medarc?.envId);
    expect(runPresetOf({ envId: 'medcalc_bench', envSettings: {} })?.reference?.commit).toBe(
      fixture.reference.commit,
    );
  });

  it('builds MedARC’s prompts for version 1.2', () => {
    const expected = fixture.envs[0];
    expect(readMedcalcArgs(expected?.env_args ?? {}).unsupported).toEqual([]);
    const settings = medcalcBenchEnv.settings.defaults;
    expect(
      loadedExamples().map((example) => medcalcBenchEnv.buildPrompt?.(example, settings)),
    ).toEqual(expected?.examples.map((example) => example.messages));
  });

  it('gives MedARC’s reward for every reply', () => {
    expect(fixture.verdicts.length).toBeGreaterThanOrEqual(300);
    const byCalc = new Map(
      loadedExamples().map((example) => {
        const payload = example.payload as MedcalcPayload;
        return [payload.calcId, payload] as const;
      }),
    );
    const differing = fixture.verdicts
      .map((v) => {
        const payload = byCalc.get(v.row);
        if (payload === undefined) throw new Error(`no row for calculator ${v.row}`);
        return { ...v, ours: scoreMedcalc(v.reply, payload).reward };
      })
      .filter((v) => v.ours !== v.reward);
    expect(differing).toEqual([]);
  });

  it('runs the version-1.2 entry and says why the tools entry cannot run', () => {
    const entries = MEDMARKS_VERIFIED.entries.filter((e) => e.envId === 'medcalc_bench');
    expect(entries.map((e) => resolveEntry(e, ENVS).state)).toEqual(['ready', 'blocked']);
    expect(medcalcBenchEnv.leftOut).toMatch(/tools/);
  });
});
