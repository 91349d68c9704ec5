// The fake hosts are only worth something if they behave like the real ones where the app depends on
// it, and fail loudly where a careless client would get lucky. Real fetch over loopback throughout.
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_DEFAULT_COMMIT,
  FAKE_EXTRA_DIR,
  FAKE_EXTRA_FILE,
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
} from './fakeGitHub';
import { FIXTURE_EXPECTED, fixtureNotes, syntheticCorpus } from './notesFixture';
import { waitUntil } from './waitUntil';

const REPO = 'raulista1997/benchmarkdata';
const FOLDER = 'mtsample_procedure';

let fake: FakeGitHub | undefined;

async function start(options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ notes: fixtureNotes(), ...options });
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const listUrl = (f: FakeGitHub, ref = f.commit) =>
  `${f.bases.githubApiBase}/repos/${REPO}/contents/${FOLDER}?ref=${ref}`;
const rawUrl = (f: FakeGitHub, name: string, commit = f.commit) =>
  `${f.bases.rawBase}/${REPO}/${commit}/${FOLDER}/${encodeURIComponent(name)}`;
const cdnUrl = (f: FakeGitHub, name: string) =>
  `${f.bases.mirrorBase}/${REPO}@${f.commit}/${FOLDER}/${encodeURIComponent(name)}`;
const cdnListUrl = (f: FakeGitHub) => `${f.bases.mirrorApiBase}/${REPO}@${f.commit}?structure=flat`;

interface ApiItem {
  name: string;
  path: string;
  sha: string;
  size: number;
  type: string;
  download_url: string | null;
}

const textOf = (name: string) => {
  const note = fixtureNotes().find((n) => n.name === name);
  if (note === undefined) throw new Error(`no fixture note ${name}`);
  return note.text;
};

describe('fixture notes', () => {
  it('cover the characters that break URLs and an order where code units and locale disagree', () => {
    const names = fixtureNotes().map((n) => n.name);
    for (const ch of ['#', '&', ' ', ',', '(', ')', "'"]) {
      expect(names.some((name) => name.includes(ch))).toBe(true);
    }
    expect(new Set(names).size).toBe(names.length);
    const byLocale = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    expect(byLocale).not.toEqual(FIXTURE_EXPECTED.listingOrder);
    expect(fixtureNotes().some((n) => n.text.includes('\r\n'))).toBe(true);
  });

  it('syntheticCorpus is deterministic, unique-named and about 3.5 KB a note', () => {
    const corpus = syntheticCorpus(200, 7);
    expect(syntheticCorpus(200, 7)).toEqual(corpus);
    expect(syntheticCorpus(200, 8)).not.toEqual(corpus);
    expect(new Set(corpus.map((n) => n.name)).size).toBe(200);
    const mean = corpus.reduce((sum, n) => sum + Buffer.byteLength(n.text), 0) / corpus.length;
    expect(mean).toBeGreaterThan(2_800);
    expect(mean).toBeLessThan(4_300);
    const withHeader = corpus.filter((n) => /(PLAN|SUMMARY|FINDINGS): \S/i.test(n.text)).length;
    expect(withHeader / corpus.length).toBeGreaterThan(0.2);
    expect(withHeader / corpus.length).toBeLessThan(0.4);
  });
});

