// HealthBench on the environment shape: rubric-graded health conversations from OpenAI, read from the
// Hub's JSONL files, graded one rubric item per grader call, and scored by rubric points (spec
// more-environments.md §3).
import type { EnvModule } from '../types';
import { graderMessages } from './graderMessages';
import type { HealthBenchSettings } from './healthBenchSettings';
import {
  HEALTHBENCH_DEFAULTS,
  HEALTHBENCH_LEGACY,
  HEALTHBENCH_PRESETS,
  HEALTHBENCH_SETTING_FIELDS,
  HealthBenchPresetSchema,
  HealthBenchSettingsSchema,
  REFERENCE_GRADER,
} from './healthBenchSettings';
import { readHealthBenchPayload } from './healthBenchPayload';
import { HEALTHBENCH_VARIANTS } from './healthBenchVariants';
import { parseGrade } from './parseGrade';
import { rowToExample } from './rowToExample';
import { scoreHealthBench } from './scoreHealthBench';

export const healthbenchEnv: EnvModule<HealthBenchSettings> = {
  id: 'healthbench',
  label: 'HealthBench',
  description:
    'OpenAI HealthBench (MIT): single- and multi-turn health conversations, each with a rubric written ' +
    'by physicians. The model writes the next reply; a grader model checks it against every rubric ' +
    'item, and the score is the points earned (penalties included) over the points available.',
  source: {
    kind: 'huggingface',
    licence: 'MIT',
    homepage: 'https://huggingface.co/datasets/openai/healthbench',
    variants: HEALTHBENCH_VARIANTS,
  },
  groupLabel: 'Theme',
  settings: {
    schema: HealthBenchSettingsSchema,
    defaults: HEALTHBENCH_DEFAULTS,
    fields: HEALTHBENCH_SETTING_FIELDS,
    legacy: HEALTHBENCH_LEGACY,
  },
  presetOf: (envSettings) => {
    const parsed = HealthBenchPresetSchema.safeParse(envSettings?.['preset']);
    return HEALTHBENCH_PRESETS[parsed.success ? parsed.data : 'medeval'];
  },
  rowToExample,
  // The model continues the conversation exactly as the dataset gives it.
  buildPrompt: (example) => readHealthBenchPayload(example).conversation,
  scoring: {
    kind: 'rubric',
    graderDefaults: REFERENCE_GRADER,
    items: (example) => readHealthBenchPayload(example).rubrics,
    graderMessages,
    parseGrade,
    score: scoreHealthBench,
    concurrency: (settings) => settings.graderConcurrency,
    attempts: (settings) => settings.gradeAttempts,
    // A rollout's reward must lie in [0, 1] like every env's; the run-level clipping rule is applied
    // by aggregateHealthBench, which reads `raw`.
    reward: (score) => score.clipped,
  },
  summary: 'rubric',
};
