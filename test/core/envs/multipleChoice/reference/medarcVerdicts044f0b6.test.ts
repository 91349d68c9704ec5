// The 044f0b6 preset against the reference itself: every item was scored by the stored
// multiple_choice_accuracy @ 044f0b6 (and @ 97d3282, to show where they part) after verifiers'
// parsers. The port must reach 044f0b6's verdict and method for every reply, format and think.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHOICE_SETTINGS_DEFAULTS } from '../../../../../src/core/envs/multipleChoice/choiceSettings';
import {
  medarcAccuracy044f0b6,
  stripLikelyTex,
} from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy044f0b6';
import { medarcAccuracy97d3282 } from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy97d3282';
import { scoreChoice } from '../../../../../src/core/envs/multipleChoice/scoreChoice';
import type { EnvExample } from '../../../../../src/core/envs/types';

type Config = 'xml' | 'xml+think' | 'boxed' | 'boxed+think';
interface Verdict {
  parsed: string;
  correct: boolean;
  method: string;
  correct97d3282: boolean;
}
interface Item {
  id: number;
  options: string[];
  gold: string;
  reply: string;
  verdicts: Record<Config, Verdict>;
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/reference/medarc-choice-verdicts-044f0b6.json', import.meta.url),
    'utf8',
  ),
) as { reference: { commits: Record<string, string> }; items: Item[] };
const CONFIGS: Config[] = ['xml', 'xml+think', 'boxed', 'boxed+think'];

function goldText(item: Item): string {
  return item.options[item.gold.charCodeAt(0) - 65] ?? '';
}

describe('multiple_choice_accuracy @ 044f0b6 (differential)', () => {
  it('names the commit and holds replies on which the two stored versions disagree', () => {
    expect(fixture.reference.commits['044f0b6']).toMatch(/^044f0b6/);
    expect(new Set(fixture.items.map((item) => item.reply)).size).toBeGreaterThanOrEqual(400);
    const parted = fixture.items.filter((item) =>
      CONFIGS.some((c) => item.verdicts[c].correct !== item.verdicts[c].correct97d3282),
    );
    expect(parted.length).toBeGreaterThanOrEqual(20);
  });

  it('reaches 044f0b6’s verdict and method on every item, and 97d3282’s where they part', () => {
    const wrong = fixture.items.flatMap((item) =>
      CONFIGS.flatMap((config) => {
        const want = item.verdicts[config];
        const got = medarcAccuracy044f0b6(want.parsed, item.gold, goldText(item));
        const old = medarcAccuracy97d3282(want.parsed, item.gold, goldText(item));
        return got.isCorrect === want.correct &&
          got.method === want.method &&
          old.isCorrect === want.correct97d3282
          ? []
          : [{ id: item.id, config, answer: want.parsed, got, want }];
      }),
    );
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('scoreChoice in preset medarc@044f0b6 gives that verdict for every reply', () => {
    const wrong = fixture.items.flatMap((item) => {
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
          preset: 'medarc@044f0b6' as const,
          answerFormat: format,
          useThink: think !== undefined,
        };
        const score = scoreChoice(item.reply, example, settings);
        return score.correct === item.verdicts[config].correct ? [] : [{ id: item.id, config }];
      });
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('leaves text that does not look like TeX alone', () => {
    expect(stripLikelyTex('About 50% of patients improve, so C')).toBe(
      'About 50% of patients improve, so C',
    );
    expect(stripLikelyTex('\\textbf{C}')).toBe('C');
    expect(stripLikelyTex('The answer is \\(A\\) 50%')).toBe('The answer is \\(A\\) 50%');
    expect(stripLikelyTex('$5 co-pay')).not.toBe('$5 co-pay');
  });
});
