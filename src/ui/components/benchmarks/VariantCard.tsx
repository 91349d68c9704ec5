import type { EnvVariant } from '../../../core/envs/types';
import type { DatasetRecord } from '../../../core/schema/dataset';
import type { SourceSettings } from '../../../core/schema/sourceSettings';
import type { BenchmarkLoadState } from '../../hooks/useBenchmarkLoad';
import { ErrorBanner } from '../ErrorBanner';
import type { VariantRequest } from './benchmarkRequest';
import { VariantFailed } from './VariantFailed';
import { VariantLoaded } from './VariantLoaded';
import { VariantProgress } from './VariantProgress';
import { variantState } from './variantState';

interface VariantCardProps {
  variant: EnvVariant;
  request: VariantRequest;
  /** The live dataset record of `request.datasetId`, if any. */
  record: DatasetRecord | undefined;
  loads: BenchmarkLoadState;
  settings: SourceSettings;
  /** Why loading is not possible now (an invalid revision override), or null. */
  blockedReason: string | null;
}

/** One loadable variant of a benchmark and the state of its dataset. */
export function VariantCard(props: VariantCardProps) {
  const { variant, request, record, loads, settings, blockedReason } = props;
  const id = request.datasetId;
  const callError = loads.errorOf(id);
  const state = variantState(
    record,
    loads.isRunning(id),
    variant.expectedRows,
    callError?.action === 'load',
  );
  const headingId = `variant-${request.envId}-${variant.id}`;
  const start = () => {
    loads.clearError(id);
    void loads.load(settings, request);
  };
  return (
    <article
      className="variant"
      aria-labelledby={headingId}
      data-testid={`benchmark-variant-${request.envId}-${variant.id}`}
      data-state={state.kind}
    >
      <h3 id={headingId}>{variant.label}</h3>
      <p className="muted">{variant.description}</p>
      <dl className="variant-facts">
        <div>
          <dt>Expected rows</dt>
          <dd>{variant.expectedRows ?? 'not stated'}</dd>
        </div>
        <div>
          <dt>Pinned revision</dt>
          <dd>
            <code>{variant.revision}</code>
          </dd>
        </div>
        {request.revision !== undefined && (
          <div>
            <dt>Revision asked for</dt>
            <dd>
              <code>{request.revision}</code>
            </dd>
          </div>
        )}
      </dl>
      {state.kind === 'absent' && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={blockedReason !== null}
            aria-label={`Load ${variant.label}`}
            data-testid="variant-load"
          >
            Load
          </button>
        </div>
      )}
      {state.kind === 'loading' && (
        <VariantProgress done={state.done} total={state.total} onCancel={() => loads.cancel(id)} />
      )}
      {state.kind === 'failed' && (
        <VariantFailed
          reason={state.reason}
          error={callError === null ? state.error : null}
          canRetry={blockedReason === null}
          onRetry={start}
        />
      )}
      {state.kind === 'ready' && (
        <VariantLoaded
          record={state.record}
          expectedRows={request.revision === undefined ? variant.expectedRows : null}
          onDelete={() => void loads.remove(id)}
        />
      )}
      {callError !== null && (
        <ErrorBanner
          title={`Could not ${callError.action} ${variant.label}`}
          error={callError.error}
          onDismiss={() => loads.clearError(id)}
        />
      )}
    </article>
  );
}
