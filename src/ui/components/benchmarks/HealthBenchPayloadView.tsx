import { axesOf, type HealthBenchPayload } from '../../../core/envs/healthbench/healthBenchPayload';
import { LongText } from '../LongText';

const AXIS_PREFIX = 'axis:';

function pointsText(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** A HealthBench example: the conversation the model continues and the rubric its reply is graded on
 * (its theme is the example's group, shown above). */
export function HealthBenchPayloadView({ payload }: { payload: HealthBenchPayload }) {
  const available = payload.rubrics.reduce((sum, item) => sum + Math.max(0, item.points), 0);
  return (
    <>
      <h4>Conversation ({payload.conversation.length} turns)</h4>
      <div data-testid="detail-conversation">
        {payload.conversation.map((message, index) => (
          <div className="turn" key={index}>
            <div className="turn-role">{message.role}</div>
            <LongText text={message.content} />
          </div>
        ))}
      </div>
      <h4>
        Rubric ({payload.rubrics.length} items, {available} points available)
      </h4>
      <ul className="rubric-items" data-testid="detail-rubric">
        {payload.rubrics.map((item, index) => {
          const isPenalty = item.points < 0;
          return (
            <li
              key={index}
              className={isPenalty ? 'negative' : undefined}
              data-negative={isPenalty ? 'true' : undefined}
            >
              <span className="rubric-points">{pointsText(item.points)}</span>
              {isPenalty && <strong>Penalty: </strong>}
              {item.criterion}
              <div>
                {axesOf(item.tags).map((axis) => (
                  <span className="tag" key={axis}>
                    axis: {axis}
                  </span>
                ))}
                {item.tags
                  .filter((tag) => !tag.startsWith(AXIS_PREFIX))
                  .map((tag) => (
                    <span className="tag muted" key={tag}>
                      {tag}
                    </span>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