describe('startFakeGitHub', () => {
  it('lists the pinned folder like GitHub: code-unit order, blob shas, a dir and a non-.txt file', async () => {
    const f = await start();
    const response = await fetch(listUrl(f));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const items = (await response.json()) as ApiItem[];
    const names = items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(
      items.filter((i) => i.type === 'file' && i.name.endsWith('.txt')).map((i) => i.name),
    ).toEqual(FIXTURE_EXPECTED.listingOrder);
    expect(items.find((i) => i.name === FAKE_EXTRA_DIR)?.type).toBe('dir');
    expect(items.find((i) => i.name === FAKE_EXTRA_FILE)?.type).toBe('file');

    const biopsy = items.find((i) => i.name === 'Biopsy #2 & Closure.txt');
    const text = textOf('Biopsy #2 & Closure.txt');
    expect(biopsy).toMatchObject({
      path: `${FOLDER}/Biopsy #2 & Closure.txt`,
      size: Buffer.byteLength(text),
      type: 'file',
      download_url: rawUrl(f, 'Biopsy #2 & Closure.txt'),
    });
    // `git hash-object` of the same bytes.
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha1')
      .update(`blob ${Buffer.byteLength(text)}\0${text}`)
      .digest('hex');
    expect(biopsy?.sha).toBe(sha);
    // The advertised download_url really serves the file.
    expect(await (await fetch(biopsy?.download_url ?? '')).text()).toBe(text);
    expect(f.requests.map((r) => [r.host, r.status])).toEqual([
      ['api', 200],
      ['raw', 200],
    ]);
  });

  it('reports byte sizes, not string lengths, for non-ASCII notes', async () => {
    const f = await start();
    const items = (await (await fetch(listUrl(f))).json()) as ApiItem[];
    const lipoma = items.find((i) => i.name === 'Excision of Lipoma.txt');
    const text = textOf('Excision of Lipoma.txt');
    expect(lipoma?.size).toBe(Buffer.byteLength(text));
    expect(lipoma?.size).toBeGreaterThan(text.length);
  });

  it('404s a wrong or missing ref, and a wrong repo or folder', async () => {
    const f = await start();
    expect((await fetch(listUrl(f, 'deadbeef'))).status).toBe(404);
    expect((await fetch(`${f.bases.githubApiBase}/repos/${REPO}/contents/${FOLDER}`)).status).toBe(
      404,
    );
    expect(
      (await fetch(`${f.bases.githubApiBase}/repos/x/y/contents/${FOLDER}?ref=${f.commit}`)).status,
    ).toBe(404);
    expect(
      (await fetch(`${f.bases.githubApiBase}/repos/${REPO}/contents/other?ref=${f.commit}`)).status,
    ).toBe(404);
    expect((await fetch(rawUrl(f, 'Port Placement.txt', 'deadbeef'))).status).toBe(404);
    expect((await fetch(`${f.bases.mirrorApiBase}/${REPO}@deadbeef?structure=flat`)).status).toBe(
      404,
    );
  });

  it('honours repo, folder and commit options', async () => {
    const commit = '0123456789abcdef0123456789abcdef01234567';
    const f = await start({ repo: 'me/mirror', folder: 'notes/v1', commit });
    const url = `${f.bases.rawBase}/me/mirror/${commit}/notes/v1/${encodeURIComponent('Wound Closure.txt')}`;
    expect(await (await fetch(url)).text()).toBe(textOf('Wound Closure.txt'));
    expect(commit).not.toBe(FAKE_DEFAULT_COMMIT);
    expect((await fetch(rawUrl(f, 'Wound Closure.txt', FAKE_DEFAULT_COMMIT))).status).toBe(404);
  });

  it('serves every fixture name percent-encoded as one segment, from raw and the CDN', async () => {
    const f = await start();
    for (const { name, text } of fixtureNotes()) {
      const raw = await fetch(rawUrl(f, name));
      expect(raw.status, name).toBe(200);
      expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await raw.text()).toBe(text);
      const cdn = await fetch(cdnUrl(f, name));
      expect(cdn.status, name).toBe(200);
      expect(await cdn.text()).toBe(text);
    }
    expect(f.requests.find((r) => r.path.includes('Biopsy'))).toEqual({
      host: 'raw',
      path: `/raw/${REPO}/${f.commit}/${FOLDER}/Biopsy%20%232%20%26%20Closure.txt`,
      name: 'Biopsy #2 & Closure.txt',
      status: 200,
      at: expect.any(Number) as number,
    });
  });

  it("404s a name whose '#' or '&' was not encoded, and a malformed escape", async () => {
    const f = await start();
    const base = `${f.bases.rawBase}/${REPO}/${f.commit}/${FOLDER}/`;
    // fetch drops everything from an unencoded '#' on: the server sees "Biopsy ".
    const hash = await fetch(`${base}Biopsy #2 & Closure.txt`);
    expect(hash.status).toBe(404);
    expect(f.requests.at(-1)?.path).toBe(`/raw/${REPO}/${f.commit}/${FOLDER}/Biopsy%20`);
    // '&' is legal in a path, but the app must encode it; the fake insists.
    const amp = await fetch(
      `${base}${encodeURIComponent('Tonsillectomy ')}&${encodeURIComponent(' Adenoidectomy.txt')}`,
    );
    expect(amp.status).toBe(404);
    expect(await amp.text()).toMatch(/encodeURIComponent/);
    expect((await fetch(`${base}%E0%A4%A.txt`)).status).toBe(404);
    // Lower-case hex is still the same encoding.
    expect((await fetch(`${base}Appendectomy%2c%20Laparoscopic.txt`)).status).toBe(200);
    expect((await fetch(`${base}no%20such%20note.txt`)).status).toBe(404);
  });

  it('lists the mirror like jsDelivr: flat, slash-prefixed paths, including files the app must ignore', async () => {
    const f = await start();
    const response = await fetch(cdnListUrl(f));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      files: { name: string; hash: string; size: number }[];
    };
    const inFolder = body.files
      .map((file) => file.name)
      .filter((name) => name.startsWith(`/${FOLDER}/`) && name.endsWith('.txt'))
      .map((name) => name.slice(FOLDER.length + 2));
    expect(inFolder.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(
      FIXTURE_EXPECTED.listingOrder,
    );
    expect(body.files.some((file) => file.name === `/${FOLDER}/${FAKE_EXTRA_FILE}`)).toBe(true);
    expect(body.files.some((file) => file.name.startsWith(`/${FOLDER}/${FAKE_EXTRA_DIR}/`))).toBe(
      true,
    );
    expect(body.files.some((file) => !file.name.startsWith(`/${FOLDER}/`))).toBe(true);
    const port = body.files.find((file) => file.name === `/${FOLDER}/Port Placement.txt`);
    expect(port?.size).toBe(Buffer.byteLength(textOf('Port Placement.txt')));
    expect(port?.hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('sends CORS headers on every response, errors included, and answers preflights with 204', async () => {
    const f = await start();
    const responses = [
      await fetch(listUrl(f)),
      await fetch(rawUrl(f, 'Port Placement.txt')),
      await fetch(cdnUrl(f, 'nope.txt')),
      await fetch(cdnListUrl(f)),
      await fetch(`${f.origin}/elsewhere`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 200, 404]);
    for (const response of responses) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toMatch(/\bRetry-After\b/);
    }
    const preflight = await fetch(listUrl(f), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-custom',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-custom');
    expect(f.requests.some((r) => r.path.includes('x-custom'))).toBe(false);
    expect(f.requests).toHaveLength(5);
  });

  it('fails by rule: per host and name, a limited number of times, with headers', async () => {
    const f = await start();
    f.fail({
      host: 'raw',
      name: 'Port Placement.txt',
      status: 429,
      headers: { 'Retry-After': '2' },
      times: 2,
    });
    f.fail({ host: 'api', status: 403, headers: { 'x-ratelimit-remaining': '0' }, times: 1 });

    const first = await fetch(rawUrl(f, 'Port Placement.txt'));
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(rawUrl(f, 'Wound Closure.txt'))).status).toBe(200); // other names unaffected
    expect((await fetch(cdnUrl(f, 'Port Placement.txt'))).status).toBe(200); // other hosts unaffected
    expect((await fetch(rawUrl(f, 'Port Placement.txt'))).status).toBe(429);
    const third = await fetch(rawUrl(f, 'Port Placement.txt'));
    expect(third.status).toBe(200); // spent after `times`
    expect(await third.text()).toBe(textOf('Port Placement.txt'));

    const limited = await fetch(listUrl(f));
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await fetch(listUrl(f))).status).toBe(200);

    f.fail({ host: 'cdn', status: 503 }); // every name, forever
    for (const name of ['Port Placement.txt', 'Wound Closure.txt', 'Wound Closure.txt']) {
      expect((await fetch(cdnUrl(f, name))).status).toBe(503);
    }
    f.clearFailures();
    expect((await fetch(cdnUrl(f, 'Wound Closure.txt'))).status).toBe(200);

    expect(f.requests.filter((r) => r.host === 'raw').map((r) => r.status)).toEqual([
      429, 200, 429, 200,
    ]);
    expect(() => f.fail({ host: 'raw', status: 0 })).toThrow(/mode/);
  });

  it('drops a connection: fetch rejects, and the next request succeeds', async () => {
    const f = await start();
    f.fail({ host: 'raw', status: 0, mode: 'drop', times: 1 });
    await expect(fetch(rawUrl(f, 'Port Placement.txt'))).rejects.toThrow(TypeError);
    expect((await fetch(rawUrl(f, 'Port Placement.txt'))).status).toBe(200);
    expect(f.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('hangs a request until the client aborts, or until the server closes', async () => {
    const f = await start();
    f.fail({ host: 'cdn-api', status: 0, mode: 'hang' });
    const controller = new AbortController();
    const aborted = fetch(cdnListUrl(f), { signal: controller.signal });
    await waitUntil(() => f.received() === 1, 'the request to reach the fake');
    controller.abort();
    await expect(aborted).rejects.toThrow(/abort/i);

    const pending = fetch(cdnListUrl(f)).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => `rejected: ${String(error)}`,
    );
    await waitUntil(() => f.received() === 2, 'the second request to reach the fake');
    await f.close();
    fake = undefined;
    expect(await pending).toMatch(/^rejected/);
  });

  it('adds latency, changeable while running, and close() does not wait for it', async () => {
    const f = await start({ latencyMs: 120 });
    const started = Date.now();
    expect((await fetch(rawUrl(f, 'Port Placement.txt'))).status).toBe(200);
    // A lower bound only: a wait the fake imposed, which a loaded machine can only lengthen.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    f.setLatency(0);
    expect((await fetch(rawUrl(f, 'Port Placement.txt'))).status).toBe(200);

    // Ten minutes of latency: the request is held (not answered) and close() ends it at once.
    f.setLatency(600_000);
    const pending = fetch(rawUrl(f, 'Port Placement.txt')).then(
      () => 'answered',
      () => 'rejected',
    );
    await waitUntil(() => f.received() === 3, 'the request to reach the fake');
    await f.close();
    fake = undefined;
    expect(await pending).toBe('rejected');
  });

  it('rejects duplicate names and names with a slash', async () => {
    await expect(startFakeGitHub({ notes: [{ name: 'a/b.txt', text: 'x' }] })).rejects.toThrow(
      /slash|'\/'/,
    );
    await expect(
      startFakeGitHub({
        notes: [
          { name: 'a.txt', text: 'x' },
          { name: 'a.txt', text: 'y' },
        ],
      }),
    ).rejects.toThrow(/duplicate/);
  });
});
