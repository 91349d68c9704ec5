// Owns the judge prompt for MTSamples (spec mtsamples-procedures.md §4): the default template, filling
// its three slots, and checking a user-edited template before a run uses it. Pure: no I/O.

const JUDGE_SLOTS = ['patient_notes', 'response', 'reference'] as const;
type JudgeSlot = (typeof JUDGE_SLOTS)[number];
export type JudgeSlotValues = Record<JudgeSlot, string>;

/** The criteria the judge must score; `parseJudgeReply` reads exactly these keys. */
const CRITERION_KEYS = ['accuracy', 'completeness', 'clarity'] as const;

// Written for this app to the §4 contract. The JSON example must stay valid JSON (no trailing commas):
// judges copy it, and one reference implementation's invalid example makes them fail to parse.
export const DEFAULT_JUDGE_TEMPLATE = `You are a medical expert. Below is a clinical scenario taken from a patient's notes, a response that an AI system generated for it, and a reference answer written by a clinician. Evaluate the generated response against current clinical best practice, and compare it with the reference answer.

<patient_notes>
{{patient_notes}}
</patient_notes>

<response>
{{response}}
</response>

<reference>
{{reference}}
</reference>

Score the response on each of the three criteria below with an integer from 1 to 5, where 1 means very poor and 5 means excellent, and give a short explanation for each score.

- Accuracy: does the response give correct clinical advice that follows established guidelines?
- Completeness: does the response include all the important aspects of patient care that the reference mentions?
- Clarity: is the response written clearly and organised so that a clinician can read it easily?

Reply with exactly one JSON object and nothing else: no text before or after it. Use the keys "accuracy", "completeness" and "clarity"; each holds an object with an integer "score" from 1 to 5 and a string "explanation". For example:

{
  "accuracy": {"score": 4, "explanation": "One or two sentences on the clinical correctness."},
  "completeness": {"score": 3, "explanation": "One or two sentences on what is covered or missing."},
  "clarity": {"score": 5, "explanation": "One or two sentences on how readable it is."}
}`;

// Slot names are matched exactly; anything else between double braces is reported by the validator.
const SLOT_PATTERN = /\{\{(patient_notes|response|reference)\}\}/g;
const ANY_DOUBLE_BRACE = /\{\{([^{}]*)\}\}/g;

/**
 * Fills every slot in one pass with a function replacer: a function's return value is inserted
 * literally (no `$&`, `$1`, `$$` expansion, which a replacement *string* would apply), and text already
 * inserted is never scanned again, so a patient note or response that contains `{{reference}}` stays
 * as written instead of pulling in the gold answer.
 */
export function fillJudgeTemplate(template: string, values: JudgeSlotValues): string {
  return template.replace(SLOT_PATTERN, (_match, slot: JudgeSlot) => values[slot]);
}

/** Problems that would make a template unusable or its replies unreadable; empty when it is fine. */
export function validateJudgeTemplate(template: string): string[] {
  if (template.trim() === '') return ['the template is empty'];
  const problems: string[] = [];
  for (const slot of JUDGE_SLOTS) {
    if (!template.includes(`{{${slot}}}`)) problems.push(`missing slot {{${slot}}}`);
  }
  const unknown = new Set<string>();
  for (const match of template.matchAll(ANY_DOUBLE_BRACE)) {
    const name = match[1] ?? '';
    if (!(JUDGE_SLOTS as readonly string[]).includes(name)) unknown.add(name);
  }
  for (const name of unknown) {
    problems.push(`unknown slot {{${name}}}: the slots are ${slotList()}`);
  }
  // The parser reads these keys; a template that never names one cannot ask the judge for it.
  for (const key of CRITERION_KEYS) {
    if (!template.toLowerCase().includes(key)) {
      problems.push(`the template never mentions "${key}", which the reply parser reads`);
    }
  }
  return problems;
}

function slotList(): string {
  return JUDGE_SLOTS.map((slot) => `{{${slot}}}`).join(', ');
}
