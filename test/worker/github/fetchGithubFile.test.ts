// The GitHub-file source's download against the loopback GitHub imitation: the raw host, retries, the
// jsDelivr mirror, and the git blob id check that proves a file is the pinned one.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { fetchGithubFile, type GithubFileDeps } from '../../../src/worker/github/fetchGithubFile';
import { gitBlobId } from '../../../src/worker/github/gitBlobId';
import { startFakeGitHub, type FakeGitHub } from '../../support/fakeGitHub';

const REPO = 'MedARC-AI/med-lm-envs';
const COMMIT = 'abf68cdbd277afe0ae14a1a7099023e68497c76a';
const PATH = 'environments/sctpublic/sctpublic/data/example_+1.md';
const TEXT = '### Scenario\n\nA child with a rash (37.5\u00cb\u009aC) & "quotes" #1\n';

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

function blobOf(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const sleeps: number[] = [];
function deps(): GithubFileDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    random: () => 0.5,
    now: Date.now,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 60_000 },
  };
}

async function fetchOne(
  content: string | Uint8Array = TEXT,
  blobSha: string | null = blobOf(TEXT),
) {
  gh = await startFakeGitHub({
    notes: [],
    repoFiles: [{ repo: REPO, commit: COMMIT, path: PATH, content }],
  });
  return fetchGithubFile(
    deps(),
    { rawBase: gh.bases.rawBase, mirrorBase: gh.bases.mirrorBase },
    { repo: REPO, commit: COMMIT, path: PATH, blobSha },
    new AbortController().signal,
  );
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('gitBlobId', () => {
  it('is git’s id of the content (git hash-object)', async () => {
    // `printf 'hello\n' | git hash-object --stdin` and the empty blob.
    expect(await gitBlobId(new TextEncoder().encode('hello\n'))).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
    expect(await gitBlobId(new Uint8Array())).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });
});

describe('fetchGithubFile', () => {
  it('reads the pinned file from the raw host with its blob id, each path segment encoded', async () => {
    const file = await fetchOne();
    expect(file).toEqual({
      text: TEXT,
      bytes: Buffer.byteLength(TEXT),
      blobSha: blobOf(TEXT),
      via: 'primary',
    });
    expect(gh!.requests.map((r) => r.path)).toEqual([
      `/raw/${REPO}/${COMMIT}/environments/sctpublic/sctpublic/data/example_%2B1.md`,
    ]);
  });

  it('retries the raw host after a 503 with retry-after, then reads it', async () => {
    sleeps.length = 0;
    gh = await startFakeGitHub({ notes: [] });
    gh.addRepoFile({ repo: REPO, commit: COMMIT, path: PATH, content: TEXT });
    gh.fail({ host: 'raw', status: 503, times: 1, headers: { 'retry-after': '2' } });
    const file = await fetchGithubFile(
      deps(),
      gh.bases,
      { repo: REPO, commit: COMMIT, path: PATH, blobSha: blobOf(TEXT) },
      new AbortController().signal,
    );
    expect(file.via).toBe('primary');
    // The server's 2 s, plus the small jitter the retry policy adds.
    expect(sleeps).toEqual([2000 + 125]);
  });

  it('falls back to the jsDelivr mirror when the raw host keeps failing', async () => {
    gh = await startFakeGitHub({ notes: [] });
    gh.addRepoFile({ repo: REPO, commit: COMMIT, path: PATH, content: TEXT });
    gh.fail({ host: 'raw', status: 404 });
    const file = await fetchGithubFile(
      deps(),
      gh.bases,
      { repo: REPO, commit: COMMIT, path: PATH, blobSha: blobOf(TEXT) },
      new AbortController().signal,
    );
    expect(file.via).toBe('mirror');
    expect(gh.requests.at(-1)?.path).toBe(
      `/cdn/${REPO}@${COMMIT}/environments/sctpublic/sctpublic/data/example_%2B1.md`,
    );
  });

  it('asks the mirror when the raw host serves other bytes, and fails naming both ids when it does too', async () => {
    const other = TEXT.replace('rash', 'rush');
    const error = await errorOf(fetchOne(other));
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toContain(`git blob id ${blobOf(other)}, not the pinned ${blobOf(TEXT)}`);
    expect(gh!.requests.map((r) => r.host)).toEqual(['raw', 'cdn']);
  });

  it('accepts any content at a commit the user chose (no pinned id) and reports its id', async () => {
    const other = 'changed\n';
    const file = await fetchOne(other, null);
    expect(file.blobSha).toBe(blobOf(other));
    expect(file.text).toBe(other);
  });

  it('keeps a byte-order mark, as Python’s utf-8 reading does', async () => {
    const withBom = '\ufeffquestion_id,sct_stem\n';
    const file = await fetchOne(withBom, blobOf(withBom));
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62]);
    const error = await errorOf(fetchOne(bytes, blobOf(bytes)));
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toContain('is not UTF-8 text');
  });

  it('names the hosts, statuses and attempts when neither host serves the file', async () => {
    gh = await startFakeGitHub({ notes: [] });
    const error = await errorOf(
      fetchGithubFile(
        deps(),
        gh.bases,
        { repo: REPO, commit: COMMIT, path: PATH, blobSha: blobOf(TEXT) },
        new AbortController().signal,
      ),
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toMatch(/HTTP 404.*then the mirror: .*HTTP 404/);
  });
});
