import { useEffect, useId, useState } from 'react';
import type { AutosaveStatus } from '../../../../core/autosaver';
import type { Criterion } from '../../../../core/envs/mtsamples/judge';
import type { Annotation } from '../../../../core/schema/run';
import { useServices } from '../../../appContext';
import {
  clearDraftIfSaved,
  isSameReview,
  readDraft,
  reviewOf,
  writeDraft,
  type Review,
} from './reviewDraft';
import { ReviewRatings } from './ReviewRatings';
import { useAutosave } from './useAutosave';
import { LongText } from '../../LongText';

interface ReviewEditorProps {
  runId: string;
  rolloutKey: string;
  /** The stored note and ratings; read once, when the editor mounts (render it with `key={rolloutKey}`). */
  stored: Annotation;
  /**
   * The 1–5 ratings on the judges' criteria (accuracy, completeness, clarity): MTSamples runs only.
   * Other benchmarks keep the note; ratings stored before stay as they are.
   */
  hasRatings: boolean;
}

/** The reviewer's note and own ratings, saved as they are typed. */
export function ReviewEditor({ runId, rolloutKey, stored, hasRatings }: ReviewEditorProps) {
  const { worker } = useServices();
  const noteId = useId();
  // Seeded once: later live-query refreshes (including our own saves) must not overwrite typing.
  const [initial] = useState(() => seed(runId, rolloutKey, stored));
  const [review, setReview] = useState(initial.review);
  const autosave = useAutosave<Review>(async (value) => {
    await worker.annotateRollout(runId, rolloutKey, {
      notes: value.notes,
      ratings: value.ratings,
    });
    clearDraftIfSaved(runId, rolloutKey, value);
  });
  const { update, flush } = autosave;
  useEffect(() => {
    // Typing from before a reload that never reached the database: save it now.
    if (initial.isRestored) update(initial.review);
  }, [initial, update]);

  const change = (next: Review, isDiscrete: boolean) => {
    setReview(next);
    writeDraft(runId, rolloutKey, next);
    update(next);
    // A choice from a list has no keystrokes to coalesce.
    if (isDiscrete) flush();
  };
  const rate = (name: Criterion, value: string) =>
    change(
      { ...review, ratings: { ...review.ratings, [name]: value === '' ? null : Number(value) } },
      true,
    );

  return (
    <section className="rd-section rd-review" aria-label="Your review">
      <h4>Your review</h4>
      {initial.isRestored && (
        <p className="small muted">Restored changes from this browser that had not been saved.</p>
      )}
      {review.notes.length > NOTE_EDIT_MAX_CHARS ? (
        <LongNote notes={review.notes} onClear={() => change({ ...review, notes: '' }, true)} />
      ) : (
        <>
          <label htmlFor={noteId} className="rd-label">
            Note
          </label>
          <textarea
            id={noteId}
            className="rd-note-input"
            data-testid="review-note"
            rows={4}
            value={review.notes}
            onChange={(event) => change({ ...review, notes: event.target.value }, false)}
            onBlur={flush}
          />
        </>
      )}
      {hasRatings && <ReviewRatings ratings={review.ratings} onRate={rate} onBlur={flush} />}
      <SaveStatus status={autosave.status} onRetry={autosave.retry} />
    </section>
  );
}

/**
 * Above this a note is shown, not edited: a text box holding megabytes (an imported note) takes
 * seconds per keystroke, and every keystroke would copy it into the draft (#10).
 */
const NOTE_EDIT_MAX_CHARS = 100_000;

const integer = new Intl.NumberFormat('en-US');

function LongNote({ notes, onClear }: { notes: string; onClear: () => void }) {
  return (
    <>
      <h5 className="rd-label">Note</h5>
      <p className="small muted" data-testid="review-note-too-long">
        This note is {integer.format(notes.length)} characters long, too long to edit here (up to{' '}
        {integer.format(NOTE_EDIT_MAX_CHARS)}); it is kept as it is.{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (window.confirm('Delete this note? It cannot be brought back.')) onClear();
          }}
        >
          Delete the note
        </button>
      </p>
      <LongText text={notes} testId="review-note-text" />
    </>
  );
}

function seed(runId: string, rolloutKey: string, stored: Annotation) {
  const review = reviewOf(stored);
  const draft = readDraft(runId, rolloutKey);
  return draft !== null && !isSameReview(draft, review)
    ? { review: draft, isRestored: true }
    : { review, isRestored: false };
}

function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  return (
    <p className="small rd-save-status" role="status" data-testid="review-status">
      {status.state === 'idle' && <span className="muted">Saved as you type.</span>}
      {(status.state === 'pending' || status.state === 'saving') && 'Saving…'}
      {status.state === 'saved' && 'Saved'}
      {status.state === 'failed' && (
        <>
          <span className="rd-save-failed">Failed to save ({status.reason})</span> —{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            retry
          </button>
        </>
      )}
    </p>
  );
}
