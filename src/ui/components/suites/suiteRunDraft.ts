// The suite-run form's state as typed, and its check into a worker request (zod at the edge).
import type { Suite } from '../../../core/suites/suite';
import { SuiteRunOptionsSchema, type SuiteRunOptions } from '../../../core/suites/suiteRun';
import type { EndpointConfig } from '../../../core/schema/endpoint';
import { checkEndpoint, draftFromPreset, type EndpointDraft } from '../run/endpointDraft';

export interface SuiteRunDraft {
  model: EndpointDraft;
  /** Subset mode: run only the first `perEntry` examples of each entry. */
  isSubset: boolean;
  perEntry: string;
  concurrency: string;
  maxAttempts: string;
}

export function defaultSuiteRunDraft(): SuiteRunDraft {
  return {
    model: { ...draftFromPreset('openai'), model: '' },
    isSubset: true,
    perEntry: '5',
    concurrency: '16',
    maxAttempts: '5',
  };
}

export interface SuiteRunCheck {
  request: { model: EndpointConfig; options: SuiteRunOptions } | null;
  problems: string[];
}

export function checkSuiteRunDraft(draft: SuiteRunDraft): SuiteRunCheck {
  const model = checkEndpoint(draft.model);
  const parsed = SuiteRunOptionsSchema.safeParse({
    examplesPerEntry: draft.isSubset ? Number(draft.perEntry) : null,
    concurrency: Number(draft.concurrency),
    maxAttempts: Number(draft.maxAttempts),
    useCache: true,
  });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!model.ok || !parsed.success) return { request: null, problems };
  return { request: { model: model.config, options: parsed.data }, problems };
}

export function suiteRunName(
  suite: Suite,
  model: EndpointConfig,
  options: SuiteRunOptions,
): string {
  const subset =
    options.examplesPerEntry === null ? '' : ` (first ${options.examplesPerEntry} per entry)`;
  return `${model.model} on ${suite.label}${subset}`;
}
