// What a Medmarks multiple-choice env makes of a suite entry's env args, and the settings it offers:
// the reference's answer format is fixed, only the reference presets and medeval's reader are offered,
// and an arg the env cannot honour makes the entry say why instead of running something else.
import { describe, expect, it } from 'vitest';
import { findEnv } from '../../../../src/core/envs/registry';

function env(id: string) {
  const found = findEnv(id);
  if (found?.medarc === undefined) throw new Error(`${id} has no MedARC binding`);
  return found as typeof found & { medarc: NonNullable<typeof found.medarc> };
}

describe('Medmarks multiple-choice env args', () => {
  it('reads the variant arg and the shuffle into variant and settings', () => {
    expect(
      env('medbullets').medarc.readEnvArgs({
        num_options: 5,
        shuffle_answers: true,
        shuffle_seed: 9331,
      }),
    ).toEqual({
      variantId: 'op5',
      settings: { shuffleOptions: true, shuffleSeed: 9331 },
      unsupported: [],
    });
    expect(env('medbullets').medarc.readEnvArgs({}).variantId).toBe('op4');
  });

  it('says what it cannot honour: an unknown value, a changed fixed arg, an unknown arg', () => {
    const reading = env('supergpqa_medicine').medarc.readEnvArgs({
      difficulty: 'impossible',
      jitter_age: true,
      few_shot_count: 3,
    });
    expect(reading.unsupported).toEqual([
      'SuperGPQA medicine has no difficulty "impossible" here',
      'SuperGPQA medicine runs only with jitter_age = false here',
      'env arg "few_shot_count" is not supported by SuperGPQA medicine here',
    ]);
  });

  it('needs the variant arg where the reference default spans every variant', () => {
    expect(env('medxpertqa').medarc.readEnvArgs({}).unsupported).toEqual([
      'MedXpertQA needs question_type set to one of reasoning, understanding here',
    ]);
  });

  it('runs Medmarks’ med_mcqa entries on the copy MedARC loads', () => {
    expect(env('medmcqa').medarc.readEnvArgs({ shuffle_answers: true })).toMatchObject({
      variantId: 'lighteval',
      settings: { shuffleOptions: true },
      unsupported: [],
    });
  });
});

describe('Medmarks multiple-choice settings', () => {
  it.each(['careqa', 'metamedqa', 'm_arc'])('%s fixes its answer format and think', (id) => {
    const { schema, defaults, fields } = env(id).settings;
    expect(schema.parse(defaults)).toEqual(defaults);
    expect(schema.safeParse({ ...defaults, answerFormat: 'xml' }).success).toBe(false);
    expect(schema.safeParse({ ...defaults, useThink: true }).success).toBe(false);
    expect(fields.map((field) => field.key)).toEqual(['preset', 'shuffleOptions', 'shuffleSeed']);
  });

  it('offers both MedARC matchers, and medeval’s reader except where labels are numbers', () => {
    const presets = (id: string) =>
      env(id).settings.fields.flatMap((field) =>
        field.kind === 'select' && field.key === 'preset' ? field.options.map((o) => o.value) : [],
      );
    expect(presets('careqa')).toEqual(['medarc@97d3282', 'medarc@044f0b6', 'medeval']);
    expect(presets('head_qa_v2')).toEqual(['medarc@97d3282', 'medarc@044f0b6']);
    expect(env('careqa').settings.defaults['preset']).toBe('medarc@97d3282');
  });
});
