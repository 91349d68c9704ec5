import { describe, expect, it } from 'vitest';
import {
  MAX_REPORTED_PROBLEMS,
  parseExamplesJsonl,
  type ParsedExamples,
} from '../../../../src/core/envs/mtsamples/importedExample';

const line = (value: unknown) => JSON.stringify(value);
const ok = { question: 'Pt with knee pain.', answer: 'Physical therapy.' };

function problemsOf(parsed: ParsedExamples) {
  if (!('problems' in parsed)) throw new Error('expected problems, got examples');
  return parsed;
}

describe('parseExamplesJsonl: accepted files', () => {
  it.each<{ rule: string; text: string; examples: unknown[] }>([
    {
      rule: 'all fields, one object per line, trailing newline',
      text:
        line({ ...ok, filename: 'a.txt', extracted_section: 'PLAN' }) +
        '\n' +
        line({ question: 'Q2', answer: 'A2', filename: 'b.txt', extracted_section: 'FINDINGS' }) +
        '\n',
      examples: [
        { ...ok, filename: 'a.txt', extracted_section: 'PLAN' },
        { question: 'Q2', answer: 'A2', filename: 'b.txt', extracted_section: 'FINDINGS' },
      ],
    },
    {
      rule: 'optional fields absent, extracted_section null',
      text: `${line(ok)}\n${line({ ...ok, filename: 'c.txt', extracted_section: null })}`,
      examples: [ok, { ...ok, filename: 'c.txt', extracted_section: null }],
    },
    {
      rule: 'unknown keys are allowed and dropped',
      text: line({ ...ok, example_id: 3, info: { judge: 'x' }, prompt: [] }),
      examples: [ok],
    },
    {
      rule: 'CRLF line endings and blank or whitespace-only lines',
      text: `\r\n${line(ok)}\r\n   \r\n\t\n${line({ ...ok, filename: 'd.txt' })}\r\n\r\n`,
      examples: [ok, { ...ok, filename: 'd.txt' }],
    },
    {
      rule: 'question and answer are kept as written (not trimmed)',
      text: line({ question: '  Q  ', answer: 'A\n' }),
      examples: [{ question: '  Q  ', answer: 'A\n' }],
    },
    { rule: 'an empty file has no examples (the caller decides)', text: '\n\n', examples: [] },
  ])('$rule', ({ text, examples }) => {
    expect(parseExamplesJsonl(text, 'x.jsonl')).toEqual({ examples });
  });
});

describe('parseExamplesJsonl: one message per bad line', () => {
  it.each<{ rule: string; content: string; message: string }>([
    { rule: 'array', content: '[1, 2]', message: 'expected a JSON object, got array' },
    { rule: 'string', content: '"hello"', message: 'expected a JSON object, got string' },
    { rule: 'number', content: '42', message: 'expected a JSON object, got number' },
    { rule: 'null', content: 'null', message: 'expected a JSON object, got null' },
    { rule: 'boolean', content: 'true', message: 'expected a JSON object, got boolean' },
    {
      rule: 'invalid JSON (the parser says where)',
      content: '{bad json',
      message: "not valid JSON (Expected property name or '}' in JSON at position 1)",
    },
    {
      rule: 'trailing comma',
      content: '{"question": "q",}',
      message: 'not valid JSON (Expected double-quoted property name in JSON at position 17)',
    },
    { rule: 'missing question', content: line({ answer: 'a' }), message: '"question" is missing' },
    { rule: 'missing answer', content: line({ question: 'q' }), message: '"answer" is missing' },
    {
      rule: 'both missing, in schema order',
      content: '{}',
      message: '"question" is missing and "answer" is missing',
    },
    {
      rule: 'question is a number',
      content: line({ question: 1, answer: 'a' }),
      message: '"question" must be a string, got number',
    },
    {
      rule: 'question is null',
      content: line({ question: null, answer: 'a' }),
      message: '"question" must be a string, got null',
    },
    {
      rule: 'answer is an object, question an array',
      content: line({ question: ['q'], answer: { text: 'a' } }),
      message: '"question" must be a string, got array and "answer" must be a string, got object',
    },
    {
      rule: 'blank question',
      content: line({ question: ' \n\t', answer: 'a' }),
      message: '"question" is empty',
    },
    {
      rule: 'empty answer',
      content: line({ question: 'q', answer: '' }),
      message: '"answer" is empty',
    },
    {
      rule: 'filename is a number',
      content: line({ ...ok, filename: 7 }),
      message: '"filename" must be a string, got number',
    },
    {
      rule: 'filename is empty',
      content: line({ ...ok, filename: ' ' }),
      message: '"filename" is empty',
    },
    {
      rule: 'extracted_section in lower case',
      content: line({ ...ok, extracted_section: 'plan' }),
      message: '"extracted_section" must be "PLAN", "SUMMARY", "FINDINGS" or null, got "plan"',
    },
    {
      rule: 'extracted_section is a number',
      content: line({ ...ok, extracted_section: 2 }),
      message: '"extracted_section" must be "PLAN", "SUMMARY", "FINDINGS" or null, got number',
    },
    {
      rule: 'a long wrong value is shortened',
      content: line({ ...ok, extracted_section: 'ASSESSMENT AND PLAN AND SOMETHING MUCH LONGER' }),
      message:
        '"extracted_section" must be "PLAN", "SUMMARY", "FINDINGS" or null, got "ASSESSMENT AND PLAN AND SOMETHING MUCH…',
    },
    {
      rule: '__proto__ key',
      content: `{"__proto__": {"polluted": "yes"}, "question": "q", "answer": "a"}`,
      message: 'the key "__proto__" is not allowed',
    },
    {
      rule: 'constructor.prototype, nested in an extra field',
      content: `{"question": "q", "answer": "a", "info": {"constructor": {"prototype": {"x": 1}}}}`,
      message: 'the keys "prototype", "constructor" are not allowed',
    },
  ])('$rule', ({ content, message }) => {
    const text = `${line(ok)}\n${content}\n`;
    expect(parseExamplesJsonl(text, 'bad.jsonl')).toEqual({
      problems: [{ line: 2, message }],
      badLineCount: 1,
      summary: `"bad.jsonl" has 1 bad line: line 2: ${message}`,
    });
  });
});

