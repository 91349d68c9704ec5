// Med-HALT against MedARC's own environment code (differential): the fixture holds rows in the
// dataset's real shape (options as the str() of a dict, as Med-HALT stores them), which rows MedARC's
// filter and map keep, the prompts it built for several env args, and its rewards for a corpus of
// replies. Ours must keep the same rows, build the same messages and give the same reward.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPresetOf } from '../../../../src/core/envs/runPreset';
import { medHaltEnv } from '../../../../src/core/envs/med_halt';
import { readMedHaltArgs } from '../../../../src/core/envs/med_halt/medarcArgs';
import type { MedHaltPayload } from '../../../../src/core/envs/med_halt/payload';
import { scoreMedHalt } from '../../../../src/core/envs/med_halt/scoreMedHalt';
import { ENVS } from '../../../../src/core/envs/registry';
import type { EnvVariant } from '../../../../src/core/envs/types';
import { MEDMARKS_VERIFIED } from '../../../../src/core/suites/medmarksVerified';
import { resolveEntry } from '../../../../src/core/suites/resolveEntry';

interface Fixture {
  reference: { repo: string; commit: string; env_id: string };
  rows: Record<string, Record<string, unknown>[]>;
  envs: {
    env_args: Record<string, unknown>;
    examples: {
      row: number;
      filtered?: boolean;
      dropped?: boolean;
      messages?: { role: string; content: string }[];
      answer?: string;
      info?: { correct_index: number; is_correct?: boolean };
    }[];
  }[];
  verdicts: (
    | { kind: 'fct'; reply: string; is_correct: boolean; reward: number }
    | { kind: 'nota'; reply: string; correct_index: number; reward: number }
  )[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/medmarks/med-halt.json', import.meta.url), 'utf8'),
) as Fixture;

function variantOf(id: string): EnvVariant {
  if (medHaltEnv.source.kind !== 'huggingface') throw new Error('not a Hugging Face env');
  const variant = medHaltEnv.source.variants.find((candidate) => candidate.id === id);
  if (variant === undefined) throw new Error(`no variant ${id}`);
  return variant;
}

const payload = (over: Partial<MedHaltPayload>): MedHaltPayload => ({
  test: 'fct',
  question: 'q',
  options: [],
  isCorrect: null,
  correctIndex: 0,
  studentIndex: null,
  dataset: '',
  subject: '',
  ...over,
});

describe('Med-HALT against MedARC med_halt (differential)', () => {
  it('names the MedARC commit it reproduces', () => {
    expect(fixture.reference.commit).toBe(medHaltEnv.medarc?.commit);
    expect(fixture.reference.env_id).toBe(medHaltEnv.medarc?.envId);
    expect(runPresetOf({ envId: 'med_halt', envSettings: {} })?.reference).toMatchObject({
      repo: fixture.reference.repo,
      commit: fixture.reference.commit,
    });
  });

  it.each(fixture.envs.map((env) => [JSON.stringify(env.env_args), env] as const))(
    'keeps MedARC’s rows and builds its prompts for env args %s',
    (_, expected) => {
      const reading = readMedHaltArgs(expected.env_args);
      expect(reading.unsupported).toEqual([]);
      const settings = medHaltEnv.settings.schema.parse({
        ...medHaltEnv.settings.defaults,
        ...reading.settings,
      });
      const variant = variantOf(reading.variantId);
      const rows = fixture.rows[reading.variantId] ?? [];
      const ours = rows.map((row, rowIndex) => {
        const outcome = medHaltEnv.rowToExample?.(row, {
          variant,
          part: 0,
          rowIndex,
          classLabels: {},
          extras: {},
        });
        if (outcome === undefined || 'skip' in outcome) return { row: rowIndex, skipped: true };
        const example = outcome.example;
        const p = example.payload as MedHaltPayload;
        return {
          row: rowIndex,
          messages: medHaltEnv.buildPrompt?.(example, settings),
          gold: p.test === 'fct' ? (p.isCorrect === true ? '1' : '0') : String(p.correctIndex),
        };
      });
      expect(ours).toEqual(
        expected.examples.map((e) =>
          e.messages === undefined
            ? { row: e.row, skipped: true }
            : { row: e.row, messages: e.messages, gold: e.answer },
        ),
      );
    },
  );

  it('gives MedARC’s reward for every reply', () => {
    expect(fixture.verdicts.length).toBeGreaterThanOrEqual(250);
    const differing = fixture.verdicts.filter((v) => {
      const p =
        v.kind === 'fct'
          ? payload({ test: 'fct', isCorrect: v.is_correct })
          : payload({ test: 'nota', correctIndex: v.correct_index });
      return scoreMedHalt(v.reply, p).reward !== v.reward;
    });
    expect(differing).toEqual([]);
  });

  it('runs both Medmarks verified entries: reasoning_fct and reasoning_nota, two worked examples', () => {
    const entries = MEDMARKS_VERIFIED.entries.filter((e) => e.envId === 'med_halt');
    expect(entries.map((e) => resolveEntry(e, ENVS))).toMatchObject([
      { state: 'ready', variantId: 'reasoning_FCT', envSettings: { numFewShot: 2 } },
      { state: 'ready', variantId: 'reasoning_nota', envSettings: { numFewShot: 2 } },
    ]);
  });
});
