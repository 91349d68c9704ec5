// Sampling a split that is not loaded costs Hub API calls: one `/rows` request per window of up to
// 100 rows. Anonymous use allows 500 API calls per IP per 5 minutes (spec §1), shared with browsing,
// so remote samples are capped and the user is told to load the split (Parquet) for more.
import { rowWindows, seededSample, type RowWindow } from './seededSample';

/** At most this many rows in a sample fetched page by page. */
export const MAX_REMOTE_SAMPLE_ROWS = 500;
/** At most this many `/rows` requests for one sample: leaves most of the 500-per-5-minutes budget. */
export const MAX_REMOTE_SAMPLE_REQUESTS = 250;
/** `/rows` answers at most this many rows per call. */
const VIEWER_PAGE_ROWS = 100;

export type RemoteSamplePlan =
  { ok: true; indices: number[]; windows: RowWindow[] } | { ok: false; reason: string };

export function planRemoteSample(
  total: number,
  n: number,
  seed: string | number,
): RemoteSamplePlan {
  if (n > MAX_REMOTE_SAMPLE_ROWS) {
    return {
      ok: false,
      reason: `A sample of a split that is not loaded is limited to ${MAX_REMOTE_SAMPLE_ROWS} rows (the Hub allows 500 API calls per 5 minutes); you asked for ${n}.`,
    };
  }
  const indices = seededSample(total, n, seed);
  const windows = rowWindows(indices, VIEWER_PAGE_ROWS);
  if (windows.length > MAX_REMOTE_SAMPLE_REQUESTS) {
    return {
      ok: false,
      reason: `These ${indices.length} rows are spread over ${windows.length} pages of the split, more than the ${MAX_REMOTE_SAMPLE_REQUESTS} requests a remote sample may use (the Hub allows 500 API calls per 5 minutes).`,
    };
  }
  return { ok: true, indices, windows };
}
