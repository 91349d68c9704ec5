// LongHealth's MedARC env args: the six Medmarks entries load the task under their document seed
// and shuffle answers as the entry says; what cannot be reproduced here (-1 seeds, seeds Medmarks does
// not use, task "all", other budgets) makes an entry unrunnable and says why.
import { describe, expect, it } from 'vitest';
import { readLongHealthArgs } from '../../../../src/core/envs/longhealth/medarcArgs';
import { ENVS } from '../../../../src/core/envs/registry';
import { MEDMARKS_VERIFIED } from '../../../../src/core/suites/medmarksVerified';
import { resolveEntry } from '../../../../src/core/suites/resolveEntry';

describe('LongHealth in Medmarks verified', () => {
  it('runs all six entries on the dataset of their task and document seed', () => {
    const entries = MEDMARKS_VERIFIED.entries.filter((e) => e.envId === 'longhealth');
    const resolved = entries.map((e) => [e.key, resolveEntry(e, ENVS)] as const);
    expect(
      resolved.map(([key, r]) => [
        key,
        r.state === 'ready'
          ? [r.variantId, r.envSettings['shuffleAnswers'], r.envSettings['shuffleSeed']]
          : r,
      ]),
    ).toEqual([
      ['longhealth/task1', ['task1-seed2718', false, 1618]],
      ['longhealth/task2', ['task2-seed2718', false, 1618]],
      ['longhealth/task1__shuffle_seed-1618', ['task1-seed1618', true, 1618]],
      ['longhealth/task2__shuffle_seed-1618', ['task2-seed1618', true, 1618]],
      ['longhealth/task1__shuffle_seed-9331', ['task1-seed9331', true, 9331]],
      ['longhealth/task2__shuffle_seed-9331', ['task2-seed9331', true, 9331]],
    ]);
  });

  it('leaves only the tools entry of the suite unrunnable', () => {
    const notReady = MEDMARKS_VERIFIED.entries.filter(
      (e) => resolveEntry(e, ENVS).state !== 'ready',
    );
    expect(notReady.map((e) => e.key)).toEqual(['medcalc_bench/tools']);
  });
});

describe('readLongHealthArgs', () => {
  it('takes the shuffle seed as document seed when the reference does', () => {
    expect(readLongHealthArgs({ task: 'task2', shuffle_seed: 9331 })).toMatchObject({
      variantId: 'task2-seed9331',
      unsupported: [],
    });
    expect(readLongHealthArgs({ task: 'task2', shuffle_seed: 4242 }).unsupported).toEqual([
      "document shuffle seed 4242 is not offered (Medmarks' 2718, 1618, 9331 are)",
    ]);
  });

  it('says why what it cannot reproduce is not run', () => {
    expect(readLongHealthArgs({ task: 'task1' }).unsupported.join(' ')).toMatch(
      /doc_shuffle_seed -1 shuffles the letters anew/,
    );
    expect(readLongHealthArgs({ task: 'task1', doc_shuffle_seed: null }).unsupported).toHaveLength(
      1,
    );
    const odd = readLongHealthArgs({
      task: 'all',
      doc_shuffle_seed: 2718,
      max_context_tokens: 8000,
      shuffle_docs: false,
      shuffle_answers: true,
      shuffle_seed: -1,
      use_think: true,
    });
    expect(odd.unsupported).toEqual([
      'task "all" is not task1 or task2',
      'max_context_tokens other than 16000 is not offered',
      'shuffle_docs = false is not offered',
      'env arg "use_think" is not supported by LongHealth here',
      'shuffle_seed -1 shuffles anew on every run, which cannot be reproduced',
    ]);
    expect(
      readLongHealthArgs({ doc_shuffle_seed: 1618, shuffle_answers: true, shuffle_seed: null }),
    ).toMatchObject({ variantId: 'task1-seed1618', settings: { shuffleAnswers: false } });
  });
});
