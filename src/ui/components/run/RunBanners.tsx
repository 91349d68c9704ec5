import type { AppError, StoredAppError } from '../../../core/errors';
import type { RunRecord } from '../../../core/schema/run';
import { ErrorBanner } from '../ErrorBanner';
import type { DisplayStatus } from './runStatus';

interface RunBannersProps {
  run: RunRecord;
  status: DisplayStatus;
  actionError: AppError | undefined;
  onDismissError: () => void;
}

/**
 * Why a stopped run stopped: its stored reason, else the failure this tab's worker reported (a full
 * disk refuses the write of the stop, so the run is stored as running with no reason).
 */
export function stopReason(
  run: Pick<RunRecord, 'stopError'>,
  status: DisplayStatus,
  actionError: AppError | undefined,
): StoredAppError | undefined {
  if (status !== 'stopped') return undefined;
  return run.stopError ?? actionError?.toStored();
}

/** Why a run is not running: interrupted, stopped by a failure, or an action that failed. */
export function RunBanners({ run, status, actionError, onDismissError }: RunBannersProps) {
  const stopError = stopReason(run, status, actionError);
  // An action's failure, unless it already shows as the reason the run stopped.
  const shownError = status === 'stopped' && run.stopError === undefined ? undefined : actionError;
  return (
    <>
      {status === 'interrupted' && (
        <div className="banner" role="status" data-testid="run-interrupted">
          <strong>Interrupted.</strong> The page was closed or reloaded while this run was running.
          Everything finished is stored; Resume continues with the rest (nothing stored is requested
          again).
        </div>
      )}
      {status === 'elsewhere' && (
        <div className="banner" role="status" data-testid="run-elsewhere">
          <strong>Running in another tab.</strong> Another tab or window of medeval in this browser
          is running this run; its progress shows here as it happens. To pause or cancel it, use
          that tab. If you close it, Resume here continues with the rest.
        </div>
      )}
      {status === 'stopped' && (
        <div className="banner banner-error" role="alert" data-testid="run-stop-banner">
          <strong>The run stopped{stopError ? ` (${stopError.kind})` : ''}.</strong>
          <p className="banner-message">
            {stopError?.message ?? 'A failure that retrying cannot fix stopped it.'}
          </p>
          {stopError?.nextStep !== undefined && <p className="banner-next">{stopError.nextStep}</p>}
          <p className="small">
            {stopError?.kind === 'storage_quota'
              ? 'Free space, then Resume: every answer stored so far is kept.'
              : 'Fix the key below (or the problem on the provider’s side), then Resume.'}
          </p>
        </div>
      )}
      {shownError !== undefined && (
        <ErrorBanner
          title="The run could not go on"
          error={shownError}
          onDismiss={onDismissError}
        />
      )}
    </>
  );
}
