import type { CreationProgress } from '../../../core/runLive';
import type { RunStatus } from '../../../core/schema/run';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A large run creates its rollouts behind its lanes (issue 14): while it does, the page says how far
 * it got; a run stopped before the end says how many exist and what becomes of the rest.
 */
export function CreationNote({
  creation,
  isLive,
  status,
}: {
  creation: CreationProgress | null;
  isLive: boolean;
  status: RunStatus;
}) {
  if (creation === null) return null;
  const { created, planned } = creation;
  return (
    <p className="muted small" role="status" data-testid="run-creating">
      {isLive
        ? `Creating rollouts: ${count(created)} / ${count(planned)}`
        : `${count(created)} of ${count(planned)} planned rollouts exist: ${
            status === 'cancelled'
              ? 'the run was cancelled before creating the rest.'
              : 'the rest are created when the run resumes.'
          }`}
    </p>
  );
}
