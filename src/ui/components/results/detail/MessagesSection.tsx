import type { RolloutRecord } from '../../../../core/schema/run';
import { LongText } from '../../LongText';

/** What the model under test was sent: each message verbatim, and the request's other fields. */
export function MessagesSection({ rollout }: { rollout: RolloutRecord }) {
  const body = rollout.generation?.requestBody;
  const { messages: _messages, ...settings } = body ?? {};
  return (
    <details className="rd-section">
      <summary>
        <h4 className="rd-inline-heading">Messages sent ({rollout.prompt.length})</h4>
      </summary>
      {rollout.prompt.map((message, index) => (
        <div key={index} className="rd-message">
          <div className="rd-role">{message.role}</div>
          <LongText text={message.content} />
        </div>
      ))}
      {body !== undefined && (
        <details>
          <summary>Other request fields</summary>
          <pre className="text-block small">{JSON.stringify(settings, null, 2)}</pre>
        </details>
      )}
    </details>
  );
}
