// Tests wait on conditions, never on fixed sleeps (issue 11): a sleep long enough on an idle
// machine is too short on a loaded one, and one long enough there makes a missing behaviour pass.

/**
 * Polls `condition` until it holds. The deadline only turns a hang into a readable failure; it is
 * generous because these 2-core machines are shared (the suite must pass beside busy processes).
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A promise and its resolver, for tests that decide when a step may finish. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * Settles once every callback already queued has run, including the I/O callbacks of this turn
 * of the event loop: for checking that something happened synchronously on a signal, with no
 * timer involved.
 */
export function afterPendingCallbacks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
