import { useCallback, useEffect, useRef, useState } from 'react';
import { createAutosaver, type Autosaver, type AutosaveStatus } from '../../../../core/autosaver';

export interface AutosaveControls<T> {
  status: AutosaveStatus;
  update: (value: T) => void;
  /** Saves now (on blur). */
  flush: () => void;
  retry: () => void;
}

/**
 * Saves a value as it is typed (createAutosaver): debounced, and flushed at once when the page is
 * hidden or left (`pagehide`, `visibilitychange`) and when the component unmounts, so closing the
 * panel or the tab within the debounce loses nothing. `save` may change between renders.
 */
export function useAutosave<T>(
  save: (value: T) => Promise<void>,
  delayMs = 400,
): AutosaveControls<T> {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const saveRef = useRef(save);
  const saverRef = useRef<Autosaver<T> | null>(null);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const saver = createAutosaver<T>({
      save: (value) => saveRef.current(value),
      delayMs,
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
      onStatus: setStatus,
    });
    saverRef.current = saver;
    const flushNow = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      // The flush takes the waiting value before dispose drops it: that save still happens.
      flushNow();
      saver.dispose();
      saverRef.current = null;
    };
  }, [delayMs]);
  return {
    status,
    update: useCallback((value: T) => saverRef.current?.update(value), []),
    flush: useCallback(() => void saverRef.current?.flush(), []),
    retry: useCallback(() => void saverRef.current?.retry(), []),
  };
}
