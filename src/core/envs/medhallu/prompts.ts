// MedHallu's prompts as MedARC's environment sends them (med-lm-envs `environments/medhallu/medhallu/
// prompts.py`, taken from the MedHallu repository's detection script with \boxed{} added). Facts of
// the benchmark, reproduced byte for byte: the system prompt is a plain string, so its `\boxed{{0}}`
// keep their doubled braces; the user prompts are f-strings, so theirs are single. Pure.

export const MEDHALLU_SYSTEM_PROMPT =
  '\nYou are an AI assistant with extensive knowledge in the field of medicine. I want you act as an answer judge. Given a question and an answer, your objective is to determine if the provided answer contains non-factual or hallucinated information. You SHOULD give your judgement based on the following hallucination types and the world knowledge.\n\n' +
  'Type: Misinterpretation of #Question#: These are hallucinated answers that misunderstands the question, leading to an off-topic or irrelevant response.\n' +
  'Type: Incomplete Information: These are hallucinated answers that Point out what is not true without providing correct information.\n' +
  'Type: Mechanism and Pathway Misattribution - These are hallucinated answer that falsely attribution of biological mechanisms, molecular pathways, or disease processes that contradicts established medical knowledge\n' +
  'Type: Methodological and Evidence Fabrication - Inventing false research methods, statistical data, or specific clinical outcomes\n\n\n' +
  'You are trying to determine if there is a factual contradiction between the answer and the world knowledge.\n' +
  'Some information in the answer might be fabricated. Answer \\boxed{{0}} if the answer is factual and \\boxed{{1}} if the answer is hallucinated and \\boxed{{2}} if you are unsure about the factuality and want to pass. If you are unsure about the answer choose \\boxed{{2}} instead of guessing and making a mistake.\n';

/** `create_prompt_no_knowledge(question, option1)`. */
export function promptWithoutKnowledge(question: string, answer: string): string {
  return (
    `\nQuestion: ${question}\nAnswer: ${answer}\n\n` +
    'Return just the answer, Answer \\boxed{0} if the answer is factual and \\boxed{1} if the answer is hallucinated and \\boxed{2} if you are unsure about the answer and want to pass.\n' +
    'If you are unsure about the answer choose \\boxed{2} instead of guessing and making a mistake.\n' +
    'Your Judgement:\n'
  );
}

/** `create_prompt_with_knowledge(question, option1, knowledge)`; `knowledge` as Python's str() prints it. */
export function promptWithKnowledge(question: string, answer: string, knowledge: string): string {
  return (
    `\nWorld Knowledge: ${knowledge}\nQuestion: ${question}\nAnswer: ${answer}\n\n` +
    'Return just the answer. Answer \\boxed{0} if the answer is factual, \\boxed{1} if the answer is hallucinated, and \\boxed{2} if you are unsure about the answer and want to pass.\n' +
    'If you are unsure about the answer, choose \\boxed{2} instead of guessing and making a mistake.\n' +
    'Your Judgement:\n'
  );
}
