// Provider presets: where each OpenAI-compatible endpoint lives and what a browser needs to reach it.
// CORS facts come from the spec (browser-platform.md §2): strip the SDK's x-stainless-* headers for
// every non-OpenAI base URL, add Anthropic's browser header automatically, and explain how to open
// local servers to this page's origin.
import type { EndpointConfig } from './schema/endpoint';
import { hostOf } from './hostOf';

export type PresetId =
  | 'openai'
  | 'openrouter'
  | 'together'
  | 'groq'
  | 'mistral'
  | 'gemini'
  | 'anthropic'
  | 'ollama'
  | 'lmstudio'
  | 'vllm'
  | 'custom';

export interface ProviderPreset {
  id: PresetId;
  label: string;
  /** Empty for `custom`: the user types it. */
  baseUrl: string;
  /** A suggestion only; empty where the model depends on what the user's server loaded. */
  defaultModel: string;
  stripSdkHeaders: boolean;
  /** Extra non-secret headers every request to this provider needs. */
  headers: Record<string, string>;
  requiresKey: boolean;
  /** Where to create a key, when the provider has a page for it. */
  keyUrl?: string;
  /** How to let this page call the endpoint; `{origin}` stands for this page's origin (see corsHelpFor). */
  corsHelp: string;
}

const ORIGIN_SLOT = '{origin}';

const ANTHROPIC_BROWSER_HEADER = 'anthropic-dangerous-direct-browser-access';

export const PRESETS: readonly ProviderPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    stripSdkHeaders: false,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://platform.openai.com/api-keys',
    corsHelp:
      'OpenAI accepts browser requests; a failure here is usually the network or an extension.',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4o-mini',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://openrouter.ai/settings/keys',
    corsHelp:
      'OpenRouter accepts browser requests; check the base URL (https://openrouter.ai/api/v1).',
  },
  {
    id: 'together',
    label: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://api.together.ai/settings/api-keys',
    corsHelp: 'Together accepts browser requests; keep “strip SDK headers” on.',
  },
  {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.3-70b-versatile',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://console.groq.com/keys',
    corsHelp:
      'Browser access to Groq is unverified. Keep “strip SDK headers” on; if it still fails, reach the same model through OpenRouter.',
  },
  {
    id: 'mistral',
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://console.mistral.ai/api-keys',
    corsHelp:
      'Mistral’s preflight rejects the SDK’s x-stainless-* headers: keep “strip SDK headers” on.',
  },
  {
    id: 'gemini',
    label: 'Google Gemini (OpenAI-compatible)',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    defaultModel: 'gemini-2.5-flash',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: true,
    keyUrl: 'https://aistudio.google.com/apikey',
    corsHelp:
      'Gemini’s preflight fails while SDK headers are present: keep “strip SDK headers” on.',
  },
  {
    id: 'anthropic',
    label: 'Anthropic (OpenAI-compatible)',
    baseUrl: 'https://api.anthropic.com/v1',
    defaultModel: 'claude-sonnet-4-5',
    stripSdkHeaders: true,
    headers: { [ANTHROPIC_BROWSER_HEADER]: 'true' },
    requiresKey: true,
    keyUrl: 'https://console.anthropic.com/settings/keys',
    corsHelp: `Anthropic answers browser requests only with the header “${ANTHROPIC_BROWSER_HEADER}: true” (added automatically). Keys of multi-workspace organisations may also need an anthropic-workspace-id header.`,
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'llama3.2',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: false,
    corsHelp: `Ollama refuses other origins by default. Start it with OLLAMA_ORIGINS=${ORIGIN_SLOT} (for example “OLLAMA_ORIGINS=${ORIGIN_SLOT} ollama serve”, or set it in the service environment) and restart Ollama. Chrome may also ask to allow access to devices on your local network.`,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    defaultModel: '',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: false,
    corsHelp:
      'LM Studio refuses browser requests by default: run “lms server start --cors” or turn on “Enable CORS” in the Developer tab, then use “List models” to pick the loaded model.',
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    defaultModel: '',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: false,
    corsHelp: `vLLM allows all origins unless started with --allowed-origins; if it was, add ${ORIGIN_SLOT} (for example --allowed-origins '["${ORIGIN_SLOT}"]').`,
  },
  {
    id: 'custom',
    label: 'Custom (OpenAI-compatible)',
    baseUrl: '',
    defaultModel: '',
    stripSdkHeaders: true,
    headers: {},
    requiresKey: false,
    corsHelp: `The server must allow requests from ${ORIGIN_SLOT} (Access-Control-Allow-Origin) and the Authorization and Content-Type headers in its preflight.`,
  },
];

