// Teardown shared by the tests that start loopback servers and pages: close every one, even after
// one fails to, so a failing close never leaves the others holding their ports.

/** A loopback server of test/support (mock OpenAI, GitHub or Hugging Face imitation), a page, … */
export interface Closable {
  close(): Promise<void>;
}

/** Closes each in order; then throws the first failure (a page's CSP violations, say), if any. */
export async function closeAll(resources: readonly Closable[]): Promise<void> {
  const failures: unknown[] = [];
  for (const resource of resources) {
    try {
      await resource.close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'Closing after the test failed');
}
