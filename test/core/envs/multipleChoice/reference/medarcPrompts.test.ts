// The reference presets' prompts and golds against MedARC's own environments: the fixture holds what
// medqa / med_mcqa / pubmedqa load_environment (6568528) produced for the source rows it lists, per
// answer format, think and shuffle seed. Our environments, fed the same rows, must send the same
// system and user messages byte for byte and score against the same gold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medmcqaEnv } from '../../../../../src/core/envs/medmcqa';
import { medqaEnv } from '../../../../../src/core/envs/medqa';
import { pubmedqaEnv } from '../../../../../src/core/envs/pubmedqa';
import { presentedFor } from '../../../../../src/core/envs/multipleChoice/choicePrompt';
import {
  MED_MCQA_LAYOUT,
  MEDQA_LAYOUT,
  PUBMEDQA_LAYOUT,
} from '../../../../../src/core/envs/multipleChoice/medarc/medarcLayouts';
import type { ChoicePreset } from '../../../../../src/core/envs/multipleChoice/choicePresets';
import type { EnvExample, EnvModule } from '../../../../../src/core/envs/types';
import { rowContext } from '../rowContext';

interface Run {
  env: 'medqa' | 'med_mcqa' | 'pubmedqa';
  answerFormat: 'xml' | 'boxed';
  useThink: boolean;
  shuffle: boolean;
  seed: number;
  system: string;
  rows: { user: string; gold: string; answerText: string }[];
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/reference/medarc-prompts.json', import.meta.url),
    'utf8',
  ),
) as {
  reference: { commit: string };
  sources: {
    medqa: Record<string, unknown>[];
    med_mcqa: (Record<string, unknown> & { cop: number })[];
    pubmedqa: (Record<string, unknown> & { pubid: number })[];
    pubmedqaTestIds: string[];
  };
  runs: Run[];
};

const ENVS: Record<Run['env'], EnvModule> = {
  medqa: medqaEnv,
  med_mcqa: medmcqaEnv,
  pubmedqa: pubmedqaEnv,
};

const LAYOUTS = {
  medqa: MEDQA_LAYOUT,
  med_mcqa: MED_MCQA_LAYOUT,
  pubmedqa: PUBMEDQA_LAYOUT,
} as const;

/** Our examples from the same source rows, in the order the reference keeps them. */
function examples(env: Run['env']): EnvExample[] {
  const module = ENVS[env];
  const make = (row: Record<string, unknown>, rowIndex: number, extras = {}): EnvExample | null => {
    const outcome = module.rowToExample?.(row, rowContext(module, { rowIndex, extras }));
    return outcome !== undefined && 'example' in outcome ? outcome.example : null;
  };
  if (env === 'medqa') return fixture.sources.medqa.flatMap((row, i) => make(row, i) ?? []);
  if (env === 'med_mcqa') {
    // The reference reads lighteval/med_mcqa (cop 1–4); medeval's source has cop 0–3.
    return fixture.sources.med_mcqa.flatMap(
      (row, i) => make({ ...row, cop: row.cop - 1 }, i) ?? [],
    );
  }
  const testSubset = Object.fromEntries(fixture.sources.pubmedqaTestIds.map((id) => [id, 'x']));
  return fixture.sources.pubmedqa
    .flatMap((row, i) => make(row, i, { testSubset }) ?? [])
    .filter((example) => pubmedqaEnv.includes?.(example, pubmedqaEnv.settings.defaults));
}

describe.each(['medarc@97d3282', 'medarc@044f0b6', 'medarc@6568528', 'medeval'] as ChoicePreset[])(
  'prompts in preset %s',
  (preset) => {
    it('come from the reference commit named in the fixture', () => {
      expect(fixture.reference.commit).toMatch(/^6568528/);
      expect(fixture.runs.reduce((n, run) => n + run.rows.length, 0)).toBeGreaterThan(600);
    });

    it('send MedARC’s system and user messages byte for byte, with its gold, for every run', () => {
      const wrong = fixture.runs.flatMap((run): unknown[] => {
        const env = ENVS[run.env];
        const settings = {
          ...env.settings.defaults,
          preset,
          answerFormat: run.answerFormat,
          useThink: run.useThink,
          shuffleOptions: run.shuffle,
          shuffleSeed: run.seed,
        };
        const ours = examples(run.env);
        if (ours.length !== run.rows.length)
          return [{ run: run.env, count: ours.length, want: run.rows.length }];
        return run.rows.flatMap((want, i) => {
          const example = ours[i] as EnvExample;
          const messages = env.buildPrompt?.(example, settings) ?? [];
          const score =
            env.scoring.kind === 'exact' ? env.scoring.score('', example, settings) : undefined;
          const layout = LAYOUTS[run.env];
          const presented = presentedFor(example, settings, layout);
          const goldOption = presented.options.find((o) => o.letter === presented.gold);
          const got = {
            system: messages[0]?.content,
            user: messages[1]?.content,
            gold: score?.gold,
            goldText: goldOption === undefined ? null : layout.optionText(goldOption),
          };
          const expected = {
            system: run.system,
            user: want.user,
            gold: want.gold,
            goldText: want.answerText,
          };
          return JSON.stringify(got) === JSON.stringify(expected)
            ? []
            : [
                {
                  env: run.env,
                  format: run.answerFormat,
                  think: run.useThink,
                  seed: run.shuffle ? run.seed : null,
                  row: i,
                  got,
                  expected,
                },
              ];
        });
      });
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  },
);
