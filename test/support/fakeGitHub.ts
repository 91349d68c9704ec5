// A loopback imitation of the four hosts the MTSamples download uses (spec mtsamples-procedures §1):
// GitHub's contents API, raw.githubusercontent.com, the jsDelivr GitHub CDN and jsDelivr's data API,
// each under a path prefix of ONE server, so the real worker fetch path runs against it (STYLE: mock
// the network, not our modules; page.route misses worker fetches, browser-platform §6).
//
// Stricter than the real hosts on purpose: a file name must arrive as exactly one
// encodeURIComponent-encoded path segment, so an app that forgets to encode '&' or '#' fails here
// with a 404 instead of passing by luck.
//
// Besides the notes folder it serves any repository files a test registers (`repoFiles`: the
// GitHub-file benchmark source, issue 15) at `raw/<owner>/<name>/<commit>/<path>` and
// `cdn/<owner>/<name>@<commit>/<path>`, byte for byte, each path segment encoded the same strict way.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type FakeHost = 'api' | 'raw' | 'cdn' | 'cdn-api';

interface FakeNote {
  name: string;
  text: string;
}

interface FakeRequest {
  /** Which imitated host answered; 'other' for paths under none of the prefixes. */
  host: FakeHost | 'other';
  /** Path as received, query included, still percent-encoded (e.g. `/raw/o/r/<sha>/f/a%23b.txt`). */
  path: string;
  /** Decoded file name for raw/cdn requests whose name segment could be decoded. */
  name?: string;
  /** Status sent; 0 when the connection was dropped or left hanging. */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

interface FailRule {
  host: FakeHost;
  /** A file name (decoded) for raw/cdn, or a repository file's path; undefined matches every request to the host. */
  name?: string;
  /** HTTP status to answer with; use 0 together with `mode`. */
  status: number;
  /** `drop` destroys the socket (fetch rejects); `hang` never answers until the server closes. */
  mode?: 'drop' | 'hang';
  headers?: Record<string, string>;
  /** How many matching requests fail before the rule is spent; default Infinity. */
  times?: number;
}

/** A file of some repository at some commit, served by the raw and CDN hosts. */
export interface FakeRepoFile {
  repo: string;
  commit: string;
  path: string;
  content: string | Uint8Array;
}

export interface FakeGitHubOptions {
  notes: FakeNote[];
  repoFiles?: FakeRepoFile[];
  /** default 'raulista1997/benchmarkdata' */
  repo?: string;
  /** default 'mtsample_procedure' */
  folder?: string;
  /** default the pinned commit c4c2524… */
  commit?: string;
  latencyMs?: number;
}

interface FakeGitHubBases {
  githubApiBase: string;
  rawBase: string;
  mirrorBase: string;
  mirrorApiBase: string;
}

export interface FakeGitHub {
  /** Full base URLs, e.g. `http://127.0.0.1:<port>/api`; they match SourceSettings' keys. */
  bases: FakeGitHubBases;
  origin: string;
  repo: string;
  folder: string;
  commit: string;
  /** Every non-preflight request, in the order it was answered (hangs and drops when decided). */
  requests: FakeRequest[];
  /** Requests that reached the server so far, answered or not (latency and hangs included). */
  received(): number;
  fail(rule: FailRule): void;
  /** Serves another repository file (or replaces one at the same repo, commit and path). */
  addRepoFile(file: FakeRepoFile): void;
  /** Drops every fail rule that is still active. */
  clearFailures(): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const FAKE_DEFAULT_REPO = 'raulista1997/benchmarkdata';
const FAKE_DEFAULT_FOLDER = 'mtsample_procedure';
export const FAKE_DEFAULT_COMMIT = 'c4c252443fa9c52afb6960f53e51be278639bea2';

/** Entries the real folder does not have, present so a test proves the app keeps only `.txt` files. */
export const FAKE_EXTRA_DIR = 'images';
export const FAKE_EXTRA_FILE = 'README.md';
const EXTRA_FILE_TEXT = '# Fixture notes\n\nNot a note: the app must ignore this file.\n';
const EXTRA_DIR_FILE = 'scan.png';

const PREFIX: Record<FakeHost, string> = {
  api: '/api',
  raw: '/raw',
  cdn: '/cdn',
  'cdn-api': '/cdn-api',
};

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
};

/** Plain `<`: git's tree order and GitHub's listing order, never locale order. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function jsDelivrHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

function hostOfPath(path: string): FakeHost | 'other' {
  // Longest prefix first: '/cdn-api' also starts with '/cdn'.
  for (const host of ['cdn-api', 'api', 'raw', 'cdn'] as const) {
    const prefix = PREFIX[host];
    if (path === prefix || path.startsWith(`${prefix}/`)) return host;
  }
  return 'other';
}

/**
 * Decodes a file-name segment, accepting it only when it is exactly what encodeURIComponent makes of
 * the name (hex digits in either case). Returns null for a malformed or unencoded segment.
 */
function decodeNameSegment(segment: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const canonical = encodeURIComponent(name);
  const received = segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return received === canonical ? name : null;
}

interface Reply {
  status: number;
  body: string | Buffer;
  contentType: string;
  headers?: Record<string, string>;
  name?: string;
}

function json(status: number, body: unknown, name?: string): Reply {
  return {
    status,
    body: JSON.stringify(body),
    contentType: 'application/json; charset=utf-8',
    ...(name === undefined ? {} : { name }),
  };
}

function text(status: number, body: string, name?: string): Reply {
  return {
    status,
    body,
    contentType: 'text/plain; charset=utf-8',
    ...(name === undefined ? {} : { name }),
  };
}

/** One entry of GitHub's contents listing (the fields the real API sends that matter here). */
interface ApiEntry {
  name: string;
  path: string;
  sha: string;
  size: number;
  url: string;
  html_url: string;
  git_url: string;
  download_url: string | null;
  type: 'file' | 'dir';
}

interface StoredFile {
  name: string;
  bytes: Buffer;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const repo = options.repo ?? FAKE_DEFAULT_REPO;
  const folder = options.folder ?? FAKE_DEFAULT_FOLDER;
  const commit = options.commit ?? FAKE_DEFAULT_COMMIT;
  let latencyMs = options.latencyMs ?? 0;

