// Owns which suite entry a run answers, if any. A run a suite created names its entry; another native
// run lands in an entry when it ran the same benchmark, dataset variant and settings the entry
// resolves to; an imported verifiers run lands by its metadata's env id (`env_id`, or `env` in older
// releases) and env args. Pure.
import { isRecord } from '../results/values';
import type { RunRecord } from '../schema/run';
import { medarcEnvId } from './medarcEnvIds';
import type { EntryResolution } from './resolveEntry';
import type { SuiteEntry } from './suite';

export interface ResolvedEntry {
  entry: SuiteEntry;
  resolution: EntryResolution;
}

/** JSON with keys sorted at every level, so two argument tables compare by content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value === undefined ? null : value);
}

/** The env id and env args an imported verifiers run states in its metadata.json, if any. */
function importedEnv(run: RunRecord): { envId: string; envArgs: unknown } | null {
  const meta = run.importedMetadata;
  if (!isRecord(meta) || !isRecord(meta.raw)) return null;
  const raw = meta.raw;
  const envId = typeof raw.env_id === 'string' ? raw.env_id : raw.env;
  if (typeof envId !== 'string' || envId === '') return null;
  return { envId, envArgs: isRecord(raw.env_args) ? raw.env_args : {} };
}

function variantOf(run: RunRecord): string | null {
  // benchmarkDatasetId: `hf:<env>/<variant>@<revision>`.
  const match = /^hf:[^/]+\/([^@]+)@/.exec(run.dataset.id);
  return match?.[1] ?? null;
}

function nativeMatches(run: RunRecord, resolution: EntryResolution): boolean {
  if (resolution.state !== 'ready') return false;
  if (run.settings.envId !== resolution.env.id) return false;
  if (variantOf(run) !== resolution.variantId) return false;
  const parsed = resolution.env.settings.schema.safeParse({
    ...resolution.env.settings.defaults,
    ...run.settings.envSettings,
  });
  return parsed.success && canonicalJson(parsed.data) === canonicalJson(resolution.envSettings);
}

/** The key of the entry `run` answers, or null. `suiteEntryKey` is what a suite run recorded. */
export function placeRun(
  run: RunRecord,
  entries: readonly ResolvedEntry[],
  suiteEntryKey?: string,
): string | null {
  if (suiteEntryKey !== undefined) {
    return entries.some(({ entry }) => entry.key === suiteEntryKey) ? suiteEntryKey : null;
  }
  const imported = run.origin === 'imported' ? importedEnv(run) : null;
  if (imported !== null) {
    const args = canonicalJson(imported.envArgs);
    const found = entries.find(
      ({ entry }) =>
        (entry.envId === imported.envId || entry.envId === medarcEnvId(imported.envId)) &&
        canonicalJson(entry.envArgs) === args,
    );
    return found?.entry.key ?? null;
  }
  return entries.find(({ resolution }) => nativeMatches(run, resolution))?.entry.key ?? null;
}
