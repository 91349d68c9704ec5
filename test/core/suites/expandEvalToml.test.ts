import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expandEvalConfigs,
  MAX_SUITE_CONFIGS,
  MAX_SUITE_FILE_CHARS,
  parseSuiteToml,
  SuiteFileError,
} from '../../../src/core/suites/expandEvalToml';

// Expected outputs come from verifiers v0.1.14's own load_toml_config (with MedARC's extra fields),
// run on these files outside the repository (see the fixture's "reference").
const FIXTURES = join(import.meta.dirname, '../../fixtures/suites');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'verifiersExpansion.json'), 'utf8')) as {
  reference: string;
  cases: Record<string, { ok: true; configs: unknown[] } | { ok: false; error: string }>;
};

const files = [
  ...readdirSync(join(FIXTURES, 'loader')).map((name) => join(FIXTURES, 'loader', name)),
  join(FIXTURES, 'medmarks-verified.toml'),
];

const expand = (text: string) => expandEvalConfigs(parseSuiteToml(text));

describe('expandEvalConfigs agrees with verifiers v0.1.14 load_toml_config', () => {
  it('has a verdict for every fixture file', () => {
    expect(expected.reference).toContain('v0.1.14');
    for (const file of files) expect(expected.cases[file.split('/').pop() ?? '']).toBeDefined();
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files.map((file) => [file.split('/').pop() ?? '', file]))('%s', (name, file) => {
    const verdict = expected.cases[name];
    const text = readFileSync(file, 'utf8');
    if (verdict?.ok === true) {
      const configs = expand(text);
      expect(configs).toEqual(verdict.configs);
      // Same key order as Python's dicts, so exported files read the same.
      expect(configs.map((c) => Object.keys(c))).toEqual(
        verdict.configs.map((c) => Object.keys(c as object)),
      );
    } else {
      expect(() => expand(text)).toThrow(SuiteFileError);
    }
  });
});

describe('hostile suite files get a clear error', () => {
  const cases: [string, string, RegExp][] = [
    ['not TOML', 'env_id = ', /Not valid TOML \(line 1/],
    ['a lone [eval] table', '[eval]\nenv_id = "medqa"\n', /\[\[eval\]\] \(double brackets\)/],
    ['eval as a string', 'eval = "medqa"\n', /double brackets/],
    ['eval items that are not tables', 'eval = [1, 2]\n', /\[\[eval\]\] #1 must be a table/],
    ['no sections', 'model = "x"\n', /at least one \[\[eval\]\] or \[\[ablation\]\]/],
    ['unknown field', '[[eval]]\nenv_id = "a"\nexamples = 3\n', /unknown field "examples"/],
    ['env_args not a table', '[[eval]]\nenv_id = "a"\nenv_args = 3\n', /env_args must be a table/],
    [
      'sweep values not lists',
      '[[ablation]]\nenv_id = "a"\n[ablation.sweep.env_args]\nseed = 3\n',
      /must be lists, got number for "seed"/,
    ],
    ['a date', '[[eval]]\nenv_id = "a"\nenv_args = { d = 1979-05-27 }\n', /dates and times/],
    ['nan', '[[eval]]\nenv_id = "a"\ntemperature = nan\n', /inf and nan/],
    ['__proto__ keys', '[[eval]]\nenv_id = "a"\nenv_args = { __proto__ = 1 }\n', /Not valid TOML/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    expect(() => expand(text)).toThrow(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const text = `# ${'x'.repeat(MAX_SUITE_FILE_CHARS)}\n[[eval]]\nenv_id = "a"\n`;
    expect(() => parseSuiteToml(text)).toThrow(/at most 512,000/);
  });

  it('refuses deep nesting', () => {
    const text = `[[eval]]\nenv_id = "a"\nenv_args = { x = ${'['.repeat(5000)}${']'.repeat(5000)} }\n`;
    expect(() => parseSuiteToml(text)).toThrow(SuiteFileError);
  });

  it('refuses a sweep that would expand past the limit without building it', () => {
    const values = `[${Array.from({ length: 100 }, (_, i) => i).join(', ')}]`;
    const text = `[[ablation]]\nenv_id = "a"\n[ablation.sweep.env_args]\na = ${values}\nb = ${values}\n`;
    expect(100 * 100).toBeGreaterThan(MAX_SUITE_CONFIGS);
    expect(() => expand(text)).toThrow(/more than 2,000 evaluations/);
  });

  it('reads a valid file of many small tables quickly enough to stay interactive', () => {
    const text = Array.from({ length: 500 }, (_, i) => `[[eval]]\nenv_id = "e${i}"\n`).join('\n');
    expect(expand(text)).toHaveLength(500);
  });
});