describe('parseExamplesJsonl: whole-file rules', () => {
  it('collects every bad line with 1-based numbers that count blank lines and CRLF', () => {
    const text = [line(ok), '', '[]', line({ ...ok, filename: 'a.txt' }), 'null', '  ', '{'].join(
      '\r\n',
    );
    expect(parseExamplesJsonl(text, 'x.jsonl')).toEqual({
      problems: [
        { line: 3, message: 'expected a JSON object, got array' },
        { line: 5, message: 'expected a JSON object, got null' },
        {
          line: 7,
          message: "not valid JSON (Expected property name or '}' in JSON at position 1)",
        },
      ],
      badLineCount: 3,
      summary:
        '"x.jsonl" has 3 bad lines: line 3: expected a JSON object, got array; line 5: expected a JSON object, got null; ' +
        "line 7: not valid JSON (Expected property name or '}' in JSON at position 1)",
    });
  });

  it('reports a repeated filename on the later line', () => {
    const text = [
      line({ ...ok, filename: 'a.txt' }),
      line({ ...ok, filename: 'b.txt' }),
      line({ ...ok, filename: 'a.txt' }),
      line(ok),
      line(ok),
    ].join('\n');
    expect(problemsOf(parseExamplesJsonl(text, 'x.jsonl')).problems).toEqual([
      { line: 3, message: '"filename" "a.txt" is already used on line 1' },
    ]);
  });

  it(`lists at most ${MAX_REPORTED_PROBLEMS} bad lines and counts the rest`, () => {
    const text = Array.from({ length: 63 }, (_, i) => (i === 0 ? line(ok) : '[]')).join('\n');
    const parsed = problemsOf(parseExamplesJsonl(text, 'many.jsonl'));
    expect(parsed.badLineCount).toBe(62);
    expect(parsed.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(parsed.problems[0]).toEqual({ line: 2, message: 'expected a JSON object, got array' });
    expect(parsed.problems.at(-1)?.line).toBe(51);
    expect(parsed.summary).toMatch(/^"many\.jsonl" has 62 bad lines: line 2: expected a JSON/);
    expect(parsed.summary).toMatch(
      /; line 51: expected a JSON object, got array; and 12 more bad lines$/,
    );
  });

  it('says "1 more bad line" in the singular', () => {
    const text = Array.from({ length: MAX_REPORTED_PROBLEMS + 1 }, () => '1').join('\n');
    expect(problemsOf(parseExamplesJsonl(text, 'x.jsonl')).summary).toMatch(
      /; and 1 more bad line$/,
    );
  });

  it('never pollutes Object.prototype, whatever the keys', () => {
    const hostile = [
      `{"__proto__": {"polluted": "yes"}, "question": "q", "answer": "a"}`,
      `{"constructor": {"prototype": {"polluted": "yes"}}, "question": "q", "answer": "a"}`,
      `{"question": "q", "answer": "a", "nested": {"__proto__": {"polluted": "yes"}}}`,
    ].join('\n');
    const parsed = problemsOf(parseExamplesJsonl(hostile, 'x.jsonl'));
    expect(parsed.badLineCount).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
