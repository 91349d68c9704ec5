import { describe, expect, it } from 'vitest';
import {
  concurrencyNotice,
  effectiveConcurrency,
  protocolFromUrl,
  tallyCalls,
} from '../../src/core/runLive';
import { spendOf, type Call } from '../../src/core/runSummary';

describe('honest concurrency', () => {
  it.each([
    ['http/1.1', 16, 6],
    ['http/1.1', 4, 4],
    ['h2', 16, 16],
    ['h3', 64, 64],
    ['unknown', 16, 16],
  ])('%s with %i requested runs %i at a time', (protocol, requested, effective) => {
    expect(effectiveConcurrency(protocol, requested)).toBe(effective);
  });

  it('says when HTTP/1.1 caps the concurrency, and what to do; says nothing otherwise', () => {
    expect(concurrencyNotice('localhost:11434', 'http/1.1', 16)).toMatch(
      /^localhost:11434 uses HTTP\/1\.1: browsers allow 6 requests at a time to one host, so 16 becomes 6\. .*HTTP\/2/,
    );
    expect(concurrencyNotice('localhost:11434', 'http/1.1', 6)).toBeNull();
    expect(concurrencyNotice('api.openai.com', 'h2', 64)).toBeNull();
  });

  it.each([
    ['http://localhost:11434/v1', 'http/1.1'],
    ['https://api.openai.com/v1', 'unknown'],
    ['not a url', 'unknown'],
  ])('reads %s as %s from its URL alone', (url, protocol) => {
    expect(protocolFromUrl(url)).toBe(protocol);
  });
});

describe('tallyCalls', () => {
  it('prices tallied calls exactly as the calls one by one', () => {
    const calls: Call[] = [
      { model: 'm', usage: { inputTokens: 100, outputTokens: 10 }, costUsd: null, cached: false },
      { model: 'm', usage: { inputTokens: 50, outputTokens: 5 }, costUsd: null, cached: false },
      { model: 'm', usage: { inputTokens: 7, outputTokens: 1 }, costUsd: 0.5, cached: false },
      { model: 'm', usage: null, costUsd: null, cached: false },
      { model: 'j', usage: { inputTokens: 9, outputTokens: 9 }, costUsd: null, cached: false },
      { model: 'j', usage: { inputTokens: 9, outputTokens: 9 }, costUsd: null, cached: true },
    ];
    const prices = { m: { inputPerM: 3, outputPerM: 15 } };
    const tallies = tallyCalls(calls);
    expect(tallies.length).toBeLessThan(calls.length);
    expect(spendOf(tallies, prices)).toEqual(spendOf(calls, prices));
  });
});