  const files = new Map<string, StoredFile>();
  for (const note of options.notes) {
    if (note.name.includes('/')) throw new Error(`note names cannot contain '/': ${note.name}`);
    if (files.has(note.name)) throw new Error(`duplicate note name: ${note.name}`);
    files.set(note.name, { name: note.name, bytes: Buffer.from(note.text, 'utf8') });
  }
  // The extra non-.txt file is servable too, like any file in the real folder.
  if (!files.has(FAKE_EXTRA_FILE)) {
    files.set(FAKE_EXTRA_FILE, { name: FAKE_EXTRA_FILE, bytes: Buffer.from(EXTRA_FILE_TEXT) });
  }

  const repoFiles = new Map<string, Buffer>();
  const repoKey = (repo: string, commit: string, path: string) => `${repo}\n${commit}\n${path}`;
  const addRepoFile = (file: FakeRepoFile) => {
    const bytes =
      typeof file.content === 'string'
        ? Buffer.from(file.content, 'utf8')
        : Buffer.from(file.content);
    repoFiles.set(repoKey(file.repo, file.commit, file.path), bytes);
  };
  (options.repoFiles ?? []).forEach(addRepoFile);

  /** A registered repository file at `<repo><sep><commit>/<encoded path>`, or null. */
  function repoFileReply(rest: string, separator: '/' | '@'): Reply | null {
    for (const key of repoFiles.keys()) {
      const [repo = '', commit = ''] = key.split('\n');
      const prefix = `${repo}${separator}${commit}/`;
      if (!rest.startsWith(prefix)) continue;
      const names = rest.slice(prefix.length).split('/').map(decodeNameSegment);
      if (names.some((name) => name === null)) return null;
      const path = names.join('/');
      const bytes = repoFiles.get(repoKey(repo, commit, path));
      if (bytes === undefined) continue;
      return { status: 200, body: bytes, contentType: 'text/plain; charset=utf-8', name: path };
    }
    return null;
  }

