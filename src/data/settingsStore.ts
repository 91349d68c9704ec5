// User settings persisted on this device. Values are re-validated on read: a row written by an older
// version, or edited by hand, falls back to defaults field by field instead of breaking the app.
import {
  DEFAULT_SOURCE_SETTINGS,
  SourceSettingsSchema,
  type SourceSettings,
} from '../core/schema/sourceSettings';
import { z } from '../core/zod';
import type { MedevalDb } from './db';

const SOURCE_KEY = 'source';

export function parseStoredSourceSettings(value: unknown): SourceSettings {
  const parsed = SourceSettingsSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  if (typeof value !== 'object' || value === null) return DEFAULT_SOURCE_SETTINGS;
  // Keep every field that is still valid; reset only the broken ones.
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const one = SourceSettingsSchema.partial().safeParse({ [key]: field });
    if (one.success) kept[key] = field;
  }
  return SourceSettingsSchema.parse(kept);
}

export async function readSourceSettings(db: MedevalDb): Promise<SourceSettings> {
  const row = await db.settings.get(SOURCE_KEY);
  return parseStoredSourceSettings(row?.value);
}

export async function saveSourceSettings(db: MedevalDb, settings: SourceSettings): Promise<void> {
  await db.settings.put({ key: SOURCE_KEY, value: SourceSettingsSchema.parse(settings) });
}

const PROTOCOLS_KEY = 'endpointProtocols';
const ProtocolsSchema = z.record(z.string(), z.string());

/** The protocol each endpoint origin was last seen speaking (issue 14: the run form's notice). */
export async function readEndpointProtocols(db: MedevalDb): Promise<Record<string, string>> {
  const row = await db.settings.get(PROTOCOLS_KEY);
  const parsed = ProtocolsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

export async function saveEndpointProtocol(
  db: MedevalDb,
  origin: string,
  protocol: string,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const known = await readEndpointProtocols(db);
    if (known[origin] === protocol) return;
    await db.settings.put({ key: PROTOCOLS_KEY, value: { ...known, [origin]: protocol } });
  });
}
