import { useEffect, useState } from 'react';
import type { Suite } from '../../../core/suites/suite';
import type { SuiteRunOptions } from '../../../core/suites/suiteRun';
import type { EndpointConfig } from '../../../core/schema/endpoint';
import type { SuiteEstimate } from '../../../worker/workerApi';
import { useServices } from '../../appContext';
import { useRunPrices } from '../../hooks/useRunPrices';
import { formatTokens, formatUsd } from '../run/runFormat';

interface SuiteEstimatePanelProps {
  suite: Suite;
  model: EndpointConfig;
  options: SuiteRunOptions;
  /** Changes when a dataset finishes loading, so the estimate is made again. */
  readyKey: string;
}

/** Requests, tokens and cost of the whole suite run, computed in the worker before anything is sent. */
export function SuiteEstimatePanel({ suite, model, options, readyKey }: SuiteEstimatePanelProps) {
  const { worker } = useServices();
  const prices = useRunPrices();
  const [estimate, setEstimate] = useState<SuiteEstimate | null>(null);
  const requestKey = JSON.stringify([suite.id, model, options, readyKey]);
  useEffect(() => {
    let isCurrent = true;
    worker.estimateSuiteRun({ suite, model, options }, { ...prices }).then(
      (result) => {
        if (isCurrent) setEstimate(result);
      },
      (error: unknown) => {
        console.warn('Suite estimate failed:', error);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [requestKey, worker, prices]); // eslint-disable-line react-hooks/exhaustive-deps
  if (estimate === null) return <p className="muted">Estimating…</p>;
  return (
    <section className="estimate" data-testid="suite-estimate">
      <h3>Estimate for the whole suite</h3>
      <p>
        {estimate.entries} runs ·{' '}
        <span data-testid="suite-estimate-requests">{estimate.requests}</span> requests · ≈
        {formatTokens(estimate.inputTokens)} input and ≈{formatTokens(estimate.outputTokens)} output
        tokens · cost{' '}
        <strong>
          {estimate.costUsd !== null
            ? `≈ ${formatUsd(estimate.costUsd)}`
            : `unknown (no price for ${model.model}; set one on the Run page)`}
        </strong>
      </p>
      {estimate.unestimated.length > 0 && (
        <p className="muted small">
          {estimate.unestimated.length} entries are not counted: their datasets are not loaded yet.
        </p>
      )}
    </section>
  );
}
