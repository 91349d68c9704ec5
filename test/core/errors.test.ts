import { describe, expect, it } from 'vitest';
import { AppError, isAborted, toAppError, withStorageUsage } from '../../src/core/errors';

describe('AppError across the worker boundary', () => {
  it('keeps kind, message and details through a structured clone', () => {
    const original = new AppError('rate_limit', 'raw.githubusercontent.com answered HTTP 429', {
      status: 429,
      host: 'raw.githubusercontent.com',
      nextStep: 'Wait a minute and resume.',
      attempts: 5,
    });
    const cloned = structuredClone(original.toTransferable());
    const rebuilt = toAppError(cloned);
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt.kind).toBe('rate_limit');
    expect(rebuilt.message).toBe('raw.githubusercontent.com answered HTTP 429');
    expect(rebuilt.status).toBe(429);
    expect(rebuilt.host).toBe('raw.githubusercontent.com');
    expect(rebuilt.nextStep).toBe('Wait a minute and resume.');
    expect(rebuilt.attempts).toBe(5);
  });

  it.each([
    [Object.assign(new Error('x'), { name: 'AbortError' }), 'aborted'],
    [Object.assign(new Error('full'), { name: 'QuotaExceededError' }), 'storage_quota'],
    [
      Object.assign(new Error('aborted'), {
        name: 'AbortError',
        inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
      }),
      'storage_quota',
    ],
    [
      Object.assign(new Error('aborted'), {
        name: 'AbortError',
        inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      }),
      'storage_quota',
    ],
    [
      new Error('transaction failed', {
        cause: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      }),
      'storage_quota',
    ],
    [
      Object.assign(new Error('aborted'), { name: 'AbortError', inner: new Error('other') }),
      'aborted',
    ],
    [
      Object.assign(new Error('tx'), {
        name: 'DatabaseClosedError',
        inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
      }),
      'storage_quota',
    ],
    [new Error('boom'), 'unknown'],
    ['a string', 'unknown'],
    [Object.assign(new Error('m'), { name: 'AppError:not_a_kind' }), 'unknown'],
  ])('maps %s to %s', (error, kind) => {
    expect(toAppError(error).kind).toBe(kind);
  });

  it('gives a quota error a next step', () => {
    const error = toAppError(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    expect(error.nextStep).toMatch(/delet/i);
  });

  it('says a full disk is full, never "Cancelled.", with how much the site uses (#10)', () => {
    const dexieAbort = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    const error = withStorageUsage(toAppError(dexieAbort), {
      usage: 1.5 * 1024 ** 3,
      quota: 1.5 * 1024 ** 3 + 3 * 1024 ** 2,
    });
    expect(error.kind).toBe('storage_quota');
    expect(error.message).not.toMatch(/cancel/i);
    expect(error.message).toBe(
      'Storage is full: this site uses 1.50 GB of the 1.50 GB the browser allows it (3.0 MB free), and the browser refused to store more.',
    );
    expect(error.nextStep).toMatch(/Settings.*delete the datasets, runs or training data/);
    expect(withStorageUsage(error, undefined)).toBe(error);
    const network = new AppError('network', 'down');
    expect(withStorageUsage(network, { usage: 1, quota: 2 })).toBe(network);
  });

  it('does not claim free space when the estimate was not the limit hit (a private window, a full device)', () => {
    const full = toAppError(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    // Chromium's estimate in a private window: 10 GiB more than is used, whatever the real limit.
    const error = withStorageUsage(full, { usage: 1.4 * 1024 ** 2, quota: 10 * 1024 ** 3 });
    expect(error.message).toBe(
      "Storage is full: the browser refused to store more, although by its estimate this site uses only 1.4 MB of 10.00 GB — the device's disk (or a private window's storage) is full.",
    );
    expect(error.message).not.toMatch(/free\)/);
    expect(error.nextStep).toMatch(/export the runs you want to keep/);
    expect(withStorageUsage(full, { usage: 2 * 1024 ** 2 }).message).toBe(
      'Storage is full: this site uses 2.0 MB, and the browser refused to store more.',
    );
  });

  it('recognises cancellation', () => {
    expect(isAborted(new AppError('aborted', 'Cancelled.'))).toBe(true);
    expect(isAborted(new AppError('network', 'down'))).toBe(false);
  });
});
