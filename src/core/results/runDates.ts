// Owns the dates a run's header shows: only what is known. A run of ours was created and (once done)
// finished here; a run imported from another tool's results file was run elsewhere, at the time its
// metadata.json gives (verifiers 0.1.3–0.1.5 wrote `date`; later releases write none), and imported
// here when it was stored. Never a date with no value behind it. Pure.
import { isRecord, stringOrNull } from './values';
import type { RunRecord } from '../schema/run';

/** One date of the header: a time of ours (formatted by the page) or the file's own words. */
export type RunDate =
  { label: string; kind: 'time'; ms: number } | { label: string; kind: 'text'; text: string };

/** The run date a verifiers metadata.json states (`date`, with the clock `time` when apart), if any. */
export function fileRunDateOf(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  const date = stringOrNull(raw['date'])?.trim() ?? '';
  if (date === '') return null;
  // 0.1.3 writes the clock apart (`time`: "09:03:20"); from 0.1.14 `time` is a duration in seconds.
  const clock = stringOrNull(raw['time'])?.trim() ?? '';
  return /^\d{1,2}:\d{2}(:\d{2})?$/.test(clock) && !date.includes(':') ? `${date} ${clock}` : date;
}

function isForeignImport(run: Pick<RunRecord, 'origin' | 'importedMetadata'>): boolean {
  const meta = run.importedMetadata;
  return run.origin === 'imported' && isRecord(meta) && meta['source'] === 'verifiers';
}

export function runDatesOf(
  run: Pick<RunRecord, 'origin' | 'importedMetadata' | 'createdAt' | 'finishedAt'>,
): RunDate[] {
  if (isForeignImport(run)) {
    const raw = isRecord(run.importedMetadata) ? run.importedMetadata['raw'] : undefined;
    const fileDate = fileRunDateOf(raw);
    return [
      ...(fileDate === null
        ? []
        : [{ label: 'Run (per the file)', kind: 'text' as const, text: fileDate }]),
      { label: 'Imported', kind: 'time', ms: run.createdAt },
    ];
  }
  return [
    { label: 'Created', kind: 'time', ms: run.createdAt },
    ...(run.finishedAt === undefined
      ? []
      : [{ label: 'Finished', kind: 'time' as const, ms: run.finishedAt }]),
  ];
}
