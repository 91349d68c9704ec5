import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { MEDMARKS_VERIFIED } from '../../../src/core/suites/medmarksVerified';
import { hostsOf, loadQueues, runQueues } from '../../../src/core/suites/loadQueues';
import { datasetNeeds, resolveSuite } from '../../../src/core/suites/suitePlan';

const NEEDS = datasetNeeds(resolveSuite(MEDMARKS_VERIFIED));

describe('loadQueues', () => {
  it('puts the Hugging Face datasets, the GitHub ones and PubMedQA (both) in three queues, each in suite order', () => {
    const queues = loadQueues(NEEDS, DEFAULT_SOURCE_SETTINGS);
    const [hub = [], both = [], github = []] = queues;
    expect(queues).toHaveLength(3);
    expect(github.map((need) => need.envId)).toEqual([
      'sctpublic',
      ...Array.from({ length: 6 }, () => 'longhealth'),
    ]);
    // PubMedQA reads MedARC's test-subset list from GitHub: it waits for neither queue.
    expect(both.map((need) => need.envId)).toEqual(['pubmedqa']);
    expect(hub).toEqual(NEEDS.filter((need) => need.services.join() === 'huggingface'));
    expect(hub.length + both.length + github.length).toBe(NEEDS.length);
    expect(hostsOf(github[0] ?? { services: [] }, DEFAULT_SOURCE_SETTINGS)).toEqual([
      'cdn.jsdelivr.net',
      'raw.githubusercontent.com',
    ]);
    expect(hostsOf(both[0] ?? { services: [] }, DEFAULT_SOURCE_SETTINGS)).toEqual([
      'cdn.jsdelivr.net',
      'datasets-server.huggingface.co',
      'huggingface.co',
      'raw.githubusercontent.com',
    ]);
  });

  it('keeps one queue when a mirror link names one host for every source', () => {
    const proxy = 'https://mirror.example.org';
    const bases = { hfViewerBase: proxy, hfHubBase: proxy, rawBase: proxy, mirrorBase: proxy };
    expect(loadQueues(NEEDS, bases)).toEqual([NEEDS]);
  });
});

/** A promise rejected from outside. */
function stuckPromise() {
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<never>((_, no) => {
    reject = no;
  });
  return { promise, reject };
}

describe('runQueues', () => {
  it('runs the other queues to the end while one waits, and each queue one item at a time', async () => {
    const stuck = stuckPromise();
    const started: string[] = [];
    const done: string[] = [];
    const finished = runQueues(
      [
        ['gh-1', 'gh-2'],
        ['hf-1', 'hf-2', 'hf-3'],
      ],
      async (item) => {
        started.push(item);
        if (item === 'gh-1') await stuck.promise;
        done.push(item);
      },
    );
    await expect.poll(() => done).toEqual(['hf-1', 'hf-2', 'hf-3']);
    // The stuck queue has not moved on: its next item waits for the one before.
    expect(started).not.toContain('gh-2');
    stuck.reject(new Error('host down'));
    await expect(finished).rejects.toThrow('host down');
    // The failure skipped to the next item of its queue before the error came out.
    expect(done).toEqual(['hf-1', 'hf-2', 'hf-3', 'gh-2']);
  });

  it('resolves at once with no queues', async () => {
    await expect(runQueues([], () => Promise.resolve())).resolves.toBeUndefined();
  });
});
