// What the Judges tab's spread chart says about this run, computed from its scores (#13: a fixed
// caption claimed "nearly every score is a 4 or a 5" for runs where that was false). Pure.
import type { JudgeTrust } from './runStats';

/** Krippendorff's usual lowest acceptable α (0.667; the panel says "about 0.67"). */
const ACCEPTABLE_ALPHA = 0.667;
/** "Nearly every": the share of scores, or of spreads, above which we say so. */
const NEARLY_ALL = 0.8;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The caption under the spread chart; null when no rollout has scores from two judges. */
export function spreadReading(
  trust: Pick<JudgeTrust, 'alpha' | 'spread' | 'scores'>,
): string | null {
  const { spread, scores, alpha } = trust;
  if (spread.n === 0) return null;
  const close = spread.bins
    .filter((bin) => bin.spread <= 1)
    .reduce((sum, bin) => sum + bin.count, 0);
  const closeShare = close / spread.n;
  const sentences = [
    `The judges are at most 1 point apart on ${percent(closeShare)} of the ${spread.n} rollout × criterion scores` +
      (close < spread.n ? `, 2 or more points apart on ${percent(1 - closeShare)}.` : '.'),
  ];
  const topShare = scores.n === 0 ? 0 : scores.fourOrFive / scores.n;
  if (alpha !== null && alpha < ACCEPTABLE_ALPHA) {
    if (closeShare >= NEARLY_ALL && topShare >= NEARLY_ALL) {
      sentences.push(
        `α is low even so because ${percent(topShare)} of the scores are a 4 or a 5: with so little variation, α cannot tell agreement from chance.`,
      );
    } else if (closeShare < NEARLY_ALL) {
      sentences.push(
        'With α low too, the judges disagree: read the rollouts where they differ most.',
      );
    }
  }
  return sentences.join(' ');
}
