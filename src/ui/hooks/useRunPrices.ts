import { useSyncExternalStore } from 'react';
import { z } from '../../core/zod';
import { PRICE_HINTS, type PriceHint } from '../../core/presets';

// Per-model prices (USD per 1M tokens) for estimates: the presets' hints, overridden by what the user
// typed, which is kept in localStorage (prices are not secret and outlive a tab).

const PRICES_STORAGE_KEY = 'medeval.prices.v1';

const PriceSchema = z.object({
  inputPerM: z.number().nonnegative(),
  outputPerM: z.number().nonnegative(),
});
const StoredPricesSchema = z.record(z.string(), PriceSchema);

function readOverrides(): Record<string, PriceHint> {
  try {
    const raw = localStorage.getItem(PRICES_STORAGE_KEY);
    if (raw === null) return {};
    const parsed = StoredPricesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    // Unreadable or disabled storage: fall back to the built-in hints.
    return {};
  }
}

let overrides = readOverrides();
let table: Readonly<Record<string, PriceHint>> = { ...PRICE_HINTS, ...overrides };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets (or with null, removes) the user's price for a model id. */
export function setModelPrice(model: string, price: PriceHint | null): void {
  const others = Object.entries(overrides).filter(([id]) => id !== model);
  overrides = Object.fromEntries(price === null ? others : [...others, [model, price]]);
  table = { ...PRICE_HINTS, ...overrides };
  try {
    localStorage.setItem(PRICES_STORAGE_KEY, JSON.stringify(overrides));
  } catch (error) {
    // The price still applies for this tab; only remembering it failed.
    console.warn('Could not save prices', error);
  }
  for (const listener of listeners) listener();
}

/** Price hints with the user's overrides on top. */
export function useRunPrices(): Readonly<Record<string, PriceHint>> {
  return useSyncExternalStore(subscribe, () => table);
}
