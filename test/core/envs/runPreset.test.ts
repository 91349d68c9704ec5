// What a run reproduces, and how stored runs without a preset read (issue 12 item 7).
import { describe, expect, it } from 'vitest';
import { resolveRunEnv } from '../../../src/core/envs/runEnv';
import { presetMismatch, runPresetOf } from '../../../src/core/envs/runPreset';

describe('runPresetOf', () => {
  it('names the reference and commit of a multiple-choice run', () => {
    const preset = runPresetOf({ envId: 'medqa', envSettings: { preset: 'medarc@97d3282' } });
    expect(preset?.label).toBe('MedARC med-lm-envs @ 97d3282');
    expect(preset?.reference?.commit).toMatch(/^97d3282/);
  });

  it('reads a choice run stored before presets as medeval’s old reader, not as a reference', () => {
    const preset = runPresetOf({ envId: 'medqa', envSettings: { answerFormat: 'xml' } });
    expect(preset?.id).toBe('medeval-legacy');
    expect(preset?.reference).toBeNull();
    expect(
      resolveRunEnv({ envId: 'medqa', envSettings: { answerFormat: 'xml' } }).envSettings['preset'],
    ).toBe('medeval-legacy');
  });

  it('gives a new run the default (newest reference) even when its settings omit the preset', () => {
    const { envSettings } = resolveRunEnv({ envId: 'medqa', envSettings: {} }, { isNewRun: true });
    expect(envSettings['preset']).toBe('medarc@97d3282');
  });

  it('says what MMLU’s reference preset stands in for', () => {
    const preset = runPresetOf({
      envId: 'mmlu_medical',
      envSettings: { preset: 'medarc@97d3282' },
    });
    expect(preset?.reproduces).toMatch(/no MMLU environment/);
  });

  it('labels HealthBench runs: simple-evals’ grader system message, or none before presets', () => {
    expect(
      runPresetOf({ envId: 'healthbench', envSettings: { preset: 'simple-evals@ee3b031' } })?.label,
    ).toBe('OpenAI simple-evals @ ee3b031');
    expect(runPresetOf({ envId: 'healthbench', envSettings: { clipping: 'run' } })?.id).toBe(
      'medeval',
    );
  });

  it('labels MTSamples runs: the card’s reward by default and for stored runs, MedARC’s when chosen', () => {
    expect(runPresetOf({ envId: 'mtsamples_procedures', envSettings: {} })?.id).toBe('medeval');
    expect(runPresetOf({ envSettings: undefined })?.reference).toBeNull();
    const medarc = runPresetOf({
      envId: 'mtsamples_procedures',
      envSettings: { preset: 'medarc@3b9f18f' },
    });
    expect(medarc?.label).toBe('MedARC med-lm-envs @ 3b9f18f (reward)');
    expect(medarc?.reference?.commit).toMatch(/^3b9f18f/);
    const { envSettings } = resolveRunEnv({}, { isNewRun: true });
    expect(envSettings['preset']).toBe('medeval');
  });
});

describe('presetMismatch', () => {
  const run = (name: string, preset: string) => ({
    name,
    settings: { envId: 'medqa', envSettings: { preset } },
  });

  it('is silent when the runs reproduce the same preset', () => {
    expect(presetMismatch([run('a', 'medarc@97d3282'), run('b', 'medarc@97d3282')])).toBeNull();
  });

  it('warns, naming each run’s preset, when they differ', () => {
    const warning = presetMismatch([run('a', 'medarc@97d3282'), run('b', 'medeval')]);
    expect(warning).toMatch(/different presets/);
    expect(warning).toContain('a: MedARC med-lm-envs @ 97d3282');
    expect(warning).toContain('b: medeval reader');
  });
});
