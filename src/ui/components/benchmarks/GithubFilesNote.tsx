import type { DownloadedGithubFile } from '../../../core/schema/dataset';

/** Which GitHub files a loaded variant was read from, and whether their git blob ids were checked. */
export function GithubFilesNote({ files }: { files: readonly DownloadedGithubFile[] }) {
  const isChecked = files.every((file) => file.checked);
  const fromMirror = files.filter((file) => file.via === 'mirror').length;
  return (
    <p className="muted small" data-testid="variant-github-files">
      {files.length} {files.length === 1 ? 'file' : 'files'} read
      {isChecked
        ? ', each with the pinned git blob id (the very bytes the reference reads)'
        : ' at a commit you chose: blob ids recorded, not checked against the pinned files'}
      {fromMirror > 0 && ` · ${fromMirror} from the mirror`}.
    </p>
  );
}
