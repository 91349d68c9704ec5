// The built-in "Medmarks verified" suite: the evaluations of MedARC's configs/medmarks-verified.toml
// (MedARC-AI/med-lm-envs @ 02efacf; notes: /work/notes/medmarks/suite.md), written here as the table
// that file parses to and expanded with the same loader rules as an imported file. 66 evaluations:
// 12 [[eval]] then 54 ablation expansions; the medcalc_bench "tools" one cannot run in a browser and
// says so (resolveEntry.ts). 27 are MedARC's datasets, 38 their option-shuffle repeats. Pure.
import type { TomlConfig, TomlPlain } from './expandEvalToml';
import type { Suite } from './suite';
import { suiteFromConfig } from './suiteToml';

export const MEDMARKS_VERIFIED_ID = 'medmarks-verified';

const ALL = { num_examples: -1, rollouts_per_example: 1 };
const SEEDS = [1618, 9331];
const SHUFFLED = 'shuffle_seed-{env_args.shuffle_seed}';

function evaluation(env: string, envArgs?: TomlConfig, name?: string): TomlConfig {
  return {
    env_id: env,
    ...(name === undefined ? {} : { name }),
    ...ALL,
    ...(envArgs === undefined ? {} : { env_args: envArgs }),
  };
}

function ablation(
  env: string,
  name: string,
  sweep: Record<string, TomlPlain[]>,
  envArgs?: TomlConfig,
): TomlConfig {
  return {
    env_id: env,
    name,
    ...ALL,
    ...(envArgs === undefined ? {} : { env_args: envArgs }),
    sweep: { env_args: sweep },
  };
}

/** The option-shuffle repeats MedARC runs beside a dataset: seeds 1618 and 9331. */
function shuffles(env: string, envArgs: TomlConfig = {}): TomlConfig {
  return ablation(env, SHUFFLED, { shuffle_seed: SEEDS }, { ...envArgs, shuffle_answers: true });
}

/** `name` for an ablation swept over `arg` and the shuffle seeds. */
function seeded(arg: string): string {
  return `{env_args.${arg}}__${SHUFFLED}`;
}

const TASKS = ['task1', 'task2'];

const EVALS: TomlConfig[] = [
  evaluation('careqa', { split: 'en' }),
  evaluation('head_qa_v2'),
  evaluation('m_arc'),
  evaluation('med_mcqa'),
  evaluation('medcalc_bench', { version: '1.2' }, 'version-1.2'),
  evaluation(
    'medcalc_bench',
    { version: 'verified', add_python_tool: true, add_calculator_tool: true },
    'tools',
  ),
  evaluation('medqa'),
  evaluation('metamedqa'),
  evaluation('mmlu_pro_health'),
  evaluation('pubhealthbench', { split: 'reviewed' }),
  evaluation('pubmedqa'),
  evaluation('sctpublic'),
];

const ABLATIONS: TomlConfig[] = [
  shuffles('careqa', { split: 'en' }),
  ablation('longhealth', '{env_args.task}', { task: TASKS }, { doc_shuffle_seed: 2718 }),
  ...SEEDS.map((seed) =>
    ablation(
      'longhealth',
      `{env_args.task}__shuffle_seed-${seed}`,
      { task: TASKS },
      { shuffle_answers: true, shuffle_seed: seed, doc_shuffle_seed: seed },
    ),
  ),
  shuffles('m_arc'),
  ablation('med_halt', '{env_args.question_type}', {
    question_type: ['reasoning_fct', 'reasoning_nota'],
  }),
  shuffles('med_mcqa'),
  ablation('medbullets', 'num_options-{env_args.num_options}', { num_options: [4, 5] }),
  ablation(
    'medbullets',
    `num_options-{env_args.num_options}__${SHUFFLED}`,
    { num_options: [4, 5], shuffle_seed: SEEDS },
    { shuffle_answers: true },
  ),
  ablation(
    'medconceptsqa',
    '{env_args.difficulty}',
    { difficulty: ['easy', 'medium', 'hard'] },
    { vocab: 'icd10cm_sample' },
  ),
  ablation(
    'medconceptsqa',
    seeded('difficulty'),
    { difficulty: ['easy', 'medium', 'hard'], shuffle_seed: SEEDS },
    { vocab: 'icd10cm_sample', shuffle_answers: true },
  ),
  ablation('medhallu', '{env_args.difficulty}', { difficulty: ['easy', 'medium', 'hard'] }),
  shuffles('medqa'),
  ablation('medxpertqa', '{env_args.question_type}', {
    question_type: ['reasoning', 'understanding'],
  }),
  ablation(
    'medxpertqa',
    seeded('question_type'),
    { question_type: ['reasoning', 'understanding'], shuffle_seed: SEEDS },
    { shuffle_answers: true },
  ),
  shuffles('metamedqa'),
  shuffles('mmlu_pro_health'),
  shuffles('pubhealthbench', { split: 'reviewed' }),
  shuffles('pubmedqa'),
  ablation('supergpqa_medicine', '{env_args.difficulty}', { difficulty: ['easy', 'hard'] }),
  ablation(
    'supergpqa_medicine',
    seeded('difficulty'),
    { difficulty: ['easy', 'hard'], shuffle_seed: SEEDS },
    { shuffle_answers: true },
  ),
];

/** The same table MedARC's file parses to (its globals only name an output folder). */
const MEDMARKS_VERIFIED_CONFIG: TomlConfig = {
  save_results: true,
  output_dir: 'runs/evals',
  eval: EVALS,
  ablation: ABLATIONS,
};

export const MEDMARKS_VERIFIED_META = {
  id: MEDMARKS_VERIFIED_ID,
  label: 'Medmarks verified',
  description:
    'MedARC’s Medmarks suite (configs/medmarks-verified.toml in MedARC-AI/med-lm-envs): 18 medical ' +
    'environments, 27 datasets and their option-shuffle repeats with seeds 1618 and 9331, every example.',
};

export const MEDMARKS_VERIFIED: Suite = suiteFromConfig(
  MEDMARKS_VERIFIED_CONFIG,
  MEDMARKS_VERIFIED_META,
);

/** Suites the app ships. */
export const BUILT_IN_SUITES: readonly Suite[] = [MEDMARKS_VERIFIED];
