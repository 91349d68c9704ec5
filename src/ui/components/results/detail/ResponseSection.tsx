import { useState } from 'react';
import { splitThink } from '../../../../core/envs/mtsamples/splitThink';
import { summaryKindOf } from '../../../../core/results/envSummary';
import type { RolloutRecord, RunRecord } from '../../../../core/schema/run';
import { MarkdownView } from './MarkdownView';
import { EMPTY_NOTES, scoredNote } from './responseNotes';
import { LongText } from '../../LongText';

const FINISH_NOTES: Record<string, string> = {
  length: 'cut off by the max tokens limit',
  content_filter: "stopped by the provider's content filter",
};

/** The model's reply: rendered Markdown or the exact text, with any reasoning folded away. */
export function ResponseSection({ run, rollout }: { run: RunRecord; rollout: RolloutRecord }) {
  const [isRaw, setIsRaw] = useState(false);
  const generation = rollout.generation;
  const finish = generation?.finishReason ?? null;
  return (
    <section className="rd-section" aria-label="Model response">
      <div className="rd-section-header">
        <h4>Model response</h4>
        {generation !== undefined && (
          <button
            type="button"
            className="rd-toggle"
            aria-pressed={isRaw}
            data-testid="rollout-response-raw"
            onClick={() => setIsRaw((raw) => !raw)}
          >
            Raw
          </button>
        )}
      </div>
      {finish !== null && finish !== 'stop' && (
        <p className="small muted">
          Finish reason: {finish}
          {FINISH_NOTES[finish] === undefined ? '' : ` (${FINISH_NOTES[finish]})`}
        </p>
      )}
      {generation === undefined ? (
        <p className="muted" data-testid="rollout-response">
          {rollout.error?.stage === 'generation'
            ? 'No response: the generation failed (see the error above).'
            : 'No response yet.'}
        </p>
      ) : isRaw ? (
        <LongText text={generation.content} testId="rollout-response-raw-text" />
      ) : (
        <RenderedResponse
          content={generation.content}
          providerReasoning={generation.reasoning}
          scoredNote={scoredNote(run, rollout)}
          emptyNote={EMPTY_NOTES[summaryKindOf(run.settings, [rollout])]}
          isEmptyResponse={rollout.emptyResponse === true}
        />
      )}
    </section>
  );
}

interface RenderedResponseProps {
  content: string;
  providerReasoning: string | null;
  /** What of a reply with think blocks the scorer saw. */
  scoredNote: string;
  /** Shown when the reply is empty. */
  emptyNote: string;
  /** The text the judges would see was empty, so they were not called (spec §4). */
  isEmptyResponse: boolean;
}

function RenderedResponse(props: RenderedResponseProps) {
  const { content, providerReasoning } = props;
  const emptyNote = (
    <p className="banner" data-testid="rollout-response">
      {props.emptyNote}
    </p>
  );
  if (content.trim() === '') return emptyNote;
  const split = splitThink(content);
  return (
    <>
      {props.isEmptyResponse && emptyNote}
      {providerReasoning !== null && providerReasoning.trim() !== '' && (
        <Reasoning title="Reasoning returned by the provider" text={providerReasoning} />
      )}
      {split.reasoning.map((text, index) => (
        <Reasoning
          key={index}
          title={`Reasoning (<think> block${split.reasoning.length > 1 ? ` ${index + 1}` : ''})`}
          text={text}
        />
      ))}
      {split.reasoning.length > 0 && (
        <p className="small muted">
          {split.isUnclosed && 'The think block was never closed. '}
          {props.scoredNote}
        </p>
      )}
      {split.answer === '' ? (
        <p className="muted" data-testid={props.isEmptyResponse ? undefined : 'rollout-response'}>
          No answer outside the reasoning.
        </p>
      ) : (
        <MarkdownView
          text={split.answer}
          testId={props.isEmptyResponse ? undefined : 'rollout-response'}
        />
      )}
    </>
  );
}

function Reasoning({ title, text }: { title: string; text: string }) {
  return (
    <details className="rd-reasoning">
      <summary>{title}</summary>
      <LongText text={text} />
    </details>
  );
}
