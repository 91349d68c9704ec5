import type { EnvModule } from './types';
import { careqaEnv } from './careqa';
import { headQaV2Env } from './head_qa_v2';
import { healthbenchEnv } from './healthbench';
import { longhealthEnv } from './longhealth';
import { mArcEnv } from './m_arc';
import { medHaltEnv } from './med_halt';
import { medbulletsEnv } from './medbullets';
import { medconceptsqaEnv } from './medconceptsqa';
import { medcalcBenchEnv } from './medcalc_bench';
import { medhalluEnv } from './medhallu';
import { medmcqaEnv } from './medmcqa';
import { medqaEnv } from './medqa';
import { medxpertqaEnv } from './medxpertqa';
import { metamedqaEnv } from './metamedqa';
import { mmluMedicalEnv } from './mmlu_medical';
import { mmluProHealthEnv } from './mmlu_pro_health';
import { mtsamplesEnv } from './mtsamples';
import { pubhealthbenchEnv } from './pubhealthbench';
import { pubmedqaEnv } from './pubmedqa';
import { sctpublicEnv } from './sctpublic';
import { supergpqaMedicineEnv } from './supergpqa_medicine';

// Every benchmark the app offers, in the order the UI lists them. Adding one = its folder + one line.
export const ENVS: readonly EnvModule[] = [
  mtsamplesEnv,
  medqaEnv,
  medmcqaEnv,
  pubmedqaEnv,
  mmluMedicalEnv,
  healthbenchEnv,
  medhalluEnv,
  medHaltEnv,
  sctpublicEnv,
  careqaEnv,
  mArcEnv,
  headQaV2Env,
  medbulletsEnv,
  medconceptsqaEnv,
  medxpertqaEnv,
  metamedqaEnv,
  mmluProHealthEnv,
  pubhealthbenchEnv,
  supergpqaMedicineEnv,
  medcalcBenchEnv,
  longhealthEnv,
];

export const DEFAULT_ENV_ID = 'mtsamples_procedures';

export function findEnv(id: string | undefined): EnvModule | undefined {
  return ENVS.find((env) => env.id === (id ?? DEFAULT_ENV_ID));
}

/** The env of a stored run or dataset; records written before environments existed are MTSamples. */
export function envOf(id: string | undefined): EnvModule {
  const env = findEnv(id);
  if (env === undefined) throw new Error(`Unknown benchmark "${id ?? ''}".`);
  return env;
}
