// What must hold before a run's requests go out, and which key each endpoint sends. Hosts the user
// has not chosen are confirmed by name first; then every key the endpoints need is typed. An
// endpoint's key is the key of its origin (keyStore), so endpoints on one host share it and no
// endpoint can ever send another host's key.
import { originOf, truthfulPresetId } from '../../core/endpointOrigin';
import { getPreset } from '../../core/presets';
import type { EndpointConfig } from '../../core/schema/endpoint';
import type { WorkerApi } from '../../worker/workerApi';
import { hostUsesKey, isHostApproved, type HostSnapshot } from './hostStore';
import { keyForUrl, type KeySnapshot } from './keyStore';

/** Which endpoint of a run: the model under test, or a judge by position. */
type KeySlot = 'model' | `judge:${number}`;

export type RunKeys = Parameters<WorkerApi['startRun']>[1];

export interface SlotEndpoint {
  slot: KeySlot;
  label: string;
  endpoint: EndpointConfig;
}

/** Endpoints on one origin (the unit keys and confirmations apply to). */
export interface HostGroup {
  origin: string;
  endpoints: SlotEndpoint[];
}

export interface MissingKey extends HostGroup {
  /** A hosted provider's preset: the request cannot work without a key. */
  isRequired: boolean;
}

export interface ResolvedKeys {
  keys: RunKeys;
  /** Hosts to confirm before anything is sent (none of these get a request, with or without key). */
  unapproved: HostGroup[];
  /** Hosts whose key is needed and not held in this tab. */
  missing: MissingKey[];
}

function judgeSlot(index: number): KeySlot {
  return `judge:${index}`;
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

/** The origin a group is keyed on; the raw text when it is not an http(s) URL (never approved). */
export function groupOrigin(baseUrl: string): string {
  return originOf(baseUrl) ?? baseUrl;
}

/** Endpoints grouped by origin, in order of first appearance. */
export function groupByOrigin(entries: readonly SlotEndpoint[]): HostGroup[] {
  const groups: HostGroup[] = [];
  for (const entry of entries) {
    const origin = groupOrigin(entry.endpoint.baseUrl);
    const group = groups.find((candidate) => candidate.origin === origin);
    if (group === undefined) groups.push({ origin, endpoints: [entry] });
    else group.endpoints.push(entry);
  }
  return groups;
}

/** A hosted provider's preset on its own origin: requests there cannot work without a key. */
export function requiresKey(endpoint: EndpointConfig): boolean {
  const presetId = truthfulPresetId(endpoint.presetId, endpoint.baseUrl);
  return getPreset(presetId)?.requiresKey ?? false;
}

/** A key is needed when the provider needs one, or when earlier requests to that host carried one. */
function needsKey(endpoint: EndpointConfig, hosts: HostSnapshot): boolean {
  return requiresKey(endpoint) || hostUsesKey(hosts, originOf(endpoint.baseUrl)) === true;
}

export interface RunEndpoints {
  model: EndpointConfig;
  judges: readonly EndpointConfig[];
  /** A re-score whose responses all exist never calls the model: no key, no host check for it. */
  isModelKeyOptional?: boolean;
}

export function resolveRunKeys(
  settings: RunEndpoints,
  keys: KeySnapshot,
  hosts: HostSnapshot,
): ResolvedKeys {
  const slots = slotEndpoints(settings);
  const contacted = slots.filter(
    (entry) => !(entry.slot === 'model' && settings.isModelKeyOptional === true),
  );
  const keyOf = (entry: SlotEndpoint) => keyForUrl(keys, entry.endpoint.baseUrl);
  const unapproved = groupByOrigin(contacted).filter(
    (group) => !isHostApproved(hosts, originOf(group.endpoints[0]?.endpoint.baseUrl ?? '')),
  );
  const missing = groupByOrigin(
    contacted.filter((entry) => keyOf(entry) === '' && needsKey(entry.endpoint, hosts)),
  ).map((group) => ({
    ...group,
    isRequired: group.endpoints.some((entry) => requiresKey(entry.endpoint)),
  }));
  // Only the keys of the hosts this action contacts cross to the worker, each under its origin.
  const runKeys: Record<string, string> = {};
  for (const entry of contacted) {
    const origin = originOf(entry.endpoint.baseUrl);
    const key = keyOf(entry);
    if (origin !== null && key !== '') runKeys[origin] = key;
  }
  return { keys: runKeys, unapproved, missing };
}
