// Turns a record of SCT-Public's `sct_cleaned_full.csv` into an example as MedARC's `load_environment`
// does: rows where pandas reads the scenario, hypothesis or additional information as missing are
// dropped (`dropna`), the panel's scores are the five columns -2 … 2, and the gold rating (shown, not
// scored) is the first highest. The prompt templates come from the same commit. Pure.
import type { RowContext, RowOutcome } from '../types';
import { isPandasMissing } from './readPandasCsv';
import { SCT_RATINGS, SctTemplatesSchema, type SctPayload } from './payload';

export const SCT_TEMPLATE_FILES = {
  guideline: 'guideline.md',
  testcase: 'testcase.md',
  examples: SCT_RATINGS.map((rating) => `example_${rating}.md`),
} as const;

const FLOAT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const SCORE_COLUMNS = ['-2', '-1', '0', '1', '2'];

function templatesOf(extras: RowContext['extras']) {
  return SctTemplatesSchema.safeParse({
    guideline: extras[SCT_TEMPLATE_FILES.guideline],
    testcase: extras[SCT_TEMPLATE_FILES.testcase],
    examples: SCT_TEMPLATE_FILES.examples.map((name) => extras[name]),
  });
}

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const text = (name: string) => (typeof row[name] === 'string' ? row[name] : undefined);
  const scenario = text('sct_stem');
  const hypothesis = text('question');
  const additional = text('additional_info');
  if (isPandasMissing(scenario) || isPandasMissing(hypothesis) || isPandasMissing(additional)) {
    return { skip: 'scenario, hypothesis or additional information missing (dropna)' };
  }
  const cells = SCORE_COLUMNS.map((name) => text(name) ?? '');
  if (!cells.every((cell) => FLOAT.test(cell))) {
    return { skip: 'a panel score is not a number (MedARC would fail on it)' };
  }
  const templates = templatesOf(ctx.extras);
  if (!templates.success) return { skip: 'the prompt templates are missing' };
  const distribution = cells.map(Number);
  const best = Math.max(...distribution);
  const gold = SCT_RATINGS[distribution.indexOf(best)] ?? '';
  const payload: SctPayload = {
    scenario: scenario ?? '',
    hypothesis: hypothesis ?? '',
    additional: additional ?? '',
    distribution,
    templates: templates.data,
  };
  return {
    example: {
      id: text('question_id') ?? String(ctx.rowIndex),
      group: text('source') ?? null,
      question: `${payload.hypothesis} — ${payload.additional}`,
      answer: `${gold} (panel: ${distribution.join(', ')})`,
      payload,
    },
  };
}
