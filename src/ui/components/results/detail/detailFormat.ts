// Text for the rollout detail: missing values are "—", never 0.
import type { CallError } from '../../../../core/schema/run';

export function scoreText(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

export function latencyText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const integer = new Intl.NumberFormat('en-US');

/** "3,414 in / 327 out", grouped as the results table groups its In / Out columns. */
export function tokensText(
  usage: { inputTokens: number; outputTokens: number } | null | undefined,
) {
  return usage === null || usage === undefined
    ? '—'
    : `${integer.format(usage.inputTokens)} in / ${integer.format(usage.outputTokens)} out`;
}

export function costText(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '—';
  return usd === 0 ? '$0' : `$${usd < 0.01 ? usd.toPrecision(2) : usd.toFixed(4)}`;
}

/** Sum of the known costs; null when none is known (an unknown cost is not $0). */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : known.reduce((sum, v) => sum + v, 0);
}

/** "rate_limit · HTTP 429 · 5 attempts: Too many requests". */
export function errorText(error: CallError): string {
  const facts = [
    error.kind,
    error.status === undefined ? null : `HTTP ${error.status}`,
    error.attempts === undefined
      ? null
      : `${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`,
  ].filter((fact): fact is string => fact !== null);
  return `${facts.join(' · ')}: ${error.message}`;
}
