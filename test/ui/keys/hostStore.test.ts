// The hosts the user chose: persisted by origin, nothing secret, corrupt entries approve nothing.
import { describe, expect, it } from 'vitest';
import {
  createHostStore,
  hostUsesKey,
  HOSTS_STORAGE_KEY,
  isHostApproved,
} from '../../../src/ui/keys/hostStore';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  };
}

describe('the host store', () => {
  it('approves presets always, typed origins for this tab only, confirmed origins for good', () => {
    const storage = memoryStorage();
    const store = createHostStore(storage);
    const snap = () => store.getSnapshot();
    expect(isHostApproved(snap(), 'https://api.openai.com')).toBe(true);
    expect(isHostApproved(snap(), 'http://127.0.0.1:9')).toBe(false);
    expect(isHostApproved(snap(), null)).toBe(false);
    store.noteTyped('http://127.0.0.1:9');
    expect(isHostApproved(snap(), 'http://127.0.0.1:9')).toBe(true);
    expect(isHostApproved(createHostStore(storage).getSnapshot(), 'http://127.0.0.1:9')).toBe(
      false,
    );
    store.confirm(['http://127.0.0.1:9']);
    store.noteKeyUse([{ origin: 'http://127.0.0.1:9', usesKey: true }]);
    const reloaded = createHostStore(storage).getSnapshot();
    expect(isHostApproved(reloaded, 'http://127.0.0.1:9')).toBe(true);
    expect(hostUsesKey(reloaded, 'http://127.0.0.1:9')).toBe(true);
    expect(storage.items.get(HOSTS_STORAGE_KEY)).not.toMatch(/key":"|sk-/);
  });

  it('ignores what is not an exact origin, and approves nothing from corrupt storage', () => {
    const store = createHostStore(
      memoryStorage({
        [HOSTS_STORAGE_KEY]: JSON.stringify({
          v: 1,
          hosts: {
            'http://a.example/v1': { confirmed: true },
            'http://b.example': { confirmed: true },
          },
        }),
      }),
    );
    expect(Object.keys(store.getSnapshot().hosts)).toEqual(['http://b.example']);
    store.confirm(['javascript:alert(1)', 'http://c.example/path']);
    expect(Object.keys(store.getSnapshot().hosts)).toEqual(['http://b.example']);
    const corrupt = createHostStore(memoryStorage({ [HOSTS_STORAGE_KEY]: '[' }));
    expect(corrupt.getSnapshot().hosts).toEqual({});
  });
});