export function getPreset(id: string): ProviderPreset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The preset's CORS advice with this page's origin filled in. */
export function corsHelpFor(preset: ProviderPreset, origin: string): string {
  return preset.corsHelp.split(ORIGIN_SLOT).join(origin);
}

/** The spec's practical rule: only OpenAI's own API is known to allow the SDK's telemetry headers. */
export function defaultStripSdkHeaders(baseUrl: string): boolean {
  return hostOf(baseUrl) !== 'api.openai.com';
}

/** Headers a base URL needs whatever preset was chosen (a "custom" endpoint pointing at Anthropic too). */
export function automaticHeaders(baseUrl: string): Record<string, string> {
  return hostOf(baseUrl) === 'api.anthropic.com' ? { [ANTHROPIC_BROWSER_HEADER]: 'true' } : {};
}

/** A fresh endpoint config from a preset (the model may still be empty: the user must choose one). */
export function endpointFromPreset(id: PresetId): EndpointConfig {
  const preset = getPreset(id);
  if (preset === undefined) throw new Error(`No preset ${id}`);
  return {
    presetId: preset.id,
    baseUrl: preset.baseUrl,
    model: preset.defaultModel,
    sampling: { extra: {} },
    ...(Object.keys(preset.headers).length > 0 ? { headers: { ...preset.headers } } : {}),
    stripSdkHeaders: preset.stripSdkHeaders,
  };
}

export interface PriceHint {
  /** USD per 1M input tokens. */
  inputPerM: number;
  /** USD per 1M output tokens. */
  outputPerM: number;
}

/**
 * Rough list prices (USD per 1M tokens) for a few well-known models, noted in 2025 from the providers'
 * pricing pages. Editable estimates for the cost preview only: prices change, and providers with
 * real per-request cost (OpenRouter's usage.cost) take precedence.
 */
export const PRICE_HINTS: Readonly<Record<string, PriceHint>> = {
  'gpt-4o-mini': { inputPerM: 0.15, outputPerM: 0.6 },
  'gpt-4o': { inputPerM: 2.5, outputPerM: 10 },
  'gpt-4.1': { inputPerM: 2, outputPerM: 8 },
  'gpt-4.1-mini': { inputPerM: 0.4, outputPerM: 1.6 },
  'gpt-5': { inputPerM: 1.25, outputPerM: 10 },
  'gpt-5-mini': { inputPerM: 0.25, outputPerM: 2 },
  'gpt-5-nano': { inputPerM: 0.05, outputPerM: 0.4 },
  'grok-4.1-fast': { inputPerM: 0.2, outputPerM: 0.5 },
  'claude-sonnet-4-5': { inputPerM: 3, outputPerM: 15 },
  'claude-3-7-sonnet-latest': { inputPerM: 3, outputPerM: 15 },
  'claude-haiku-4-5': { inputPerM: 1, outputPerM: 5 },
  'gemini-2.5-flash': { inputPerM: 0.3, outputPerM: 2.5 },
  'gemini-2.5-pro': { inputPerM: 1.25, outputPerM: 10 },
  'llama-3.3-70b-versatile': { inputPerM: 0.59, outputPerM: 0.79 },
  'meta-llama/Llama-3.3-70B-Instruct-Turbo': { inputPerM: 0.88, outputPerM: 0.88 },
  'mistral-small-latest': { inputPerM: 0.1, outputPerM: 0.3 },
  'mistral-large-latest': { inputPerM: 2, outputPerM: 6 },
};

/** Looks a model up by its id, then without a router prefix (`openai/gpt-5-mini` → `gpt-5-mini`). */
export function priceHintFor(
  model: string,
  hints: Readonly<Record<string, PriceHint>> = PRICE_HINTS,
): PriceHint | undefined {
  const exact = hints[model];
  if (exact !== undefined) return exact;
  const slash = model.lastIndexOf('/');
  return slash === -1 ? undefined : hints[model.slice(slash + 1)];
}

/** Estimated cost of one call from a price hint, or null when the model has none. */
export function estimateCostUsd(
  model: string,
  usage: { inputTokens: number; outputTokens: number },
  hints: Readonly<Record<string, PriceHint>> = PRICE_HINTS,
): number | null {
  const hint = priceHintFor(model, hints);
  if (hint === undefined) return null;
  return (usage.inputTokens * hint.inputPerM + usage.outputTokens * hint.outputPerM) / 1_000_000;
}
