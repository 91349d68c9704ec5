// Owns reading `info.judge_feedback` (results-format.md): the MTSamples environment's record of each
// scoring call and its judges. Shared by the importers of our rows and of the tooling's. Pure.
import { isRecord } from './values';

/** The judges of the last scoring call in `info.judge_feedback`; null when there is none. */
export function feedbackJudges(
  info: Record<string, unknown> | undefined,
): Record<string, unknown>[] | null {
  const feedback = info?.['judge_feedback'];
  if (!Array.isArray(feedback) || feedback.length === 0) return null;
  const last: unknown = feedback[feedback.length - 1];
  const judges = isRecord(last) ? last['judges'] : undefined;
  return Array.isArray(judges) ? judges.filter(isRecord) : null;
}
