import type { ChoicePayload } from '../../../core/envs/multipleChoice/choicePayload';
import { LongText } from '../LongText';

interface ChoicePayloadViewProps {
  question: string;
  payload: ChoicePayload;
  /** Other fields of the source row, as `[name, text]`. */
  extras: readonly [string, string][];
}

/** A multiple-choice example: any context passages, the question, and the options with the gold one. */
export function ChoicePayloadView({ question, payload, extras }: ChoicePayloadViewProps) {
  const context = payload.context ?? [];
  return (
    <>
      {context.length > 0 && (
        <>
          <h4>Context</h4>
          <dl className="context-sections text-block" data-testid="detail-context">
            {context.map((section, index) => (
              <div key={index}>
                <dt>{section.label}</dt>
                <dd>{section.text}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h4>Question</h4>
      <LongText text={question} testId="detail-question" />
      <h4>Options</h4>
      <ol className="choice-options" data-testid="detail-options">
        {payload.options.map((option) => {
          const isGold = option.letter === payload.gold;
          return (
            <li
              key={option.letter}
              className={isGold ? 'gold' : undefined}
              data-gold={isGold ? 'true' : undefined}
            >
              <strong>{option.letter}.</strong> {option.text}
              {isGold && (
                <span className="gold-mark">
                  <span aria-hidden="true">✓ </span>correct answer
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {extras.length > 0 && (
        <>
          <h4>More from the source</h4>
          <dl className="context-sections" data-testid="detail-extras">
            {extras.map(([name, text]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
