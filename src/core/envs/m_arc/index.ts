// M-ARC, reproducing MedARC's `m_arc` environment (med-lm-envs abf68cd): the 100 questions of
// mkieffer/M-ARC built to defeat pattern matching, five-shot from MMLU-Pro's validation health
// questions, boxed answers, the shuffle keyed by the row index — and its age jitter, always on: each
// age in the question gets a random 0–0.04 years, drawn from Python's MT19937 seeded as the reference
// seeds it (ageJitter.ts), so the prompt is the reference's byte for byte.
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { BOXED_SYSTEM_PROMPT, medqaRowIndex } from '../multipleChoice/medarc/medarcLayouts';
import { verbatim } from '../multipleChoice/medarc/medarcRows';
import { MMLU_PRO_SHOTS_PART } from '../mmlu_pro_health';
import { MMLU_PRO_INSTRUCTION, mmluProQuestion } from '../mmlu_pro_health/mmluProRows';
import { jitterAges } from './ageJitter';
import { M_ARC_SHOTS, rowToExample } from './rowToExample';

/** The jitter's base seed: the shuffle seed when shuffling, else 2718. */
const UNSHUFFLED_AGE_SEED = 2718;

export const mArcEnv = makeMedarcChoiceEnv({
  id: 'm_arc',
  label: 'M-ARC',
  description:
    'Clinical questions written to defeat pattern matching (mkieffer/M-ARC, Kim et al., 2025): the ' +
    'familiar-looking answer is wrong. Asked five-shot with MMLU-Pro health examples; the answer in ' +
    '\\boxed{}. Ages get MedARC’s small random jitter. Scored as MedARC scores it.',
  licence: 'See the dataset card',
  homepage: 'https://huggingface.co/datasets/mkieffer/M-ARC',
  variants: [
    {
      id: 'test',
      label: 'Test (100)',
      description:
        'The 100 questions of the test split; the five-shot examples come from MMLU-Pro’s validation split.',
      expectedRows: 100,
      revision: 'refs/convert/parquet',
      parts: [
        MMLU_PRO_SHOTS_PART,
        {
          kind: 'hf-parquet',
          dataset: 'mkieffer/M-ARC',
          config: 'default',
          split: 'test',
          columns: ['question', 'options', 'answer'],
        },
      ],
    },
  ],
  groupLabel: 'Group',
  rowToExample,
  layout: {
    envId: 'm_arc',
    note: null,
    systemPrompt: BOXED_SYSTEM_PROMPT,
    parser: 'boxed',
    userMessage: (question, payload, presented, { settings, rowId }) => {
      const base = settings.shuffleOptions ? settings.shuffleSeed : UNSHUFFLED_AGE_SEED;
      const jittered = jitterAges(question, base + Number(rowId));
      return `${MMLU_PRO_INSTRUCTION}${payload.shots ?? ''}${mmluProQuestion(jittered, presented)}\nAnswer:`;
    },
    rowId: (example) => medqaRowIndex(example),
    optionText: verbatim,
  },
  answerFormat: 'boxed',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/m_arc/m_arc.py'],
  fixedArgs: { num_few_shot: M_ARC_SHOTS, use_think: false },
});