  const rules: (FailRule & { left: number })[] = [];
  const requests: FakeRequest[] = [];
  let arrived = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const rawUrl = (name: string) =>
    `${origin}${PREFIX.raw}/${repo}/${commit}/${folder}/${encodeURIComponent(name)}`;

  function apiListing(): ApiEntry[] {
    const entries = [...files.values()].map((file): ApiEntry => {
      const path = `${folder}/${file.name}`;
      const url = `${origin}${PREFIX.api}/repos/${repo}/contents/${encodeURI(path)}?ref=${commit}`;
      return {
        name: file.name,
        path,
        sha: gitBlobSha(file.bytes),
        size: file.bytes.length,
        url,
        html_url: `https://github.com/${repo}/blob/${commit}/${encodeURI(path)}`,
        git_url: `${origin}${PREFIX.api}/repos/${repo}/git/blobs/${gitBlobSha(file.bytes)}`,
        download_url: rawUrl(file.name),
        type: 'file',
      };
    });
    entries.push({
      name: FAKE_EXTRA_DIR,
      path: `${folder}/${FAKE_EXTRA_DIR}`,
      sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      size: 0,
      url: `${origin}${PREFIX.api}/repos/${repo}/contents/${folder}/${FAKE_EXTRA_DIR}?ref=${commit}`,
      html_url: `https://github.com/${repo}/tree/${commit}/${folder}/${FAKE_EXTRA_DIR}`,
      git_url: `${origin}${PREFIX.api}/repos/${repo}/git/trees/4b825dc642cb6eb9a060e54bf8d69288fbee4904`,
      download_url: null,
      type: 'dir',
    });
    return entries.sort((a, b) => byCodeUnit(a.name, b.name));
  }

  function mirrorListing(): unknown {
    const flat = [...files.values()].map((file) => ({
      name: `/${folder}/${file.name}`,
      hash: jsDelivrHash(file.bytes),
      size: file.bytes.length,
    }));
    const png = Buffer.from('not really a png');
    flat.push(
      {
        name: `/${folder}/${FAKE_EXTRA_DIR}/${EXTRA_DIR_FILE}`,
        hash: jsDelivrHash(png),
        size: png.length,
      },
      { name: '/README.md', hash: jsDelivrHash(Buffer.from('root')), size: 4 },
    );
    return {
      type: 'gh',
      name: repo,
      version: commit,
      default: null,
      files: flat.sort((a, b) => byCodeUnit(a.name, b.name)),
    };
  }

  /** Serves `<folder>/<encoded name>` from the rest of a raw or CDN path. */
  function fileReply(rest: string): Reply {
    const folderPrefix = `${folder}/`;
    if (!rest.startsWith(folderPrefix)) return text(404, '404: Not Found');
    const segment = rest.slice(folderPrefix.length);
    if (segment.includes('/')) return text(404, '404: Not Found');
    const name = decodeNameSegment(segment);
    if (name === null) {
      return text(
        404,
        `404: Not Found (fake: the name must be one encodeURIComponent segment, got ${JSON.stringify(segment)})`,
      );
    }
    const file = files.get(name);
    if (file === undefined) return text(404, '404: Not Found', name);
    return {
      status: 200,
      body: file.bytes.toString('utf8'),
      contentType: 'text/plain; charset=utf-8',
      name,
    };
  }

