// Owns a rollout's `timing` in results files (results-format.md). We write one real shape, verifiers
// 0.1.14+'s `RolloutTiming.model_dump()` (issue 13 #6): `start_time`; `setup`, `generation` and
// `scoring` spans `{start, end, duration}` in seconds; `model` and `env` span lists `{spans, duration}`;
// `total` and `overhead` as numbers of seconds. We read that, 0.1.10–0.1.13's
// `{start_time, generation_ms, scoring_ms, total_ms}` and 0.1.5–0.1.9's flat columns. Pure.
import { finiteOrNull as finite, isRecord } from './values';
import type { RolloutRecord } from '../schema/run';

interface Span {
  start: number;
  end: number;
  duration: number;
}

interface Spans {
  spans: Span[];
  duration: number;
}

/** verifiers' `RolloutTiming` as `model_dump()` writes it (0.1.14 to main). */
export interface RolloutTiming {
  start_time: number;
  setup: Span;
  generation: Span;
  scoring: Span;
  model: Spans;
  env: Spans;
  total: number;
  overhead: number;
}

/** TimeSpan's rule: no end yet (0) means no duration. */
function span(startS: number, endS: number): Span {
  return { start: startS, end: endS, duration: endS <= 0 ? 0 : endS - startS };
}

const NO_SPAN: Span = { start: 0, end: 0, duration: 0 };

/**
 * Generation spans its request's latency, ending when it finished, and is the one model call; scoring
 * runs from there to the last judge's or grader's answer. We do not time a setup step (there is none
 * worth timing in a single-turn request): it is an empty span at the start. A rollout that never
 * generated has verifiers' default spans, started when it was last touched.
 */
export function timingOf(rollout: RolloutRecord): RolloutTiming {
  const generation = rollout.generation;
  if (generation === undefined) {
    return {
      start_time: rollout.updatedAt / 1000,
      setup: NO_SPAN,
      generation: NO_SPAN,
      scoring: NO_SPAN,
      model: { spans: [], duration: 0 },
      env: { spans: [], duration: 0 },
      total: 0,
      overhead: 0,
    };
  }
  const genEnd = generation.finishedAt / 1000;
  const genStart = genEnd - generation.latencyMs / 1000;
  const scorerEnds = [...rollout.judges, ...(rollout.grades ?? [])].flatMap((call) =>
    call === null ? [] : [call.finishedAt / 1000],
  );
  const scoreEnd = Math.max(genEnd, ...scorerEnds);
  const model = span(genStart, genEnd);
  const scoring = span(genEnd, scoreEnd);
  const setup = span(genStart, genStart);
  const total = scoreEnd <= 0 ? 0 : scoreEnd - genStart;
  return {
    start_time: genStart,
    setup,
    generation: model,
    scoring,
    model: { spans: [model], duration: model.duration },
    env: { spans: [], duration: 0 },
    total,
    overhead: total - setup.duration - model.duration - scoring.duration,
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
