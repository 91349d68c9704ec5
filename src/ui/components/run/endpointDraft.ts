// An endpoint as the form holds it (strings, as typed) and its conversion to an EndpointConfig, which
// EndpointConfigSchema validates: the form never holds a half-parsed config.
import {
  automaticHeaders,
  endpointFromPreset,
  getPreset,
  type PresetId,
} from '../../../core/presets';
import { truthfulPresetId } from '../../../core/endpointOrigin';
import { EndpointConfigSchema, type EndpointConfig } from '../../../core/schema/endpoint';

export interface EndpointDraft {
  presetId: string;
  baseUrl: string;
  model: string;
  temperature: string;
  maxTokens: string;
  topP: string;
  seed: string;
  extraJson: string;
  stripSdkHeaders: boolean;
}

export type EndpointCheck =
  | { ok: true; config: EndpointConfig }
  | { ok: false; problems: string[]; extraProblem: string | null };

/**
 * A form endpoint from a stored config (a run, a link, an import). A hosted provider's preset on some
 * other host reads as custom: a link must not make an attacker's URL look like "OpenAI" (issue 10).
 */
export function draftFromConfig(config: EndpointConfig): EndpointDraft {
  const { temperature, max_tokens, top_p, seed, extra } = config.sampling;
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    presetId: truthfulPresetId(config.presetId, config.baseUrl),
    baseUrl: config.baseUrl,
    model: config.model,
    temperature: text(temperature),
    maxTokens: text(max_tokens),
    topP: text(top_p),
    seed: text(seed),
    extraJson: Object.keys(extra).length === 0 ? '' : JSON.stringify(extra, null, 2),
    stripSdkHeaders: config.stripSdkHeaders,
  };
}

export function draftFromPreset(id: PresetId): EndpointDraft {
  return draftFromConfig(endpointFromPreset(id));
}

/** Switching provider: its base URL and header default; its suggested model unless one was typed. */
export function withPreset(draft: EndpointDraft, presetId: string): EndpointDraft {
  const previous = getPreset(draft.presetId);
  const next = getPreset(presetId);
  if (next === undefined) return draft;
  const modelWasDefault = draft.model === '' || draft.model === previous?.defaultModel;
  return {
    ...draft,
    presetId,
    baseUrl: next.baseUrl,
    model: modelWasDefault ? next.defaultModel : draft.model,
    stripSdkHeaders: next.stripSdkHeaders,
  };
}

/** A base URL typed in: a hosted provider's preset stops claiming a host it no longer points at. */
export function withBaseUrl(draft: EndpointDraft, baseUrl: string): EndpointDraft {
  return { ...draft, baseUrl, presetId: truthfulPresetId(draft.presetId, baseUrl) };
}

/** The extra body JSON: empty means none; otherwise it must be one JSON object. */
export function parseExtraJson(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'must be a JSON object, like {"reasoning_effort": "low"}' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function numberOrUndefined(text: string, label: string, problems: string[]): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) problems.push(`${label}: must be a number`);
  return value;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

export function checkEndpoint(draft: EndpointDraft): EndpointCheck {
  const problems: string[] = [];
  const extra = parseExtraJson(draft.extraJson);
  const preset = getPreset(draft.presetId);
  const headers = { ...preset?.headers, ...automaticHeaders(draft.baseUrl) };
  const candidate = {
    presetId: draft.presetId,
    baseUrl: draft.baseUrl,
    model: draft.model,
    // Unset fields are left out, not stored as undefined: the run records exactly what is sent.
    sampling: withoutUndefined({
      temperature: numberOrUndefined(draft.temperature, 'temperature', problems),
      max_tokens: numberOrUndefined(draft.maxTokens, 'max tokens', problems),
      top_p: numberOrUndefined(draft.topP, 'top_p', problems),
      seed: numberOrUndefined(draft.seed, 'seed', problems),
      extra: extra.ok ? extra.value : {},
    }),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    stripSdkHeaders: draft.stripSdkHeaders,
  };
  const parsed = EndpointConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || 'endpoint'}: ${issue.message}`);
    }
  }
  const extraProblem = extra.ok ? null : extra.problem;
  if (!parsed.success || problems.length > 0 || extraProblem !== null) {
    return { ok: false, problems: [...new Set(problems)], extraProblem };
  }
  return { ok: true, config: parsed.data };
}

/** A config good enough to list models with, even before a model is chosen. */
export function configForListing(draft: EndpointDraft): EndpointConfig | null {
  const check = checkEndpoint({ ...draft, model: draft.model || 'list-models' });
  return check.ok ? check.config : null;
}
