// Small helpers for benchmark figures: these machines are shared and noisy, so report medians.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function fmt(ms: number, digits = 0): string {
  return `${ms.toFixed(digits)} ms`;
}

export interface BenchSection {
  title: string;
  lines: string[];
}
