// The Medmarks multiple-choice environments against MedARC's own environment modules: every fixture
// was made by running the reference `load_environment(**env_args)` of each suite entry on synthetic rows
// in the dataset's real shape (test/fixtures/reference/medmarks/<env>.json, naming the commits) and
// scoring many replies with multiple_choice_accuracy @ 044f0b6 and @ 97d3282. Our env must load the
// same rows (filters, drops, order), send the same messages byte for byte, present the same gold, and
// give the same reward for every reply in both reference presets.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEnv } from '../../../../src/core/envs/registry';
import { ourEnvId } from '../../../../src/core/suites/medarcEnvIds';
import type { ChoiceSettings } from '../../../../src/core/envs/multipleChoice/choiceSettings';
import { jsonAnswer } from '../../../../src/core/envs/multipleChoice/medarc/medarcParsers';
import type { EnvExample, EnvModule, HfParquetPart } from '../../../../src/core/envs/types';

interface Verdict {
  reply: string;
  parsed: string | null;
  reward: number;
  reward97d3282: number;
}
interface Entry {
  env_args: Record<string, unknown>;
  rows: number;
  examples: {
    messages: { role: string; content: string }[];
    answer: string;
    answer_text: string | null;
    verdicts: Verdict[];
  }[];
}
interface Fixture {
  reference: {
    env_id: string;
    env_commit: string;
    multiple_choice_accuracy: Record<string, string>;
  };
  datasets: {
    path: string;
    config: string | null;
    split: string;
    rows: Record<string, unknown>[];
  }[];
  entries: Entry[];
}

const DIR = new URL('../../../fixtures/reference/medmarks/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Fixture);

function rowsOf(fixture: Fixture, part: HfParquetPart): Record<string, unknown>[] {
  const config = (c: string | null) => c ?? 'default';
  const data = fixture.datasets.find(
    (d) => d.path === part.dataset && config(d.config) === part.config && d.split === part.split,
  );
  if (data === undefined) throw new Error(`no fixture rows for ${part.dataset} ${part.split}`);
  return data.rows;
}

/** What the worker makes of the fixture rows for this entry: the variant's examples and settings. */
function load(env: EnvModule, fixture: Fixture, entry: Entry) {
  const reading = env.medarc!.readEnvArgs(entry.env_args);
  expect(reading.unsupported).toEqual([]);
  const source = env.source;
  if (source.kind === 'github-notes') throw new Error('not an HF env');
  const variant = source.variants.find((v) => v.id === reading.variantId)!;
  const settings = env.settings.schema.parse({
    ...env.settings.defaults,
    ...reading.settings,
  }) as ChoiceSettings;
  const examples: EnvExample[] = [];
  const extras: Record<string, unknown[]> = {};
  variant.parts.forEach((part, partIndex) => {
    if (part.kind !== 'hf-parquet') throw new Error('parquet parts only');
    let rowIndex = 0;
    for (const row of rowsOf(fixture, part)) {
      if (part.keep !== undefined && !part.keep(row)) continue;
      if (part.collect !== undefined) {
        (extras[part.collect] ??= []).push(row);
        continue;
      }
      const ctx = { variant, part: partIndex, rowIndex, classLabels: {}, extras };
      rowIndex += 1;
      const outcome = env.rowToExample!(row, ctx);
      if ('example' in outcome) examples.push(outcome.example);
    }
  });
  return { settings, examples: examples.filter((e) => env.includes?.(e, settings) ?? true) };
}

describe.each(FIXTURES.map((f) => [f.reference.env_id, f] as const))('%s', (envId, fixture) => {
  const env = findEnv(ourEnvId(envId))!;

  it('is registered and records the MedARC env and commit it reproduces', () => {
    expect(env.medarc?.envId).toBe(envId);
    expect(env.medarc?.commit?.startsWith(fixture.reference.env_commit)).toBe(true);
    expect(fixture.entries.length).toBeGreaterThan(0);
  });

  // Only HEAD-QA v2 answers in JSON: the check is defined for it alone, so no run reports it skipped.
  if (envId === 'head_qa_v2')
    it('reads JSON answers as MedARC’s JSONParser does', () => {
      const wrong = fixture.entries
        .flatMap((entry) => entry.examples.flatMap((example) => example.verdicts))
        .filter((verdict) => jsonAnswer(verdict.reply) !== verdict.parsed);
      expect(wrong.slice(0, 5)).toEqual([]);
    });

  it.each(fixture.entries.map((e) => [JSON.stringify(e.env_args), e] as const))(
    'loads, prompts and scores like the reference for %s',
    (_args, entry) => {
      const { settings, examples } = load(env, fixture, entry);
      expect(examples.length).toBe(entry.rows);
      const wrong: unknown[] = [];
      entry.examples.forEach((want, i) => {
        const example = examples[i]!;
        const messages = env.buildPrompt!(example, settings);
        if (JSON.stringify(messages) !== JSON.stringify(want.messages)) {
          wrong.push({ i, what: 'messages', got: messages, want: want.messages });
          return;
        }
        if (env.scoring.kind !== 'exact') throw new Error('exact scoring expected');
        const scoring = env.scoring;
        for (const verdict of want.verdicts) {
          for (const [preset, reward] of [
            ['medarc@044f0b6', verdict.reward],
            ['medarc@97d3282', verdict.reward97d3282],
          ] as const) {
            const score = scoring.score(verdict.reply, example, { ...settings, preset });
            if (score.kind !== 'choice') throw new Error('choice score expected');
            if (score.gold !== want.answer || score.correct !== (reward === 1)) {
              wrong.push({
                i,
                preset,
                reply: verdict.reply,
                parsed: verdict.parsed,
                reward,
                score,
              });
            }
          }
        }
      });
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );
});
