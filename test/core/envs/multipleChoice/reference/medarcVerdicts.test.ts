// MedARC's verdicts, reply for reply: every item of the fixture was scored by the reference code itself
// (verifiers' parsers as MedARC's environments build them, then multiple_choice_accuracy at the commit
// named in the fixture). The ports must read the same answer and reach the same verdict for all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medarcAccuracy6568528 } from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy6568528';
import { medarcAccuracy97d3282 } from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy97d3282';
import { verifiersParsedAnswer } from '../../../../../src/core/envs/multipleChoice/medarc/verifiersParsers';
import { CHOICE_SETTINGS_DEFAULTS } from '../../../../../src/core/envs/multipleChoice/choiceSettings';
import { scoreChoice } from '../../../../../src/core/envs/multipleChoice/scoreChoice';
import type { EnvExample } from '../../../../../src/core/envs/types';

type Config = 'xml' | 'xml+think' | 'boxed' | 'boxed+think';
interface Verdict {
  parsed: string;
  correct: boolean;
  method: string;
}
interface Item {
  id: number;
  options: string[];
  gold: string;
  reply: string;
  verdicts: Record<'6568528' | '97d3282', Record<Config, Verdict>>;
}
const verdictFixture = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/reference/medarc-choice-verdicts.json', import.meta.url),
    'utf8',
  ),
) as { reference: { commits: Record<string, string> }; items: Item[] };

const CONFIGS: Config[] = ['xml', 'xml+think', 'boxed', 'boxed+think'];
const MATCHERS = { '6568528': medarcAccuracy6568528, '97d3282': medarcAccuracy97d3282 } as const;

describe('MedARC multiple-choice verdicts (differential)', () => {
  it('holds at least 400 distinct replies and names both commits', () => {
    expect(new Set(verdictFixture.items.map((i) => i.reply)).size).toBeGreaterThanOrEqual(400);
    expect(verdictFixture.reference.commits['97d3282']).toMatch(/^97d3282/);
    expect(verdictFixture.reference.commits['6568528']).toMatch(/^6568528/);
  });

  it('reads the answer as the verifiers parsers do', () => {
    const wrong = verdictFixture.items.flatMap((item) =>
      CONFIGS.flatMap((config) => {
        const [format, think] = config.split('+') as ['xml' | 'boxed', string | undefined];
        const parsed = verifiersParsedAnswer(item.reply, format, think !== undefined);
        const want = item.verdicts['6568528'][config].parsed;
        return parsed === want ? [] : [{ id: item.id, config, parsed, want }];
      }),
    );
    expect(wrong).toEqual([]);
  });

  for (const version of ['6568528', '97d3282'] as const) {
    it(`reaches multiple_choice_accuracy@${version}'s verdict and method on every item`, () => {
      const wrong = verdictFixture.items.flatMap((item) =>
        CONFIGS.flatMap((config) => {
          const want = item.verdicts[version][config];
          const goldText = item.options[item.gold.charCodeAt(0) - 65] ?? '';
          const got = MATCHERS[version](want.parsed, item.gold, goldText);
          return got.isCorrect === want.correct && got.method === want.method
            ? []
            : [
                {
                  id: item.id,
                  config,
                  answer: want.parsed,
                  gold: item.gold,
                  got,
                  want: [want.correct, want.method],
                },
              ];
        }),
      );
      expect(wrong.slice(0, 15)).toEqual([]);
    });
  }
});

describe('scoreChoice in the reference presets (differential)', () => {
  const PRESET = { '6568528': 'medarc@6568528', '97d3282': 'medarc@97d3282' } as const;
  for (const version of ['6568528', '97d3282'] as const) {
    it(`returns multiple_choice_accuracy@${version}'s verdict for every reply, format and think`, () => {
      const wrong = verdictFixture.items.flatMap((item) => {
        const example: EnvExample = {
          id: `test-${item.id}`,
          group: null,
          question: 'Q?',
          answer: '',
          payload: {
            options: item.options.map((text, i) => ({ letter: String.fromCharCode(65 + i), text })),
            gold: item.gold,
          },
        };
        return CONFIGS.flatMap((config) => {
          const [format, think] = config.split('+') as ['xml' | 'boxed', string | undefined];
          const settings = {
            ...CHOICE_SETTINGS_DEFAULTS,
            preset: PRESET[version],
            answerFormat: format,
            useThink: think !== undefined,
          };
          const score = scoreChoice(item.reply, example, settings);
          const want = item.verdicts[version][config].correct;
          return score.correct === want ? [] : [{ id: item.id, config, reply: item.reply, want }];
        });
      });
      expect(wrong.slice(0, 10)).toEqual([]);
    });
  }

  it('defaults to the newest reference (97d3282)', () => {
    expect(CHOICE_SETTINGS_DEFAULTS.preset).toBe('medarc@97d3282');
  });
});

describe('the medeval preset', () => {
  const options = [
    'Atrial septal defect',
    'Coarctation of the aorta',
    'Tetralogy of Fallot',
    'Patent ductus arteriosus',
  ].map((text, i) => ({ letter: String.fromCharCode(65 + i), text }));
  const example: EnvExample = {
    id: 'test-0',
    group: null,
    question: 'Machinery murmur?',
    answer: 'D. Patent ductus arteriosus',
    payload: { options, gold: 'D' },
  };
  const settings = { ...CHOICE_SETTINGS_DEFAULTS, preset: 'medeval' as const };

  it('does not count an option text its clause rejects ("… is wrong")', () => {
    const score = scoreChoice(
      '<answer>Patent ductus arteriosus is wrong</answer>',
      example,
      settings,
    );
    expect(score.correct).toBe(false);
    expect(score.parsed).toBeNull();
    expect(score.why).toMatch(/negated clause/);
  });

  it('still reads the option text when it is affirmed', () => {
    expect(
      scoreChoice('<answer>Patent ductus arteriosus</answer>', example, settings).correct,
    ).toBe(true);
  });

  it('differs from the reference it does not claim to reproduce (97d3282 accepts the negated text)', () => {
    const reference = { ...settings, preset: 'medarc@97d3282' as const };
    expect(
      scoreChoice('<answer>Patent ductus arteriosus is wrong</answer>', example, reference).correct,
    ).toBe(true);
  });
});
