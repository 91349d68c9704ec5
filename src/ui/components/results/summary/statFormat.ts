// Text for the results statistics: every number with its n, missing values as "—", never 0.
import type { Mean } from '../../../../core/results/runStats';
import type { MeanInterval } from '../../../../core/stats/bootstrap';

export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** "+0.032", "−0.010": a difference always shows its sign. */
export function signed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '—';
  const text = Math.abs(value).toFixed(digits);
  return value >= 0 ? `+${text}` : `−${text}`;
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** "0.812 [0.790, 0.833]": the 95% interval in brackets; no interval for n < 2. */
export function intervalText(interval: MeanInterval, digits = 3, format = fixed): string {
  if (interval.mean === null) return '—';
  if (interval.n < 2) return format(interval.mean, digits);
  return `${format(interval.mean, digits)} [${format(interval.low, digits)}, ${format(interval.high, digits)}]`;
}

export function meanText(mean: Mean, digits = 2): string {
  return mean.mean === null ? '—' : mean.mean.toFixed(digits);
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
