// Owns the order in which "Load all" loads a suite's datasets: one queue per set of hosts a load
// talks to, the queues side by side, each one load at a time. A host that is down (or rate-limiting)
// then costs the lines that need it their retries and nothing else: the Hugging Face lines do not
// wait behind the GitHub ones (issue 15: they waited ~45 s for seven failing GitHub lines), and a
// line that needs both (PubMedQA's test-subset list is on GitHub) waits in a queue of its own. Pure.
import { hostOf } from '../hostOf';
import type { SourceSettings } from '../schema/sourceSettings';
import type { DatasetNeed } from './suitePlan';

type Bases = Pick<SourceSettings, 'hfViewerBase' | 'hfHubBase' | 'rawBase' | 'mirrorBase'>;

/** The hosts a dataset's load talks to (Hugging Face: the viewer and the Hub; GitHub: the raw host and its mirror), sorted. */
export function hostsOf(need: Pick<DatasetNeed, 'services'>, bases: Bases): string[] {
  const hosts = need.services.flatMap((service) =>
    service === 'huggingface'
      ? [bases.hfViewerBase, bases.hfHubBase]
      : [bases.rawBase, bases.mirrorBase],
  );
  return [...new Set(hosts.map((base) => hostOf(base)))].sort();
}

/** The needs grouped by the hosts they load from, each group in the order given. */
export function loadQueues<N extends Pick<DatasetNeed, 'services'>>(
  needs: readonly N[],
  bases: Bases,
): N[][] {
  const queues = new Map<string, N[]>();
  for (const need of needs) {
    const key = hostsOf(need, bases).join(' ');
    const queue = queues.get(key) ?? [];
    queue.push(need);
    queues.set(key, queue);
  }
  return [...queues.values()];
}

/**
 * Runs the queues side by side, each one item at a time. An item that throws does not stop its queue:
 * once every queue is done, the first such error is thrown.
 */
export async function runQueues<N>(
  queues: readonly (readonly N[])[],
  run: (item: N) => Promise<unknown>,
): Promise<void> {
  const errors: unknown[] = [];
  await Promise.all(
    queues.map(async (queue) => {
      for (const item of queue) {
        try {
          await run(item);
        } catch (error) {
          errors.push(error);
        }
      }
    }),
  );
  if (errors.length > 0) throw errors[0];
}
