import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVS } from '../../../src/core/envs/registry';
import type { EnvModule } from '../../../src/core/envs/types';
import { SuiteFileError } from '../../../src/core/suites/expandEvalToml';
import {
  MEDMARKS_VERIFIED,
  MEDMARKS_VERIFIED_META,
} from '../../../src/core/suites/medmarksVerified';
import { MEDARC_ENVS, medarcEnvId, ourEnvId } from '../../../src/core/suites/medarcEnvIds';
import { readChoiceEnvArgs, resolveEntry } from '../../../src/core/suites/resolveEntry';
import { isShuffleEntry, mainEntries, type SuiteEntry } from '../../../src/core/suites/suite';
import { datasetNeeds, resolveSuite } from '../../../src/core/suites/suitePlan';
import { suiteFromToml, suiteToToml } from '../../../src/core/suites/suiteToml';

const FIXTURE = readFileSync(
  join(import.meta.dirname, '../../fixtures/suites/medmarks-verified.toml'),
  'utf8',
);
const meta = { id: 'x', label: 'X', description: '' };

function entry(key: string): SuiteEntry {
  const found = MEDMARKS_VERIFIED.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key}`);
  return found;
}

describe('Medmarks verified', () => {
  it('has MedARC’s 66 evaluations in the loader’s order, 27 of them datasets', () => {
    const keys = MEDMARKS_VERIFIED.entries.map((e) => e.key);
    expect(keys).toHaveLength(66);
    expect(new Set(keys).size).toBe(66);
    expect(keys.slice(0, 12)).toEqual([
      'careqa',
      'head_qa_v2',
      'm_arc',
      'med_mcqa',
      'medcalc_bench/version-1.2',
      'medcalc_bench/tools',
      'medqa',
      'metamedqa',
      'mmlu_pro_health',
      'pubhealthbench',
      'pubmedqa',
      'sctpublic',
    ]);
    expect(keys[12]).toBe('careqa/shuffle_seed-1618');
    expect(keys[16]).toBe('longhealth/task1__shuffle_seed-1618');
    expect(keys[30]).toBe('medbullets/num_options-5__shuffle_seed-1618');
    expect(keys[65]).toBe('supergpqa_medicine/hard__shuffle_seed-9331');
    // The tools entry is not a dataset of the macro average either: 27 = 28 non-shuffle − tools.
    const datasets = mainEntries(MEDMARKS_VERIFIED).filter((e) => e.key !== 'medcalc_bench/tools');
    expect(datasets).toHaveLength(27);
    expect(MEDMARKS_VERIFIED.entries.filter(isShuffleEntry)).toHaveLength(38);
  });

  it('runs every example once, with the env args MedARC sets', () => {
    for (const e of MEDMARKS_VERIFIED.entries) {
      expect(e.numExamples).toBeNull();
      expect(e.rolloutsPerExample).toBe(1);
      expect(e.sampling).toEqual({});
    }
    expect(entry('longhealth/task2__shuffle_seed-9331').envArgs).toEqual({
      shuffle_answers: true,
      shuffle_seed: 9331,
      doc_shuffle_seed: 9331,
      task: 'task2',
    });
    expect(entry('medconceptsqa/hard').envArgs).toEqual({
      vocab: 'icd10cm_sample',
      difficulty: 'hard',
    });
  });

  it('is what our fixture in the shape of configs/medmarks-verified.toml imports to', () => {
    const imported = suiteFromToml(FIXTURE, MEDMARKS_VERIFIED_META);
    expect(imported).toEqual(MEDMARKS_VERIFIED);
    // The file's output folders mean nothing in a browser, and the user is told so.
    expect(imported.notes.join(' ')).toMatch(/"output_dir" is ignored/);
  });

  it('exports to TOML that imports back to the same entries', () => {
    const text = suiteToToml(MEDMARKS_VERIFIED);
    expect(text).toContain('[[eval]]');
    expect(text).not.toMatch(/key|token|api_base_url/i);
    const back = suiteFromToml(text, MEDMARKS_VERIFIED_META);
    expect(back.entries).toEqual(MEDMARKS_VERIFIED.entries);
  });
});

describe('resolveEntry', () => {
  it('runs medqa, med_mcqa and pubmedqa and their shuffles on our benchmarks', () => {
    const medqa = resolveEntry(entry('medqa'), ENVS);
    expect(medqa).toMatchObject({ state: 'ready', variantId: 'test' });
    const mcqa = resolveEntry(entry('med_mcqa/shuffle_seed-9331'), ENVS);
    expect(mcqa.state).toBe('ready');
    if (mcqa.state !== 'ready') return;
    expect(mcqa.env.id).toBe('medmcqa');
    expect(mcqa.envSettings).toMatchObject({ shuffleOptions: true, shuffleSeed: 9331 });
    const pubmed = resolveEntry(entry('pubmedqa'), ENVS);
    expect(pubmed).toMatchObject({ state: 'ready', envSettings: { subset: 'test500' } });
  });

  it('says an environment that is not registered is not available yet', () => {
    const resolution = resolveEntry(
      entry('careqa'),
      ENVS.filter((env) => env.id !== 'careqa'),
    );
    expect(resolution).toEqual({
      state: 'unavailable',
      reason: 'Not available yet: CareQA is not in this app yet.',
    });
  });

  it('lights an entry up once its environment is registered', () => {
    const medqa = ENVS.find((env) => env.id === 'medqa') as EnvModule;
    const careqa: EnvModule = {
      ...medqa,
      id: 'careqa',
      medarc: {
        envId: 'careqa',
        readEnvArgs: (args) => {
          const { split, ...rest } = args;
          const reading = readChoiceEnvArgs(medqa, rest);
          return split === 'en' ? reading : { ...reading, unsupported: ['split must be en'] };
        },
      },
    };
    expect(resolveEntry(entry('careqa/shuffle_seed-1618'), [...ENVS, careqa])).toMatchObject({
      state: 'ready',
      envSettings: { shuffleOptions: true, shuffleSeed: 1618 },
    });
  });

  it('keeps the tools entry out, saying why', () => {
    const resolution = resolveEntry(entry('medcalc_bench/tools'), ENVS);
    expect(resolution.state).toBe('blocked');
    expect(resolution.state === 'blocked' && resolution.reason).toMatch(/browser.*add_python_tool/);
  });

  it('reports env args, environments and scoring it cannot run', () => {
    const suite = suiteFromToml(
      [
        '[[eval]]\nenv_id = "medqa"\nenv_args = { system_prompt = "Be brief." }',
        '[[eval]]\nenv_id = "not_an_env"',
        '[[eval]]\nenv_id = "healthbench"',
        '[[eval]]\nenv_id = "medqa"\nenv_args = { answer_format = "json" }',
      ].join('\n'),
      meta,
    );
    const reasons = suite.entries.map((e) => resolveEntry(e, ENVS));
    expect(reasons.map((r) => r.state)).toEqual([
      'unsupported',
      'unsupported',
      'unsupported',
      'unsupported',
    ]);
    expect(JSON.stringify(reasons)).toMatch(/system_prompt/);
    expect(JSON.stringify(reasons)).toMatch(/Unknown environment \\"not_an_env\\"/);
    expect(JSON.stringify(reasons)).toMatch(/judges or a grader/);
    expect(JSON.stringify(reasons)).toMatch(/answerFormat/);
  });
});

describe('datasetNeeds', () => {
  it('asks for each runnable variant once, from the Hub or from a GitHub repository', () => {
    const needs = datasetNeeds(resolveSuite(MEDMARKS_VERIFIED));
    const of = (envId: string) => needs.filter((need) => need.envId === envId);
    // MedQA and its two option shuffles read one dataset.
    expect(of('medqa')).toHaveLength(1);
    expect(of('medqa')[0]?.entryKeys).toEqual([
      'medqa',
      'medqa/shuffle_seed-1618',
      'medqa/shuffle_seed-9331',
    ]);
    expect(of('medbullets').map((need) => need.variantId)).toHaveLength(2);
    // SCT-Public's files come from MedARC's repository at a pinned commit: it loads and runs too.
    expect(of('sctpublic')).toEqual([
      expect.objectContaining({
        variantId: 'public',
        datasetId: expect.stringMatching(/^hf:sctpublic\/public@d1d164d/) as unknown,
        entryKeys: ['sctpublic'],
      }),
    ]);
    // Nothing for an entry that cannot run here.
    expect(needs.flatMap((need) => need.entryKeys)).not.toContain('medcalc_bench/tools');
  });
});

describe('suite files', () => {
  it('maps MedARC env ids to ours through one table', () => {
    expect(ourEnvId('med_mcqa')).toBe('medmcqa');
    expect(medarcEnvId('medmcqa')).toBe('med_mcqa');
    expect(ourEnvId('medqa')).toBe('medqa');
    expect(ourEnvId('healthbench')).toBe('healthbench');
    expect(MEDARC_ENVS).toHaveLength(18);
  });

  it('lists every endpoint and CLI field it ignores, and applies sampling', () => {
    const suite = suiteFromToml(
      [
        'model = "openai/gpt-4.1-mini"',
        'api_base_url = "https://attacker.example/v1"',
        'api_key_var = "OPENAI_API_KEY"',
        'max_concurrent = 64',
        '[[eval]]',
        'env_id = "medqa"',
        'temperature = 0.3',
        'sampling_args = { max_tokens = 256, logprobs = true }',
      ].join('\n'),
      meta,
    );
    expect(suite.entries[0]).toMatchObject({
      numExamples: 5,
      rolloutsPerExample: 3,
      sampling: { temperature: 0.3, max_tokens: 256 },
    });
    const notes = suite.notes.join('\n');
    for (const field of ['model', 'api_base_url', 'api_key_var', 'max_concurrent']) {
      expect(notes).toContain(`"${field}" is ignored`);
    }
    expect(notes).toContain('sampling_args.logprobs is not applied');
    // Nothing of the endpoint survives into the suite.
    expect(JSON.stringify(suite)).not.toContain('attacker.example');
  });

  it('numbers repeated entries and says so', () => {
    const suite = suiteFromToml('[[eval]]\nid = "medqa"\n[[eval]]\nid = "medqa"\n', meta);
    expect(suite.entries.map((e) => e.key)).toEqual(['medqa', 'medqa#2']);
    expect(suite.notes.join()).toMatch(/appears 2 times/);
  });

  it.each([
    ['num_examples = 0', /num_examples must be -1 \(all\) or at least 1/],
    ['num_examples = "all"', /num_examples/],
    ['rollouts_per_example = 100', /rollouts_per_example/],
    ['env_id = "../../etc"', /must be an environment id/],
    ['temperature = 9', /temperature/],
    ['name = "{env_args.missing}"', /sets no env arg "missing"/],
  ])('refuses %s with a message naming the evaluation', (line, message) => {
    const text = line.startsWith('env_id')
      ? `[[eval]]\n${line}\n`
      : `[[eval]]\nenv_id = "medqa"\n${line}\n`;
    expect(() => suiteFromToml(text, meta)).toThrow(SuiteFileError);
    expect(() => suiteFromToml(text, meta)).toThrow(message);
    if (!line.startsWith('env_id') && !line.startsWith('name')) {
      expect(() => suiteFromToml(text, meta)).toThrow(/Evaluation #1 \(medqa\)/);
    }
  });
});
