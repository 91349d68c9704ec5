// The one table between MedARC's environment ids (med-lm-envs, as suite files write them) and this
// app's benchmark ids (core/envs/registry.ts). Every MedARC environment of Medmarks is listed, so an
// entry whose benchmark is not registered yet can say "not available yet" rather than "unknown".
// Notes: /work/notes/medmarks/README.md §6 (the only id that differs is med_mcqa ↔ medmcqa). Pure.

export interface MedarcEnvName {
  /** MedARC's env_id. */
  medarc: string;
  /** This app's benchmark id for it (registered or not yet). */
  ours: string;
  /** How people name it. */
  label: string;
}

export const MEDARC_ENVS: readonly MedarcEnvName[] = [
  { medarc: 'careqa', ours: 'careqa', label: 'CareQA' },
  { medarc: 'head_qa_v2', ours: 'head_qa_v2', label: 'HEAD-QA v2' },
  { medarc: 'longhealth', ours: 'longhealth', label: 'LongHealth' },
  { medarc: 'm_arc', ours: 'm_arc', label: 'M-ARC' },
  { medarc: 'med_halt', ours: 'med_halt', label: 'Med-HALT' },
  { medarc: 'med_mcqa', ours: 'medmcqa', label: 'MedMCQA' },
  { medarc: 'medbullets', ours: 'medbullets', label: 'Medbullets' },
  { medarc: 'medcalc_bench', ours: 'medcalc_bench', label: 'MedCalc-Bench' },
  { medarc: 'medconceptsqa', ours: 'medconceptsqa', label: 'MedConceptsQA' },
  { medarc: 'medhallu', ours: 'medhallu', label: 'MedHallu' },
  { medarc: 'medqa', ours: 'medqa', label: 'MedQA' },
  { medarc: 'medxpertqa', ours: 'medxpertqa', label: 'MedXpertQA' },
  { medarc: 'metamedqa', ours: 'metamedqa', label: 'MetaMedQA' },
  { medarc: 'mmlu_pro_health', ours: 'mmlu_pro_health', label: 'MMLU-Pro health' },
  { medarc: 'pubhealthbench', ours: 'pubhealthbench', label: 'PubHealthBench' },
  { medarc: 'pubmedqa', ours: 'pubmedqa', label: 'PubMedQA' },
  { medarc: 'sctpublic', ours: 'sctpublic', label: 'SCT-Public' },
  { medarc: 'supergpqa_medicine', ours: 'supergpqa_medicine', label: 'SuperGPQA medicine' },
];

/** Our benchmark id for a MedARC env id (ids MedARC does not have are taken as ours). */
export function ourEnvId(medarcId: string): string {
  return MEDARC_ENVS.find((env) => env.medarc === medarcId)?.ours ?? medarcId;
}

/** MedARC's env id for one of our benchmarks (ours when MedARC has none). */
export function medarcEnvId(ourId: string): string {
  return MEDARC_ENVS.find((env) => env.ours === ourId)?.medarc ?? ourId;
}

export function isMedarcEnv(medarcId: string): boolean {
  return MEDARC_ENVS.some((env) => env.medarc === medarcId);
}

export function medarcLabel(medarcId: string): string {
  return MEDARC_ENVS.find((env) => env.medarc === medarcId)?.label ?? medarcId;
}
