// Where the new-run form's first values come from, and saying so (issue 13): a shared link the user
// opened, else the user's own latest run, else the app's defaults. Never an imported run: its
// settings are the reference CLI's (concurrency 32, one attempt) or whatever a file claims, and its
// endpoints were chosen by whoever wrote the file (issue 10).
import type { RunRecord, RunSettings } from '../../../core/schema/run';
import {
  defaultRunDraft,
  draftForEnv,
  envOfDataset,
  runDraftFrom,
  type RunDraft,
} from './runDraft';

export type DraftSource =
  { kind: 'defaults' } | { kind: 'link' } | { kind: 'run'; name: string; createdAt: number };

export interface InitialDraft {
  draft: RunDraft;
  source: DraftSource;
}

/**
 * The user's own latest run: made here (not imported) and started. A run that was never started may
 * be a duplicate of an imported one, holding that file's settings rather than the user's.
 */
function ownLatestRun(runs: readonly RunRecord[]): RunRecord | undefined {
  return runs
    .filter((run) => run.origin !== 'imported' && run.startedAt !== undefined)
    .reduce<RunRecord | undefined>(
      (latest, run) => (latest === undefined || run.createdAt > latest.createdAt ? run : latest),
      undefined,
    );
}

interface DraftInputs {
  /** Settings from a `#/run?setup=` link, when it was readable. */
  shared: RunSettings | null;
  runs: readonly RunRecord[];
  ready: readonly { id: string; envId: string }[];
  /** `?ds=<id>` (from the Benchmarks page). */
  requested: string | null;
}

/**
 * `?ds=<id>`: that dataset, from the latest own run of the same benchmark when there is one. Else the
 * link's or the latest own run's settings (on the first ready dataset when theirs is gone); else the
 * spec's defaults.
 */
export function initialDraft({ shared, runs, ready, requested }: DraftInputs): InitialDraft {
  const own = ownLatestRun(runs);
  const fromRun: DraftSource =
    own === undefined
      ? { kind: 'defaults' }
      : { kind: 'run', name: own.name, createdAt: own.createdAt };
  const latest = shared ?? own?.settings;
  const latestSource: DraftSource = shared === null ? fromRun : { kind: 'link' };
  const fallbackDatasetId = ready[0]?.id ?? '';
  const wanted = ready.find((d) => d.id === requested);
  if (wanted !== undefined) {
    const sameEnv =
      latest !== undefined && envOfDataset(ready, latest.datasetId).id === wanted.envId;
    const base = sameEnv ? runDraftFrom(latest) : defaultRunDraft(wanted.id);
    return {
      draft: {
        ...base,
        ...(sameEnv ? {} : draftForEnv(envOfDataset(ready, wanted.id), base)),
        datasetId: wanted.id,
      },
      source: sameEnv ? latestSource : { kind: 'defaults' },
    };
  }
  if (latest === undefined) return { draft: defaultRunDraft(fallbackDatasetId), source: fromRun };
  const draft = runDraftFrom(latest);
  return {
    draft: ready.some((d) => d.id === latest.datasetId)
      ? draft
      : { ...draft, datasetId: fallbackDatasetId },
    source: latestSource,
  };
}

/** The form's note on where its values came from. */
export function describeDraftSource(source: DraftSource): string {
  switch (source.kind) {
    case 'defaults':
      return 'These settings start from the app’s defaults.';
    case 'link':
      return 'These settings come from the link you opened.';
    case 'run':
      return `These settings start from your last run, “${source.name}” (${new Date(source.createdAt).toLocaleString()}). Imported runs never fill this form.`;
  }
}

/** Who chose the endpoints, as the subject of the host confirmation. */
export function sourceSubject(source: DraftSource): string {
  switch (source.kind) {
    case 'defaults':
      return 'These settings';
    case 'link':
      return 'This link';
    case 'run':
      return 'Your last run';
  }
}
