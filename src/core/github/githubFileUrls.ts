// URLs of one file of a GitHub repository at a pinned commit (issue 15: the GitHub-file source kind):
// the raw host first, the jsDelivr mirror second, both from the configurable bases in SourceSettings.
// Each path segment is percent-encoded on its own ('+' in SCT's `example_+1.md`, spaces, '#'), so a
// name can never be read as a query, fragment or another folder. Pure.

export interface GithubFileRef {
  /** `owner/name`. */
  repo: string;
  /** A commit hash. */
  commit: string;
  /** Path inside the repository, `/`-separated, no leading slash. */
  path: string;
}

export interface GithubBases {
  rawBase: string;
  mirrorBase: string;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map(encodeURIComponent)
    .join('/');
}

/** `https://raw.githubusercontent.com/<owner>/<name>/<commit>/<path>` */
export function githubRawUrl(bases: GithubBases, file: GithubFileRef): string {
  return `${bases.rawBase}/${file.repo}/${encodeURIComponent(file.commit)}/${encodePath(file.path)}`;
}

/** `https://cdn.jsdelivr.net/gh/<owner>/<name>@<commit>/<path>` */
export function githubMirrorUrl(bases: GithubBases, file: GithubFileRef): string {
  return `${bases.mirrorBase}/${file.repo}@${encodeURIComponent(file.commit)}/${encodePath(file.path)}`;
}
