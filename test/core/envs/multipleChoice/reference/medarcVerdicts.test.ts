// MedARC's verdicts, reply for reply: every item of the fixture was scored by the reference code itself
// (verifiers' parsers as MedARC's environments build them, then multiple_choice_accuracy at the commit
// named in the fixture). The ports must read the same answer and reach the same verdict for all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medarcAccuracy6568528 } from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy6568528';
import { medarcAccuracy97d3282 } from '../../../../../src/core/envs/multipleChoice/medarc/medarcAccuracy97d3282';
import { verifiersParsedAnswer } from '../../../../../src/core/envs/multipleChoice/medarc/verifiersParsers';

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
export const verdictFixture = JSON.parse(
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
