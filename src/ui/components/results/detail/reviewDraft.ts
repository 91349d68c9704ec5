// A synchronous copy of the review being typed, in localStorage, until the worker confirms the save.
// The save crosses to the worker and into IndexedDB asynchronously; when the page is reloaded or
// closed, the flush on `pagehide` may be cut off with the worker. localStorage writes are synchronous,
// so what was typed survives and is restored (and saved) when the rollout is opened again.
import { CRITERIA, type Criterion } from '../../../../core/envs/mtsamples/judge';
import { AnnotationSchema, type Annotation } from '../../../../core/schema/run';

export interface Review {
  notes: string;
  ratings: Record<Criterion, number | null>;
}

const PREFIX = 'medeval:review-draft:';

function draftKey(runId: string, rolloutKey: string): string {
  return PREFIX + JSON.stringify([runId, rolloutKey]);
}

export function reviewOf(annotation: Annotation): Review {
  const ratings = { accuracy: null, completeness: null, clarity: null } as Review['ratings'];
  for (const name of CRITERIA) ratings[name] = annotation.ratings?.[name] ?? null;
  return { notes: annotation.notes ?? '', ratings };
}

export function isSameReview(a: Review, b: Review): boolean {
  return a.notes === b.notes && CRITERIA.every((name) => a.ratings[name] === b.ratings[name]);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings, sandboxed frame): the draft is a safety net, saving still works.
    return null;
  }
}

export function readDraft(runId: string, rolloutKey: string): Review | null {
  const text = storage()?.getItem(draftKey(runId, rolloutKey)) ?? null;
  if (text === null) return null;
  try {
    const parsed = AnnotationSchema.safeParse(JSON.parse(text));
    return parsed.success ? reviewOf(parsed.data) : null;
  } catch {
    // Not JSON (written by something else under our key): there is no usable draft.
    return null;
  }
}

export function writeDraft(runId: string, rolloutKey: string, review: Review): void {
  try {
    storage()?.setItem(draftKey(runId, rolloutKey), JSON.stringify(review));
  } catch {
    // Over quota: the save to IndexedDB goes on (and reports its own failure); only the reload
    // safety net is missing.
    return;
  }
}

/** Drops the draft once `saved` is stored, unless newer typing has replaced it since. */
export function clearDraftIfSaved(runId: string, rolloutKey: string, saved: Review): void {
  const draft = readDraft(runId, rolloutKey);
  if (draft !== null && isSameReview(draft, saved)) {
    storage()?.removeItem(draftKey(runId, rolloutKey));
  }
}
