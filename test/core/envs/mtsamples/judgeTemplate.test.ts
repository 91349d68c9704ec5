import { describe, expect, it } from 'vitest';
import { parseJudgeReply } from '../../../../src/core/envs/mtsamples/judge';
import {
  DEFAULT_JUDGE_TEMPLATE,
  fillJudgeTemplate,
  validateJudgeTemplate,
} from '../../../../src/core/envs/mtsamples/judgeTemplate';

const SIMPLE = 'N<{{patient_notes}}> R<{{response}}> G<{{reference}}>';

describe('DEFAULT_JUDGE_TEMPLATE', () => {
  it('passes its own validation', () => {
    expect(validateJudgeTemplate(DEFAULT_JUDGE_TEMPLATE)).toEqual([]);
  });

  it('puts each text in its tagged block', () => {
    const filled = fillJudgeTemplate(DEFAULT_JUDGE_TEMPLATE, {
      patient_notes: 'NOTES',
      response: 'RESPONSE',
      reference: 'REFERENCE',
    });
    expect(filled).toContain('<patient_notes>\nNOTES\n</patient_notes>');
    expect(filled).toContain('<response>\nRESPONSE\n</response>');
    expect(filled).toContain('<reference>\nREFERENCE\n</reference>');
    expect(filled).not.toMatch(/\{\{/);
  });

  it('names every criterion and the 1–5 scale', () => {
    for (const word of ['medical expert', 'Accuracy', 'Completeness', 'Clarity', '1 to 5']) {
      expect(DEFAULT_JUDGE_TEMPLATE).toContain(word);
    }
  });

  it('shows a JSON example that is valid JSON and that the parser reads in full', () => {
    const example = DEFAULT_JUDGE_TEMPLATE.slice(DEFAULT_JUDGE_TEMPLATE.lastIndexOf('\n{\n') + 1);
    expect(() => JSON.parse(example) as unknown).not.toThrow();
    const parsed = parseJudgeReply(example);
    expect(parsed.problems).toEqual([]);
    expect([parsed.accuracy.score, parsed.completeness.score, parsed.clarity.score]).toEqual([
      4, 3, 5,
    ]);
  });
});

describe('fillJudgeTemplate', () => {
  it.each<{ name: string; values: [string, string, string]; expected: string }>([
    {
      name: 'plain texts',
      values: ['pain', 'ice', 'rest'],
      expected: 'N<pain> R<ice> G<rest>',
    },
    {
      name: "`$&`, `$1`, `$$` and `$'` are inserted literally",
      values: ['$&', '$1 $$', "$' $`"],
      expected: "N<$&> R<$1 $$> G<$' $`>",
    },
    {
      name: 'slot names inside inserted texts are never filled',
      values: ['see {{response}}', 'copy {{reference}}', '{{patient_notes}}'],
      expected: 'N<see {{response}}> R<copy {{reference}}> G<{{patient_notes}}>',
    },
    {
      name: 'braces and JSON in inserted texts',
      values: ['{"a": 1}', '{{', '}}'],
      expected: 'N<{"a": 1}> R<{{> G<}}>',
    },
    {
      name: 'empty texts',
      values: ['', '', ''],
      expected: 'N<> R<> G<>',
    },
  ])('$name', ({ values: [patient_notes, response, reference], expected }) => {
    expect(fillJudgeTemplate(SIMPLE, { patient_notes, response, reference })).toBe(expected);
  });

  it('fills a slot that appears more than once, and leaves unknown slots alone', () => {
    const filled = fillJudgeTemplate('{{response}}/{{response}} {{other}}', {
      patient_notes: 'n',
      response: 'r',
      reference: 'g',
    });
    expect(filled).toBe('r/r {{other}}');
  });
});

describe('validateJudgeTemplate', () => {
  const criteria = ' accuracy completeness clarity';

  it.each<[string, string, string[]]>([
    ['a complete template', SIMPLE + criteria, []],
    ['an empty template', '  \n', ['the template is empty']],
    [
      'a missing slot',
      'N {{patient_notes}} R {{response}}' + criteria,
      ['missing slot {{reference}}'],
    ],
    [
      'a slot with spaces',
      'N {{patient_notes}} R {{ response }} G {{reference}}' + criteria,
      [
        'missing slot {{response}}',
        'unknown slot {{ response }}: the slots are {{patient_notes}}, {{response}}, {{reference}}',
      ],
    ],
    [
      'an unknown slot, reported once',
      SIMPLE + ' {{answer}} {{answer}}' + criteria,
      ['unknown slot {{answer}}: the slots are {{patient_notes}}, {{response}}, {{reference}}'],
    ],
    [
      'a criterion never named',
      SIMPLE + ' accuracy clarity',
      ['the template never mentions "completeness", which the reply parser reads'],
    ],
  ])('%s', (_name, template, problems) => {
    expect(validateJudgeTemplate(template)).toEqual(problems);
  });
});
