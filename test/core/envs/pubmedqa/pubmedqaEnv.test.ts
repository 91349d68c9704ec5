import { describe, expect, it } from 'vitest';
import { pubmedqaEnv } from '../../../../src/core/envs/pubmedqa';
import type { PubmedqaSettings } from '../../../../src/core/envs/pubmedqa/pubmedqaSettings';
import { rowToExample } from '../../../../src/core/envs/pubmedqa/rowToExample';
import { isInTestSubset, subsetProblem } from '../../../../src/core/envs/pubmedqa/testSubset';
import type { EnvExample } from '../../../../src/core/envs/types';
import { firstVariant, rowContext } from '../multipleChoice/rowContext';

const ROW = {
  pubid: 21645374,
  question:
    'Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?',
  context: {
    contexts: [
      'Programmed cell death (PCD) is the regulated death of cells within an organism.',
      'The following paper elucidates the role of mitochondrial dynamics during developmentally regulated PCD.',
    ],
    labels: ['BACKGROUND', 'RESULTS'],
    meshes: ['Alismataceae', 'Apoptosis'],
  },
  final_decision: 'yes',
};
const TEST_LIST = { '21645374': 'yes', '16418930': 'no' };
const settings = (subset: PubmedqaSettings['subset']): PubmedqaSettings => ({
  ...pubmedqaEnv.settings.defaults,
  subset,
});

function example(row: Record<string, unknown>, extras: Record<string, unknown>): EnvExample {
  const outcome = rowToExample(row, rowContext(pubmedqaEnv, { extras }));
  if (!('example' in outcome)) throw new Error(outcome.skip);
  return outcome.example;
}

describe('pubmedqa rowToExample', () => {
  it('reads a realistic row: context sections, Yes/No/Maybe, marked in the test set', () => {
    expect(example(ROW, { testSubset: TEST_LIST })).toEqual({
      id: '21645374',
      group: null,
      question: ROW.question,
      answer: 'A. Yes',
      payload: {
        inTestSubset: true,
        options: [
          { letter: 'A', text: 'Yes' },
          { letter: 'B', text: 'No' },
          { letter: 'C', text: 'Maybe' },
        ],
        gold: 'A',
        context: [
          { label: 'BACKGROUND', text: ROW.context.contexts[0] },
          { label: 'RESULTS', text: ROW.context.contexts[1] },
        ],
      },
    });
  });

  it.each([
    [{ final_decision: 'no' }, 'B'],
    [{ final_decision: ' Maybe ' }, 'C'],
  ])('%j → gold %s', (change, gold) => {
    expect(example({ ...ROW, ...change }, {}).payload).toMatchObject({ gold, inTestSubset: null });
  });

  it('a pubid as bigint or string is the same id', () => {
    expect(example({ ...ROW, pubid: 21645374n }, { testSubset: TEST_LIST }).id).toBe('21645374');
    expect(example({ ...ROW, pubid: '21645374' }, {}).id).toBe('21645374');
  });

  it.each([
    [{ final_decision: 'unsure' }, 'final_decision: "unsure" is not yes, no or maybe'],
    [{ context: null }, 'context: '],
    [{ context: { ...ROW.context, labels: ['BACKGROUND'] } }, 'different number of sections'],
    [{ pubid: 'abc' }, 'pubid: '],
  ])('skips a malformed row: %j', (change, reason) => {
    const outcome = rowToExample({ ...ROW, ...change }, rowContext(pubmedqaEnv));
    expect('skip' in outcome && outcome.skip).toContain(reason);
  });

  it('the prompt carries the abstract as context, in MedARC’s layout', () => {
    const user = pubmedqaEnv.buildPrompt?.(example(ROW, {}), pubmedqaEnv.settings.defaults)[1];
    expect(user?.content).toBe(
      `Select the best answer.\n\nContext: BACKGROUND. ${ROW.context.contexts[0]}\nRESULTS. ${ROW.context.contexts[1]}\n\n` +
        `Question: ${ROW.question}\nA. Yes\nB. No\nC. Maybe\nAnswer: `,
    );
  });

  it('a run stored before presets keeps the prompt it had', () => {
    const legacy = { ...pubmedqaEnv.settings.defaults, preset: 'medeval-legacy' as const };
    const user = pubmedqaEnv.buildPrompt?.(example(ROW, {}), legacy)[1];
    expect(user?.content).toBe(
      `Context:\nBACKGROUND. ${ROW.context.contexts[0]}\nRESULTS. ${ROW.context.contexts[1]}\n\n` +
        `${ROW.question}\n\nA. Yes\nB. No\nC. Maybe\nAnswer:`,
    );
  });
});

describe('pubmedqa test subset', () => {
  it('isInTestSubset reads the file’s keys, or an array; null when unavailable', () => {
    expect(isInTestSubset(TEST_LIST, '16418930')).toBe(true);
    expect(isInTestSubset(TEST_LIST, '1')).toBe(false);
    expect(isInTestSubset([16418930], '16418930')).toBe(true);
    expect(isInTestSubset(undefined, '1')).toBeNull();
    expect(isInTestSubset('oops', '1')).toBeNull();
  });

  it('defaults to the official 500; includes() keeps only marked examples', () => {
    expect(pubmedqaEnv.settings.defaults.subset).toBe('test500');
    const inTest = example(ROW, { testSubset: TEST_LIST });
    const outOfTest = example({ ...ROW, pubid: 1 }, { testSubset: TEST_LIST });
    const unknown = example(ROW, {});
    const includes = (e: EnvExample, subset: PubmedqaSettings['subset']): boolean | undefined =>
      pubmedqaEnv.includes?.(e, settings(subset));
    expect([inTest, outOfTest, unknown].map((e) => includes(e, 'test500'))).toEqual([
      true,
      false,
      false,
    ]);
    expect([inTest, outOfTest, unknown].map((e) => includes(e, 'all'))).toEqual([true, true, true]);
  });

  it('subsetProblem explains an empty test set when the list was unavailable', () => {
    const loadedWithout = [example(ROW, {}), example({ ...ROW, pubid: 2 }, {})];
    expect(subsetProblem(loadedWithout, settings('test500'))).toMatch(
      /test_ground_truth\.json.*could not be fetched.*All expert-labelled/,
    );
    expect(subsetProblem(loadedWithout, settings('all'))).toBeNull();
  });

  it('subsetProblem counts a partial test set, and is quiet for exactly 500', () => {
    const list = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [String(i), 'yes']));
    const rows = (n: number): EnvExample[] =>
      Array.from({ length: n }, (_, i) => example({ ...ROW, pubid: i }, { testSubset: list }));
    expect(subsetProblem(rows(3), settings('test500'))).toBe(
      'Only 3 of the 500 official test questions are in the loaded dataset.',
    );
    expect(subsetProblem(rows(500), settings('test500'))).toBeNull();
  });

  it('declares the labelled split and the optional test list', () => {
    expect(firstVariant(pubmedqaEnv)).toMatchObject({
      expectedRows: 1000,
      parts: [{ dataset: 'qiaojin/PubMedQA', config: 'pqa_labeled', split: 'train' }],
      extras: [
        {
          name: 'testSubset',
          base: 'githubRaw',
          path: 'pubmedqa/pubmedqa/master/data/test_ground_truth.json',
          optional: true,
        },
      ],
    });
  });
});
