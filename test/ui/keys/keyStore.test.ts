// Keys belong to the origin they were typed for (issue 10); version 1's slot-keyed keys are never
// rebound to a host on their own.
import { describe, expect, it } from 'vitest';
import {
  createKeyStore,
  keyForUrl,
  KEYS_STORAGE_KEY,
  LEGACY_KEYS_STORAGE_KEY,
} from '../../../src/ui/keys/keyStore';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  };
}

const OPENAI = 'https://api.openai.com';
const LOCAL = 'http://127.0.0.1:8080';

describe('the key store', () => {
  it('binds a key to its exact origin: another scheme, host or port gets nothing', () => {
    const store = createKeyStore(memoryStorage());
    store.setKey(LOCAL, 'sk-local-000000');
    const snap = store.getSnapshot();
    expect(keyForUrl(snap, 'http://127.0.0.1:8080/v1')).toBe('sk-local-000000');
    expect(keyForUrl(snap, 'http://127.0.0.1:8080')).toBe('sk-local-000000');
    expect(keyForUrl(snap, 'https://127.0.0.1:8080/v1')).toBe('');
    expect(keyForUrl(snap, 'http://127.0.0.1:8081/v1')).toBe('');
    expect(keyForUrl(snap, 'http://localhost:8080/v1')).toBe('');
    expect(keyForUrl(snap, 'http://127.0.0.1:8080.attacker.example/v1')).toBe('');
    expect(keyForUrl(snap, 'not a url')).toBe('');
  });

  it('treats default ports and host case as the same origin', () => {
    const store = createKeyStore(memoryStorage());
    store.setKey(OPENAI, 'sk-proj-abcdef');
    expect(keyForUrl(store.getSnapshot(), 'https://API.OpenAI.com:443/v1')).toBe('sk-proj-abcdef');
  });

  it('refuses anything but an exact origin as a key name', () => {
    const store = createKeyStore(memoryStorage());
    store.setKey('https://api.openai.com/v1', 'a');
    store.setKey('model', 'b');
    store.setKey('javascript:alert(1)', 'c');
    expect(store.getSnapshot().keys).toEqual({});
  });

  it('writes only remembered keys, by origin, and reads them back', () => {
    const storage = memoryStorage();
    const store = createKeyStore(storage);
    store.setKey(OPENAI, 'sk-proj-remember');
    store.setKey(LOCAL, 'sk-memory-only');
    expect(storage.items.has(KEYS_STORAGE_KEY)).toBe(false);
    store.setRemembered(OPENAI, true);
    expect(JSON.parse(storage.items.get(KEYS_STORAGE_KEY) ?? '')).toEqual({
      v: 2,
      keys: { [OPENAI]: 'sk-proj-remember' },
    });
    const reloaded = createKeyStore(storage).getSnapshot();
    expect(reloaded.keys).toEqual({ [OPENAI]: 'sk-proj-remember' });
    expect([...reloaded.remembered]).toEqual([OPENAI]);
    store.setRemembered(OPENAI, false);
    expect(storage.items.has(KEYS_STORAGE_KEY)).toBe(false);
  });

  it('drops stored entries that are not exact origins, and survives corrupt storage', () => {
    const storage = memoryStorage({
      [KEYS_STORAGE_KEY]: JSON.stringify({
        v: 2,
        keys: { [OPENAI]: 'sk-ok', model: 'sk-slot', 'https://x.example/v1': 'sk-path' },
      }),
    });
    expect(createKeyStore(storage).getSnapshot().keys).toEqual({ [OPENAI]: 'sk-ok' });
    const corrupt = memoryStorage({ [KEYS_STORAGE_KEY]: '{not json' });
    expect(createKeyStore(corrupt).getSnapshot().keys).toEqual({});
  });

  it('never binds a version-1 key (kept per form slot) to a host by itself', () => {
    const storage = memoryStorage({
      [LEGACY_KEYS_STORAGE_KEY]: JSON.stringify({
        model: 'sk-old-model',
        'judge:0': 'sk-old-judge',
      }),
    });
    const store = createKeyStore(storage);
    const snap = store.getSnapshot();
    expect(snap.keys).toEqual({});
    expect(snap.unbound).toEqual([
      { slot: 'model', key: 'sk-old-model' },
      { slot: 'judge:0', key: 'sk-old-judge' },
    ]);
    // Still remembered where version 1 put them until the user decides.
    store.setKey(LOCAL, 'typed');
    expect(storage.items.has(LEGACY_KEYS_STORAGE_KEY)).toBe(true);

    store.bindUnbound('model', OPENAI);
    const bound = store.getSnapshot();
    expect(bound.keys[OPENAI]).toBe('sk-old-model');
    expect(bound.remembered.has(OPENAI)).toBe(true);
    expect(bound.unbound).toEqual([{ slot: 'judge:0', key: 'sk-old-judge' }]);
    expect(JSON.parse(storage.items.get(KEYS_STORAGE_KEY) ?? '')).toEqual({
      v: 2,
      keys: { [OPENAI]: 'sk-old-model' },
    });

    store.forgetUnbound('judge:0');
    expect(store.getSnapshot().unbound).toEqual([]);
    expect(storage.items.has(LEGACY_KEYS_STORAGE_KEY)).toBe(false);
  });

  it('forgets everything at once, old keys included', () => {
    const storage = memoryStorage({
      [LEGACY_KEYS_STORAGE_KEY]: JSON.stringify({ model: 'sk-old' }),
    });
    const store = createKeyStore(storage);
    store.setKey(OPENAI, 'sk-new');
    store.setRemembered(OPENAI, true);
    store.forgetAll();
    expect(store.getSnapshot()).toEqual({ keys: {}, remembered: new Set(), unbound: [] });
    expect([...storage.items.keys()]).toEqual([]);
  });

  it('keeps a Hugging Face token like any other key, bound to the Hub', () => {
    const store = createKeyStore(memoryStorage());
    store.setKey('https://huggingface.co', 'hf_abcdefghijklmnop');
    expect(keyForUrl(store.getSnapshot(), 'https://huggingface.co/api/datasets/x')).toBe(
      'hf_abcdefghijklmnop',
    );
    expect(keyForUrl(store.getSnapshot(), 'https://datasets-server.huggingface.co')).toBe('');
  });
});
