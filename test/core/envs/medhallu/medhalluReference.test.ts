// MedHallu against MedARC's own environment code (differential): the fixture holds rows in the
// dataset's real shape, the prompts MedARC's load_environment built from them for several env args,
// and its rewards for a corpus of replies. Ours must build the same messages, in the same order,
// and give the same reward for every reply.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPresetOf } from '../../../../src/core/envs/runPreset';
import { medhalluEnv } from '../../../../src/core/envs/medhallu';
import { readMedhalluArgs } from '../../../../src/core/envs/medhallu/medarcArgs';
import { scoreMedhallu } from '../../../../src/core/envs/medhallu/scoreMedhallu';
import type { EnvExample } from '../../../../src/core/envs/types';
import { firstVariant } from '../multipleChoice/rowContext';

interface Fixture {
  reference: { repo: string; commit: string; env_id: string };
  rows: Record<string, unknown>[];
  envs: {
    env_args: Record<string, unknown>;
    examples: {
      messages: { role: string; content: string }[];
      answer: string;
      info: Record<string, unknown>;
    }[];
  }[];
  verdicts: { reply: string; label: '0' | '1'; unsure_reward: number; reward: number }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/medmarks/medhallu.json', import.meta.url), 'utf8'),
) as Fixture;

/** The loaded examples: the split read as part 0 (factual), then again as part 1 (hallucinated). */
function loadedExamples(): EnvExample[] {
  const variant = firstVariant(medhalluEnv);
  return [0, 1].flatMap((part) =>
    fixture.rows.flatMap((row, rowIndex) => {
      const outcome = medhalluEnv.rowToExample?.(row, {
        variant,
        part,
        rowIndex,
        classLabels: {},
        extras: {},
      });
      if (outcome === undefined || 'skip' in outcome) throw new Error(`row ${rowIndex} skipped`);
      return [outcome.example];
    }),
  );
}

describe('MedHallu against MedARC medhallu (differential)', () => {
  it('names the MedARC commit it reproduces', () => {
    expect(fixture.reference.commit).toBe(medhalluEnv.medarc?.commit);
    expect(fixture.reference.env_id).toBe(medhalluEnv.medarc?.envId);
    expect(runPresetOf({ envId: 'medhallu', envSettings: {} })?.reference).toMatchObject({
      repo: fixture.reference.repo,
      commit: fixture.reference.commit,
    });
  });

  it.each(fixture.envs.map((env) => [JSON.stringify(env.env_args), env] as const))(
    'builds MedARC’s prompts, in its order, for env args %s',
    (_, expected) => {
      const reading = readMedhalluArgs(expected.env_args);
      expect(reading.unsupported).toEqual([]);
      const settings = medhalluEnv.settings.schema.parse({
        ...medhalluEnv.settings.defaults,
        ...reading.settings,
      });
      const chosen = loadedExamples().filter((example) =>
        medhalluEnv.includes?.(example, settings),
      );
      expect(chosen.map((example) => medhalluEnv.buildPrompt?.(example, settings))).toEqual(
        expected.examples.map((example) => example.messages),
      );
      expect(chosen.map((example) => (example.payload as { label: string }).label)).toEqual(
        expected.examples.map((example) => example.answer),
      );
    },
  );

  it('gives MedARC’s reward for every reply (1, the unsure reward, or 0)', () => {
    expect(fixture.verdicts.length).toBeGreaterThanOrEqual(300);
    const differing = fixture.verdicts.filter(
      (v) =>
        scoreMedhallu(
          v.reply,
          { label: v.label, shown: v.label === '0' ? 'factual' : 'hallucinated' },
          v.unsure_reward,
        ).reward !== v.reward,
    );
    expect(differing).toEqual([]);
  });
});
