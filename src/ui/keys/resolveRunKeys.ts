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

export function resolveRunKeys(
  settings: { model: EndpointConfig; judges: readonly EndpointConfig[] },
  keys: Readonly<Record<string, string>>,
): ResolvedKeys {
  const slots = slotEndpoints(settings);
  const own = (slot: KeySlot) => (keys[slot] ?? '').trim();
  const borrowed = new Map<KeySlot, KeySlot>();
  const missing: SlotEndpoint[] = [];
  const keyFor = (entry: SlotEndpoint): string => {
    if (own(entry.slot) !== '') return own(entry.slot);
    const donor = slots.find(
      (other) =>
        other.slot !== entry.slot &&
        own(other.slot) !== '' &&
        sameBaseUrl(other.endpoint.baseUrl, entry.endpoint.baseUrl),
    );
    if (donor !== undefined) {
      borrowed.set(entry.slot, donor.slot);
      return own(donor.slot);
    }
    if (requiresKey(entry.endpoint)) missing.push(entry);
    return '';
  };
  const [model, ...judges] = slots.map(keyFor);
  return { keys: { model: model ?? '', judges }, missing, borrowed };
}
