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
  scoringMs: number | null;
  totalMs: number | null;
  generationEndMs: number | null;
  scoringEndMs: number | null;
}

const NONE: ReadTiming = {
  generationMs: null,
  scoringMs: null,
  totalMs: null,
  generationEndMs: null,
  scoringEndMs: null,
};

/**
 * Every shape a release wrote: 0.1.14+ spans in seconds under `timing` (`total` a span or, from
 * 0.1.14's model, a number of seconds); 0.1.10–0.1.13 `timing.{start_time, generation_ms,
 * scoring_ms, total_ms}`; 0.1.5–0.1.9 the same durations as top-level columns of the row (`row`),
 * with no start time.
 */
export function readTiming(timing: unknown, row: Record<string, unknown> = {}): ReadTiming {
  if (!isRecord(timing)) return isRecord(row) ? readMilliseconds(null, row) : NONE;
  const generation = timing['generation'];
  if (isRecord(generation)) return readSpans(generation, timing['scoring'], timing['total']);
  return readMilliseconds(finite(timing['start_time']), timing);
}

function readMilliseconds(startS: number | null, source: Record<string, unknown>): ReadTiming {
  const generationMs = finite(source['generation_ms']);
  const totalMs = finite(source['total_ms']);
  return {
    generationMs,
    scoringMs: finite(source['scoring_ms']),
    totalMs,
    generationEndMs: startS !== null && generationMs !== null ? startS * 1000 + generationMs : null,
    scoringEndMs: startS !== null && totalMs !== null ? startS * 1000 + totalMs : null,
  };
}

function readSpans(
  generation: Record<string, unknown>,
  scoring: unknown,
  total: unknown,
): ReadTiming {
  const duration = finite(generation['duration']);
  const genStart = finite(generation['start']);
  const genEnd = finite(generation['end']);
  const scoringSpan = isRecord(scoring) ? scoring : {};
  const scoreEnd = finite(scoringSpan['end']);
  const totalEnd = isRecord(total) ? finite(total['end']) : null;
  const end = scoreEnd ?? totalEnd;
  const totalS = isRecord(total) ? finite(total['duration']) : finite(total);
  const scoringS = finite(scoringSpan['duration']);
  return {
    generationMs: duration === null ? null : duration * 1000,
    scoringMs: scoringS === null ? null : scoringS * 1000,
    totalMs:
      totalS !== null
        ? totalS * 1000
        : end !== null && genStart !== null && end > 0
          ? (end - genStart) * 1000
          : null,
    generationEndMs: genEnd === null || genEnd === 0 ? null : genEnd * 1000,
    scoringEndMs: end === null || end === 0 ? null : end * 1000,
  };
}
