import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_SETTINGS } from '../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../src/data/db';
import {
  parseStoredSourceSettings,
  readSourceSettings,
  saveSourceSettings,
} from '../../src/data/settingsStore';

let db: MedevalDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('settingsStore', () => {
  it('returns defaults when nothing is stored, and round-trips saved settings', async () => {
    db = openDb(`settings-${crypto.randomUUID()}`);
    expect(await readSourceSettings(db)).toEqual(DEFAULT_SOURCE_SETTINGS);
    const custom = { ...DEFAULT_SOURCE_SETTINGS, rawBase: 'http://127.0.0.1:1/raw' };
    await saveSourceSettings(db, custom);
    expect(await readSourceSettings(db)).toEqual(custom);
  });

  it('keeps the valid fields of a damaged row and resets only the broken ones', () => {
    const parsed = parseStoredSourceSettings({
      rawBase: 'not a url',
      mirrorBase: 'https://m.example',
    });
    expect(parsed.rawBase).toBe(DEFAULT_SOURCE_SETTINGS.rawBase);
    expect(parsed.mirrorBase).toBe('https://m.example');
    expect(parseStoredSourceSettings('garbage')).toEqual(DEFAULT_SOURCE_SETTINGS);
  });
});
