// HealthBench's run settings and the reference grader's parameters (spec more-environments.md §3).
// Validated like any other input: settings can come back from storage or a shared link.
import { z } from '../../zod';
import type { PresetLabel, SettingField } from '../types';

/** The grader OpenAI's reference results use; MedARC's port defaults to `gpt-4o-mini` instead. */
const REFERENCE_GRADER_MODEL = 'gpt-4.1-2025-04-14';
const REFERENCE_GRADER_TEMPERATURE = 0.5;
const REFERENCE_GRADER_MAX_TOKENS = 2048;

/** The reference grader as the app's default grader endpoint settings. */
export const REFERENCE_GRADER = {
  model: REFERENCE_GRADER_MODEL,
  temperature: REFERENCE_GRADER_TEMPERATURE,
  maxTokens: REFERENCE_GRADER_MAX_TOKENS,
} as const;

/**
 * `run`: the official rule, the mean of the raw example scores clipped to [0, 1] once.
 * `example`: MedARC's rule, each example clipped to [0, 1] before the mean.
 */
export const ClippingSchema = z.enum(['run', 'example']);
export type Clipping = z.infer<typeof ClippingSchema>;

/**
 * `simple-evals@ee3b031`: the grader request carries the system message OpenAI's simple-evals sends its
 * grader ("You are a helpful assistant.", OPENAI_SYSTEM_MESSAGE_API); `medeval`: no system message (what
 * runs did before presets). Scoring is the same in both.
 */
export const HealthBenchPresetSchema = z.enum(['simple-evals@ee3b031', 'medeval']);
export type HealthBenchPreset = z.infer<typeof HealthBenchPresetSchema>;

/** simple-evals' grader system message (sampler/chat_completion_sampler.py, OPENAI_SYSTEM_MESSAGE_API). */
export const SIMPLE_EVALS_GRADER_SYSTEM = 'You are a helpful assistant.';

export const HEALTHBENCH_PRESETS: Readonly<Record<HealthBenchPreset, PresetLabel>> = {
  'simple-evals@ee3b031': {
    id: 'simple-evals@ee3b031',
    label: 'OpenAI simple-evals @ ee3b031',
    reproduces:
      'simple-evals’ HealthBench grading: its grader system message, one call per rubric item, ' +
      'points met over points possible (grader prompt written to the same contract).',
    reference: {
      repo: 'openai/simple-evals',
      commit: 'ee3b0318d8d1d9d72755a4120879be65f7c07e9e',
      files: [
        'healthbench_eval.py',
        'simple_evals.py (grading_sampler)',
        'sampler/chat_completion_sampler.py',
      ],
    },
  },
  medeval: {
    id: 'medeval',
    label: 'medeval grader request (no system message)',
    reproduces:
      'The same grading and scoring, with the grader request carrying no system message (runs made ' +
      'before presets).',
    reference: null,
  },
};

export const HealthBenchSettingsSchema = z.object({
  preset: HealthBenchPresetSchema,
  /** Grader calls in flight per rollout (one call per rubric item). */
  graderConcurrency: z.number().int().min(1).max(16),
  /** Times a grader reply without a boolean verdict is asked for before it counts as unparseable. */
  gradeAttempts: z.number().int().min(1).max(5),
  clipping: ClippingSchema,
});
export type HealthBenchSettings = z.infer<typeof HealthBenchSettingsSchema>;

export const HEALTHBENCH_DEFAULTS: HealthBenchSettings = {
  preset: 'simple-evals@ee3b031',
  graderConcurrency: 4,
  gradeAttempts: 2,
  clipping: 'run',
};

/** Runs stored before presets sent no grader system message. */
export const HEALTHBENCH_LEGACY: Partial<HealthBenchSettings> = { preset: 'medeval' };

export const HEALTHBENCH_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'preset',
    label: 'Reproduces',
    help: 'The reference preset sends the grader the system message simple-evals sends; scoring is the same either way.',
    kind: 'select',
    options: [
      { value: 'simple-evals@ee3b031', label: 'OpenAI simple-evals @ ee3b031 (reference)' },
      { value: 'medeval', label: 'medeval (no grader system message)' },
    ],
  },
  {
    key: 'graderConcurrency',
    label: 'Grader calls in flight',
    help: 'Rubric items graded at the same time for one response (each item is one grader call).',
    kind: 'number',
    min: 1,
    max: 16,
  },
  {
    key: 'gradeAttempts',
    label: 'Grader attempts',
    help: 'How often a grader reply without a true/false verdict is asked again before it is recorded as unparseable.',
    kind: 'number',
    min: 1,
    max: 5,
  },
  {
    key: 'clipping',
    label: 'Score clipping',
    help: 'Where scores are clipped to [0, 1]; the other rule is shown beside it, labelled.',
    kind: 'select',
    options: [
      { value: 'run', label: 'Run mean, then clip (official)' },
      { value: 'example', label: 'Each example, then mean (MedARC)' },
    ],
  },
];
