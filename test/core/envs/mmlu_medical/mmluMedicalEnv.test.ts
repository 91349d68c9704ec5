import { describe, expect, it } from 'vitest';
import { mmluMedicalEnv } from '../../../../src/core/envs/mmlu_medical';
import { rowToExample } from '../../../../src/core/envs/mmlu_medical/rowToExample';
import { firstVariant, rowContext } from '../multipleChoice/rowContext';

const ROW = {
  question: 'Which of the following is the body cavity that contains the pituitary gland?',
  choices: ['Abdominal', 'Cranial', 'Pleural', 'Spinal'],
  answer: 1,
};

describe('mmlu_medical rowToExample', () => {
  it('reads a realistic row; the subject comes from the part', () => {
    // Part 1 is clinical_knowledge.
    expect(rowToExample(ROW, rowContext(mmluMedicalEnv, { part: 1, rowIndex: 9 }))).toEqual({
      example: {
        id: 'clinical_knowledge-9',
        group: 'clinical knowledge',
        question: ROW.question,
        answer: 'B. Cranial',
        payload: {
          options: [
            { letter: 'A', text: 'Abdominal' },
            { letter: 'B', text: 'Cranial' },
            { letter: 'C', text: 'Pleural' },
            { letter: 'D', text: 'Spinal' },
          ],
          gold: 'B',
        },
      },
    });
  });

  it('reads the answer through its ClassLabel names when given', () => {
    const ctx = rowContext(mmluMedicalEnv, { classLabels: { answer: ['A', 'B', 'C', 'D'] } });
    expect(rowToExample({ ...ROW, answer: 3n }, ctx)).toMatchObject({
      example: { answer: 'D. Spinal' },
    });
  });

  it.each([
    [{ answer: 4 }, 'the gold answer "E" is not one of the options (A–D)'],
    [{ answer: 'maybe' }, 'answer: maybe does not name an option'],
    [{ choices: ['Only one'] }, 'choices: '],
    [{ choices: null }, 'choices: '],
    [{ question: '' }, 'the question is empty'],
  ])('skips a malformed row: %j', (change, reason) => {
    const outcome = rowToExample({ ...ROW, ...change }, rowContext(mmluMedicalEnv));
    expect('skip' in outcome && outcome.skip).toContain(reason);
  });

  it('a part index the variant does not have is skipped, not thrown', () => {
    expect(rowToExample(ROW, rowContext(mmluMedicalEnv, { part: 9 }))).toEqual({
      skip: 'part 9 is not an MMLU subject',
    });
  });

  it('declares the standard six subjects first (1,089 rows), the earlier seven as a labelled variant', () => {
    const variant = firstVariant(mmluMedicalEnv);
    expect(variant.id).toBe('medical6');
    expect(variant.expectedRows).toBe(1089);
    expect(variant.parts.map((part) => (part.kind === 'hf-parquet' ? part.config : ''))).toEqual([
      'anatomy',
      'clinical_knowledge',
      'college_biology',
      'college_medicine',
      'medical_genetics',
      'professional_medicine',
    ]);
    const seven =
      mmluMedicalEnv.source.kind === 'huggingface' ? mmluMedicalEnv.source.variants[1] : undefined;
    expect(seven?.id).toBe('medical');
    expect(seven?.expectedRows).toBe(1417);
    expect(seven?.label).toMatch(/earlier set/);
  });
});
