import type { DisplayStatus } from './runStatus';

export interface RunControlHandlers {
  onResume: () => void;
  onPause: () => void;
  onCancel: () => void;
  onRetryFailed: () => void;
  /** Absent when the benchmark is scored in code (nothing to re-score). */
  onRescore?: (() => void) | undefined;
  rescoreLabel?: string;
  onDelete: () => void;
}

/** What "retry" puts back in the queue: rollouts that failed, and rollouts no scorer scored. */
export interface RetryCounts {
  failed: number;
  unscored: number;
}

/**
 * Names what will be retried, as the progress counts name it (#13: "Retry failed rollouts (3)" read
 * wrong beside "Failed 0" when the three were unscored).
 */
export function retryLabel({ failed, unscored }: RetryCounts): string {
  const parts = [
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(unscored > 0 ? [`${unscored} unscored`] : []),
  ];
  return `Retry ${parts.join(' and ')} rollout${failed + unscored === 1 ? '' : 's'}`;
}

const RETRY_TITLE =
  'Failed: an error stopped the rollout. Unscored: no judge or grader gave a readable score. ' +
  'Stored answers and scores are kept; only what is missing is asked again.';

interface RunControlsProps {
  status: DisplayStatus;
  retry: RetryCounts;
  handlers: RunControlHandlers;
}

/** The actions a run allows in its current status. */
export function RunControls({ status, retry, handlers }: RunControlsProps) {
  const canResume = status === 'paused' || status === 'interrupted' || status === 'stopped';
  const isFinal = status === 'done' || status === 'cancelled';
  return (
    <div className="actions">
      {canResume && (
        <button
          type="button"
          className="primary"
          data-testid="run-resume"
          onClick={handlers.onResume}
        >
          Resume
        </button>
      )}
      {status === 'running' && (
        <button type="button" data-testid="run-pause" onClick={handlers.onPause}>
          Pause
        </button>
      )}
      {(status === 'running' || canResume) && (
        <button type="button" data-testid="run-cancel" onClick={handlers.onCancel}>
          Cancel run
        </button>
      )}
      {status === 'done' && retry.failed + retry.unscored > 0 && (
        <button
          type="button"
          data-testid="run-retry-failed"
          title={RETRY_TITLE}
          onClick={handlers.onRetryFailed}
        >
          {retryLabel(retry)}
        </button>
      )}
      {isFinal && handlers.onRescore !== undefined && (
        <button type="button" data-testid="run-rescore" onClick={handlers.onRescore}>
          {handlers.rescoreLabel ?? 'Re-score with other judges'}
        </button>
      )}
      {status !== 'running' && status !== 'elsewhere' && (
        <button type="button" className="link-button" onClick={handlers.onDelete}>
          Delete run
        </button>
      )}
    </div>
  );
}