  function route(host: FakeHost | 'other', path: string, query: URLSearchParams): Reply {
    const notFoundJson = json(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
    switch (host) {
      case 'api': {
        const expected = `${PREFIX.api}/repos/${repo}/contents/${folder}`;
        if (path !== expected && path !== `${expected}/`) return notFoundJson;
        const ref = query.get('ref');
        // The app must pin the listing (spec §1); an unpinned or wrong ref is a 404 here.
        if (ref !== commit) {
          return json(404, { message: `No commit found for the ref ${ref ?? '(none)'}` });
        }
        return json(200, apiListing());
      }
      case 'cdn-api': {
        if (path !== `${PREFIX['cdn-api']}/${repo}@${commit}`) {
          return json(404, { status: 404, message: `Couldn't find the requested release.` });
        }
        if (query.get('structure') !== 'flat') {
          return json(400, { status: 400, message: 'fake: only ?structure=flat is implemented' });
        }
        return json(200, mirrorListing());
      }
      case 'raw': {
        const repoFile = repoFileReply(path.slice(`${PREFIX.raw}/`.length), '/');
        if (repoFile !== null) return repoFile;
        const base = `${PREFIX.raw}/${repo}/${commit}/`;
        return path.startsWith(base)
          ? fileReply(path.slice(base.length))
          : text(404, '404: Not Found');
      }
      case 'cdn': {
        const repoFile = repoFileReply(path.slice(`${PREFIX.cdn}/`.length), '@');
        if (repoFile !== null) return repoFile;
        const base = `${PREFIX.cdn}/${repo}@${commit}/`;
        return path.startsWith(base)
          ? fileReply(path.slice(base.length))
          : text(404, `Couldn't find the requested file.`);
      }
      case 'other':
        return text(404, 'fake GitHub: unknown host prefix');
    }
  }

  function takeRule(host: FakeHost | 'other', name: string | undefined): FailRule | undefined {
    if (host === 'other') return undefined;
    const rule = rules.find(
      (r) => r.left > 0 && r.host === host && (r.name === undefined || r.name === name),
    );
    if (rule !== undefined) rule.left -= 1;
    return rule;
  }

  function later(action: () => void): void {
    if (latencyMs <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, latencyMs);
    timers.add(timer);
  }

  function respond(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const host = hostOfPath(url.pathname);
    const received = req.url ?? '/';

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS_HEADERS,
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }

    arrived++;
    const reply =
      req.method === 'GET' || req.method === 'HEAD'
        ? route(host, url.pathname, url.searchParams)
        : text(405, 'Method Not Allowed');
    const rule = takeRule(host, reply.name);
    const record: FakeRequest = {
      host,
      path: received,
      ...(reply.name === undefined ? {} : { name: reply.name }),
      status: rule === undefined ? reply.status : rule.mode === undefined ? rule.status : 0,
      at: Date.now(),
    };

    later(() => {
      if (res.destroyed) return;
      requests.push(record);
      if (rule?.mode === 'drop') {
        req.socket.destroy();
        return;
      }
      if (rule?.mode === 'hang') return; // answered never; close() destroys the socket
      const out =
        rule === undefined
          ? reply
          : host === 'api' || host === 'cdn-api'
            ? json(rule.status, { message: `fake failure ${rule.status}` })
            : text(rule.status, `fake failure ${rule.status}`);
      const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
      res.writeHead(out.status, {
        ...CORS_HEADERS,
        'content-type': out.contentType,
        'content-length': String(body.length),
        'cache-control': 'no-store',
        ...rule?.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  }

  const server = createServer(respond);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    bases: {
      githubApiBase: `${origin}${PREFIX.api}`,
      rawBase: `${origin}${PREFIX.raw}`,
      mirrorBase: `${origin}${PREFIX.cdn}`,
      mirrorApiBase: `${origin}${PREFIX['cdn-api']}`,
    },
    origin,
    repo,
    folder,
    commit,
    requests,
    received: () => arrived,
    addRepoFile,
    fail(rule) {
      if (rule.status === 0 && rule.mode === undefined) {
        throw new Error('status 0 needs mode: "drop" or "hang"');
      }
      rules.push({ ...rule, left: rule.times ?? Infinity });
    },
    clearFailures() {
      rules.length = 0;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((done, fail) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? fail(error) : done()));
        // Hung and keep-alive connections would otherwise hold close() open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
