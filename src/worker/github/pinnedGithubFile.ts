// One file of a GitHub-file benchmark variant (a row file or a template), fetched at the revision the
// load asked for: at the env's pinned commit it must have the pinned git blob id; at a commit the
// user chose instead, any content is accepted and its blob id recorded. Either way the dataset record
// says which bytes became its examples.
import type { EnvVariant, GithubFilePart, GithubTextFile } from '../../core/envs/types';
import type { DownloadedGithubFile } from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { fetchGithubFile, type GithubFileDeps } from './fetchGithubFile';

export async function fetchPinnedGithubFile(
  deps: GithubFileDeps,
  settings: Pick<SourceSettings, 'rawBase' | 'mirrorBase'>,
  variant: EnvVariant,
  revision: string,
  file: GithubFilePart | GithubTextFile,
  signal: AbortSignal,
): Promise<{ text: string; record: DownloadedGithubFile }> {
  const isPinned = revision === variant.revision;
  const fetched = await fetchGithubFile(
    deps,
    settings,
    { repo: file.repo, commit: revision, path: file.path, blobSha: isPinned ? file.blobSha : null },
    signal,
  );
  return {
    text: fetched.text,
    record: {
      repo: file.repo,
      path: file.path,
      blobSha: fetched.blobSha,
      bytes: fetched.bytes,
      via: fetched.via,
      checked: isPinned,
    },
  };
}
