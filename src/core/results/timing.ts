// Owns a rollout's `timing` in results files (results-format.md): we write verifiers 0.1.14+'s spans
// (`{start, end, duration}` in seconds under `generation`, `scoring`, `total`, with `start_time`), and
// read both those and 0.1.12's `{start_time, generation_ms, scoring_ms, total_ms}`. Pure.
import { finiteOrNull as finite, isRecord } from './values';
import type { JudgeCall, RolloutRecord } from '../schema/run';

export interface Span {
  start: number;
  end: number;
  duration: number;
}

export interface SpanTiming {
  start_time: number;
  generation: Span;
  scoring: Span;
  total: Span;
}

function span(startS: number, endS: number): Span {
  return { start: startS, end: endS, duration: endS - startS };
}

/**
 * Generation spans its request's latency, ending when it finished; scoring runs from there to the last
 * judge's answer. A rollout that never generated has zero spans, as verifiers' defaults are.
 */
export function timingOf(rollout: RolloutRecord): SpanTiming {
  const generation = rollout.generation;
  if (generation === undefined) {
    const zero = span(0, 0);
    return { start_time: 0, generation: zero, scoring: zero, total: zero };
  }
  const genEnd = generation.finishedAt / 1000;
  const genStart = genEnd - generation.latencyMs / 1000;
  const judgeEnds = rollout.judges
    .filter((call): call is JudgeCall => call !== null)
    .map((call) => call.finishedAt / 1000);
  const scoreEnd = Math.max(genEnd, ...judgeEnds);
  return {
    start_time: genStart,
    generation: span(genStart, genEnd),
    scoring: span(genEnd, scoreEnd),
    total: span(genStart, scoreEnd),
  };
}

/** What an imported row's timing tells, in milliseconds; null where it does not say. */
export interface ReadTiming {
  generationMs: number | null;
  generationEndMs: number | null;
  scoringEndMs: number | null;
}

const NONE: ReadTiming = { generationMs: null, generationEndMs: null, scoringEndMs: null };

export function readTiming(timing: unknown): ReadTiming {
  if (!isRecord(timing)) return NONE;
  const generation = timing['generation'];
  if (isRecord(generation)) return readSpans(generation, timing['scoring'], timing['total']);
  // 0.1.12: start_time in seconds, phases in milliseconds.
  const start = finite(timing['start_time']);
  const generationMs = finite(timing['generation_ms']);
  const totalMs = finite(timing['total_ms']);
  return {
    generationMs,
    generationEndMs: start !== null && generationMs !== null ? start * 1000 + generationMs : null,
    scoringEndMs: start !== null && totalMs !== null ? start * 1000 + totalMs : null,
  };
}

function readSpans(generation: Record<string, unknown>, scoring: unknown, total: unknown) {
  const duration = finite(generation['duration']);
  const genEnd = finite(generation['end']);
  // Some versions write `total` as a span, newer ones as a plain number of seconds: use `scoring.end`.
  const scoreEnd = isRecord(scoring) ? finite(scoring['end']) : null;
  const totalEnd = isRecord(total) ? finite(total['end']) : null;
  const end = scoreEnd ?? totalEnd;
  return {
    generationMs: duration === null ? null : duration * 1000,
    generationEndMs: genEnd === null || genEnd === 0 ? null : genEnd * 1000,
    scoringEndMs: end === null || end === 0 ? null : end * 1000,
  };
}
