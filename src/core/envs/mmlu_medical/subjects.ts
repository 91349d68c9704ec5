// MMLU's medical subjects (spec more-environments.md §2) with their test-split sizes, in the order they
// are loaded: the six that MultiMedQA, HELM and lm-eval-harness report as "MMLU medical", and the seven
// medeval used before (nutrition and virology instead of college biology), kept as a labelled variant
// so datasets loaded under it keep their meaning.

export const MMLU_MEDICAL_SUBJECTS = [
  { config: 'anatomy', rows: 135 },
  { config: 'clinical_knowledge', rows: 265 },
  { config: 'college_biology', rows: 144 },
  { config: 'college_medicine', rows: 173 },
  { config: 'medical_genetics', rows: 100 },
  { config: 'professional_medicine', rows: 272 },
] as const;

export const MMLU_SEVEN_SUBJECTS = [
  { config: 'anatomy', rows: 135 },
  { config: 'clinical_knowledge', rows: 265 },
  { config: 'college_medicine', rows: 173 },
  { config: 'medical_genetics', rows: 100 },
  { config: 'nutrition', rows: 306 },
  { config: 'professional_medicine', rows: 272 },
  { config: 'virology', rows: 166 },
] as const;

/** A config name as people say it: `clinical_knowledge` → "clinical knowledge". */
export function subjectName(config: string): string {
  return config.replaceAll('_', ' ');
}
