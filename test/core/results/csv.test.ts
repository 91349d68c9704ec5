import { describe, expect, it } from 'vitest';
import { csvCell, toResultsCsv } from '../../../src/core/results/csv';
import { sampleRollouts, sampleRun } from './sampleRun';

/** A small RFC 4180 reader, enough to check that what we write reads back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quoted && ch === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

const text = toResultsCsv(sampleRun, sampleRollouts);
const [header = [], ...body] = readCsv(text.slice(1));
const column = (name: string) => header.indexOf(name);
const cellOf = (key: string, name: string) =>
  body.find((r) => `${r[0] ?? ''}:${r[1] ?? ''}` === key)?.[column(name)];

describe('toResultsCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and has one row per rollout sorted', () => {
    expect(text.startsWith('\uFEFFexample_id,rollout_index,status,reward,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(body.map((r) => `${r[0] ?? ''}:${r[1] ?? ''}`)).toEqual([
      '0:0',
      '0:1',
      '1:0',
      '1:1',
      '2:0',
      '2:1',
    ]);
    expect(body.every((r) => r.length === header.length)).toBe(true);
  });

  it('has one column per score, per judge and per criterion', () => {
    expect(header).toEqual([
      'example_id',
      'rollout_index',
      'status',
      'reward',
      'jury_score',
      'accuracy_mean',
      'completeness_mean',
      'clarity_mean',
      'judge_1_openai_gpt-5-mini_score',
      'judge_1_openai_gpt-5-mini_accuracy',
      'judge_1_openai_gpt-5-mini_completeness',
      'judge_1_openai_gpt-5-mini_clarity',
      'judge_2_x-ai_grok-4.1-fast_score',
      'judge_2_x-ai_grok-4.1-fast_accuracy',
      'judge_2_x-ai_grok-4.1-fast_completeness',
      'judge_2_x-ai_grok-4.1-fast_clarity',
      'unscored_reason',
      'empty_response',
      'error',
      'finish_reason',
      'input_tokens',
      'output_tokens',
      'latency_ms',
      'cost_usd',
      'rating_accuracy',
      'rating_completeness',
      'rating_clarity',
      'note',
    ]);
  });

  it.each([
    ['0:0', 'reward', String((14 / 15 + 11 / 15) / 2)],
    ['0:0', 'jury_score', String(25 / 6)],
    ['0:0', 'judge_1_openai_gpt-5-mini_accuracy', '5'],
    ['0:0', 'cost_usd', String(0.00021 + 0.0004 + 0.0004)],
    ['0:1', 'reward', ''],
    ['0:1', 'status', 'unscored'],
    ['1:0', 'error', 'server: 502 Bad Gateway'],
    ['1:1', 'empty_response', 'true'],
    ['1:1', 'judge_2_x-ai_grok-4.1-fast_score', '0.2'],
    ['2:0', 'finish_reason', 'length'],
    ['2:0', 'cost_usd', '0.0004'],
    ['2:0', 'rating_completeness', '2'],
    ['2:0', 'rating_clarity', ''],
    ['2:0', 'note', 'Reviewer: =SUM(A1) "quoted", plan cut off.\nSecond line.'],
  ])('writes %s %s as %j', (key, name, expected) => {
    expect(cellOf(key, name)).toBe(expected);
  });

  it('guards a reviewer note that would run as a formula', () => {
    const evil = sampleRollouts.map((r) => ({ ...r, notes: "=cmd|' /C calc'!A0" }));
    const [, first] = readCsv(toResultsCsv(sampleRun, evil).slice(1));
    expect(first?.at(-1)).toBe("'=cmd|' /C calc'!A0");
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+CMD', "'+CMD"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
    [-0.5, '-0.5'],
    [3, '3'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
