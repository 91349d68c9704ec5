// The header's dates say only what is known: an imported file-metrics run was run elsewhere, at the
// date its metadata.json gives (verifiers 0.1.3–0.1.5) or at no stated date (later releases), and
// imported here; a run of ours was created, and finished once it is done. Never a date without one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileRunDateOf, runDatesOf } from '../../../src/core/results/runDates';
import { importFolder, VERIFIERS_FIXTURES } from './importFolder';
import { sampleRun } from './sampleRun';

const imported = (line: string) => importFolder(join(VERIFIERS_FIXTURES, line)).run;

describe('the dates a run header shows', () => {
  it.each([
    ['v0.1.3', '2025-10-09 09:03:20'],
    ['medarc-public-2025-09', '2025-10-09 09:03:20'],
    ['v0.1.5', '2025-10-09 09:03:20'],
  ])('an imported %s file: its own date, then when it was imported', (line, fileDate) => {
    expect(runDatesOf(imported(line))).toEqual([
      { label: 'Run (per the file)', kind: 'text', text: fileDate },
      { label: 'Imported', kind: 'time', ms: 1 },
    ]);
  });

  it.each(['v0.1.7', 'v0.1.14', 'v0.3.0', 'main', 'prime-eval'])(
    'an imported %s file, which states no date (its `time` is a duration): when it was imported',
    (line) => {
      expect(runDatesOf(imported(line))).toEqual([{ label: 'Imported', kind: 'time', ms: 1 }]);
    },
  );

  it('a run of ours: created, and finished only once it is', () => {
    const running = { ...sampleRun, status: 'running' as const, finishedAt: undefined };
    expect(runDatesOf(running)).toEqual([
      { label: 'Created', kind: 'time', ms: sampleRun.createdAt },
    ]);
    expect(runDatesOf({ ...sampleRun, finishedAt: 5_000 })).toEqual([
      { label: 'Created', kind: 'time', ms: sampleRun.createdAt },
      { label: 'Finished', kind: 'time', ms: 5_000 },
    ]);
  });

  it('reads a file date only as the file wrote it', () => {
    expect(fileRunDateOf({ date: '2025-10-09', time: '09:03:20' })).toBe('2025-10-09 09:03:20');
    expect(fileRunDateOf({ date: '2025-10-09 09:03:20', time: 42.5 })).toBe('2025-10-09 09:03:20');
    expect(fileRunDateOf({ date: '2025-10-09', time: 42.5 })).toBe('2025-10-09');
    for (const raw of [null, [], {}, { date: '' }, { date: 20251009 }, { time: '09:03:20' }]) {
      expect(fileRunDateOf(raw)).toBeNull();
    }
  });
});
