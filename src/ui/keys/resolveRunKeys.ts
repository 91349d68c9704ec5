// Which key each endpoint of a run uses, and which are missing. A slot without its own key borrows
// the key of another endpoint of the same run on the same base URL (one OpenAI key for the model and
// its gpt-4o-mini judge is the common case).
import { getPreset } from '../../core/presets';
import type { EndpointConfig } from '../../core/schema/endpoint';
import type { WorkerApi } from '../../worker/workerApi';
import { judgeSlot, type KeySlot } from './keyStore';

export type RunKeys = Parameters<WorkerApi['startRun']>[1];

export interface SlotEndpoint {
  slot: KeySlot;
  label: string;
  endpoint: EndpointConfig;
}

export interface ResolvedKeys {
  keys: RunKeys;
  /** Endpoints whose provider needs a key and that have none. */
  missing: SlotEndpoint[];
  /** Slots using another slot's key, and whose. */
  borrowed: Map<KeySlot, KeySlot>;
}

export function slotEndpoints(settings: {
  model: EndpointConfig;
  judges: readonly EndpointConfig[];
}): SlotEndpoint[] {
  return [
    { slot: 'model', label: 'Model under test', endpoint: settings.model },
    ...settings.judges.map((endpoint, index) => ({
      slot: judgeSlot(index),
      label: `Judge ${index + 1}`,
      endpoint,
    })),
  ];
}

export function requiresKey(endpoint: EndpointConfig): boolean {
  return getPreset(endpoint.presetId)?.requiresKey ?? false;
}

function sameBaseUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/** For slots without their own key: the slot on the same base URL whose key they use. */
export function keyDonors(
  entries: readonly { slot: KeySlot; baseUrl: string }[],
  keys: Readonly<Record<string, string>>,
): Map<KeySlot, KeySlot> {
  const own = (slot: KeySlot) => (keys[slot] ?? '').trim();
  const donors = new Map<KeySlot, KeySlot>();
  for (const entry of entries) {
    if (own(entry.slot) !== '') continue;
    const donor = entries.find(
      (other) =>
        other.slot !== entry.slot &&
        own(other.slot) !== '' &&
        sameBaseUrl(other.baseUrl, entry.baseUrl),
    );
    if (donor !== undefined) donors.set(entry.slot, donor.slot);
  }
  return donors;
}

export interface RunEndpoints {
  model: EndpointConfig;
  judges: readonly EndpointConfig[];
  /** A re-score whose responses all exist never calls the model: its key is not needed. */
  isModelKeyOptional?: boolean;
}

export function resolveRunKeys(
  settings: RunEndpoints,
  keys: Readonly<Record<string, string>>,
): ResolvedKeys {
  const slots = slotEndpoints(settings);
  const borrowed = keyDonors(
    slots.map((entry) => ({ slot: entry.slot, baseUrl: entry.endpoint.baseUrl })),
    keys,
  );
  const missing: SlotEndpoint[] = [];
  const keyFor = (entry: SlotEndpoint): string => {
    const key = (keys[borrowed.get(entry.slot) ?? entry.slot] ?? '').trim();
    const isOptional = entry.slot === 'model' && settings.isModelKeyOptional === true;
    if (key === '' && requiresKey(entry.endpoint) && !isOptional) missing.push(entry);
    return key;
  };
  const [model, ...judges] = slots.map(keyFor);
  return { keys: { model: model ?? '', judges }, missing, borrowed };
}
