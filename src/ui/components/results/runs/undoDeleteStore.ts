// The "Run deleted — Undo" offer outlives the page that deleted the run: deleting navigates to the
// runs overview, which unmounts the run header. A tiny module store keeps the offer for 10 s; the
// overview renders it (UndoDeleteToast).
import { useSyncExternalStore } from 'react';

/** How long the Undo offer shows; the worker keeps the run for 10 min (runAdmin UNDO_GRACE_MS). */
const UNDO_OFFER_MS = 10_000;

export interface DeletedRun {
  id: string;
  name: string;
}

let current: DeletedRun | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function offerUndoDelete(run: DeletedRun): void {
  clearTimeout(timer);
  current = run;
  timer = setTimeout(clearUndoOffer, UNDO_OFFER_MS);
  emit();
}

export function clearUndoOffer(): void {
  clearTimeout(timer);
  timer = undefined;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useUndoOffer(): DeletedRun | null {
  return useSyncExternalStore(subscribe, () => current);
}
