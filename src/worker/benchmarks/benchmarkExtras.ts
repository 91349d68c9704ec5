// Extra files a benchmark variant needs besides its rows (PubMedQA: the official test-subset list;
// SCT's prompt templates, GitHub files checked against their blob ids). An optional one that cannot
// be fetched is reported by name, never silently dropped.
import { AppError } from '../../core/errors';
import type { EnvVariant, ExtraJsonFile, GithubTextFile } from '../../core/envs/types';
import type { DownloadedGithubFile } from '../../core/schema/dataset';
import { DEFAULT_RETRY_POLICY } from '../../core/retryPolicy';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { fetchTextWithRetry } from '../fetchWithRetry';
import { resolveUrl } from '../hf/hfBases';
import type { HfDeps } from '../hf/viewerApi';
import { fetchPinnedGithubFile } from '../github/pinnedGithubFile';
import { pyJsonDigitLimitError } from '../../core/envs/multipleChoice/python/pythonJson';

function extraUrl(
  hf: HfDeps,
  settings: SourceSettings,
  variant: EnvVariant,
  revision: string,
  extra: ExtraJsonFile,
) {
  if (extra.base === 'githubRaw') return `${settings.rawBase}/${extra.path}`;
  const first = variant.parts[0];
  const dataset = first !== undefined && 'dataset' in first ? first.dataset : '';
  return resolveUrl(hf.bases, dataset, revision, extra.path);
}

async function fetchExtra(hf: HfDeps, url: string, signal: AbortSignal): Promise<unknown> {
  const text = await fetchTextWithRetry(hf, url, DEFAULT_RETRY_POLICY, signal);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('dataset_format', `${new URL(url).host} served a file that is not JSON.`);
  }
  // The reference reads these files with json.load (PubMedQA's test_ground_truth.json), which refuses
  // an int literal past CPython's digit limit.
  const pythonRaises = pyJsonDigitLimitError(text);
  if (pythonRaises !== null) {
    throw new AppError(
      'dataset_format',
      `${new URL(url).host} served a file that Python's json.load refuses: ${pythonRaises}.`,
    );
  }
  return parsed;
}

export interface FetchedExtras {
  extras: Record<string, unknown>;
  /** Optional files that could not be fetched, each with the reason. */
  missing: string[];
  /** The GitHub text files read, as downloaded. */
  githubFiles: DownloadedGithubFile[];
}

export async function fetchExtras(
  hf: HfDeps,
  settings: SourceSettings,
  variant: EnvVariant,
  revision: string,
  signal: AbortSignal,
): Promise<FetchedExtras> {
  const extras: Record<string, unknown> = {};
  const missing: string[] = [];
  const githubFiles: DownloadedGithubFile[] = [];
  for (const extra of variant.extras ?? []) {
    if (isGithubText(extra)) {
      const file = await fetchPinnedGithubFile(hf, settings, variant, revision, extra, signal);
      extras[extra.name] = file.text;
      githubFiles.push(file.record);
      continue;
    }
    try {
      extras[extra.name] = await fetchExtra(
        hf,
        extraUrl(hf, settings, variant, revision, extra),
        signal,
      );
    } catch (error) {
      if (!extra.optional || (error instanceof AppError && error.kind === 'aborted')) throw error;
      missing.push(`${extra.name} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { extras, missing, githubFiles };
}

function isGithubText(extra: ExtraJsonFile | GithubTextFile): extra is GithubTextFile {
  return 'kind' in extra;
}
