import { useMemo } from 'react';
import { resolveRunEnv, type RunEnv } from '../../../core/envs/runEnv';
import { runExamples } from '../../../core/envs/runExamples';
import { estimateRun } from '../../../core/estimateRun';
import { estimateEnvRun } from '../../../core/estimateEnvRun';
import { toEnvExample } from '../../../core/envs/storedExample';
import type { EnvModule } from '../../../core/envs/types';
import type { ExampleRecord } from '../../../core/schema/dataset';
import type { RunSettings } from '../../../core/schema/run';
import { useRunPrices } from '../../hooks/useRunPrices';
import { formatTokens, formatUsd } from './runFormat';
import { PriceInputs } from './PriceInputs';
import { ConcurrencyEstimate } from './ConcurrencyEstimate';

interface RunEstimatePanelProps {
  settings: RunSettings;
  examples: readonly ExampleRecord[];
  env: EnvModule;
}

/** Requests, tokens (≈ chars / 4) and cost before anything is sent; prices are editable. */
export function RunEstimatePanel({ settings, examples, env }: RunEstimatePanelProps) {
  const prices = useRunPrices();
  const estimate = useMemo(() => {
    const runEnv = resolveRunEnv(settings, { isNewRun: true });
    const chosen = runExamples(examples, settings.selection, runEnv);
    if (env.scoring.kind !== 'jury') return envEstimate(settings, chosen, runEnv, prices);
    return estimateRun({
      examples: chosen,
      rolloutsPerExample: settings.rolloutsPerExample,
      prompt: { format: settings.promptFormat, useThink: settings.useThink },
      judgeTemplate: settings.judgeTemplate,
      model: { model: settings.model.model, maxTokens: settings.model.sampling.max_tokens },
      judges: settings.judges.map((judge) => ({
        model: judge.model,
        maxTokens: judge.sampling.max_tokens,
      })),
      prices,
    });
  }, [settings, examples, prices, env]);

  return (
    <section className="estimate" aria-labelledby="estimate-title" data-testid="run-estimate">
      <h3 id="estimate-title">Estimate before you start</h3>
      <p>
        {estimate.rollouts} rollouts · {estimate.requests} requests · ≈
        {formatTokens(estimate.inputTokens)} input and ≈{formatTokens(estimate.outputTokens)} output
        tokens · cost{' '}
        <strong data-testid="estimate-cost">
          {estimate.costUsd !== null
            ? `≈ ${formatUsd(estimate.costUsd)}`
            : estimate.pricedCostUsd > 0
              ? `unknown (at least ${formatUsd(estimate.pricedCostUsd)}; enter the missing prices)`
              : 'unknown (enter prices below)'}
        </strong>
      </p>
      <ConcurrencyEstimate settings={settings} rollouts={estimate.rollouts} />
      {env.scoring.kind === 'rubric' && (
        <p data-testid="estimate-grader-calls">
          {graderCalls(estimate)} grader calls: one per rubric item of every rollout (≈
          {estimate.rollouts === 0 ? 0 : (graderCalls(estimate) / estimate.rollouts).toFixed(1)} per
          rollout). The grader’s price is what dominates this benchmark’s cost.
        </p>
      )}
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Requests</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">Price (USD per 1M tokens)</th>
          </tr>
        </thead>
        <tbody>
          {estimate.parts.map((part, index) => (
            <tr key={`${part.role}-${index}`}>
              <td>
                {part.role === 'model' ? 'Model' : `Judge ${index}`}: {part.model}
              </td>
              <td>{part.requests}</td>
              <td>
                {formatTokens(part.inputTokens)} / {formatTokens(part.outputTokens)}
              </td>
              <td>{part.costUsd === null ? 'unknown' : formatUsd(part.costUsd)}</td>
              <td>
                {estimate.parts.findIndex((other) => other.model === part.model) === index ? (
                  <PriceInputs key={part.model} model={part.model} prices={prices} />
                ) : (
                  <span className="muted small">as above</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Assumes a response of max tokens (or 400) and 150-token verdicts; the response cache and
        retries change the real figure. Providers that report cost (OpenRouter) are tracked exactly
        once the run starts.
      </p>
    </section>
  );
}

/** The estimate of a benchmark without a jury: its own calls over the run's examples. */
function envEstimate(
  settings: RunSettings,
  chosen: readonly ExampleRecord[],
  { env, envSettings }: RunEnv,
  prices: Parameters<typeof estimateEnvRun>[0]['prices'],
) {
  const grader = settings.judges[0];
  return estimateEnvRun({
    env,
    envSettings,
    examples: chosen.map(toEnvExample),
    rolloutsPerExample: settings.rolloutsPerExample,
    model: { model: settings.model.model, maxTokens: settings.model.sampling.max_tokens },
    grader:
      grader === undefined ? null : { model: grader.model, maxTokens: grader.sampling.max_tokens },
    prices,
  });
}

function graderCalls(estimate: { parts: readonly { role: string; requests: number }[] }): number {
  return estimate.parts.filter((part) => part.role === 'judge').reduce((a, p) => a + p.requests, 0);
}
