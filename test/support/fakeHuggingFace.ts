// A loopback imitation of the two Hugging Face hosts the app reads (spec more-environments §1): the
// dataset viewer API under `/viewer` and the Hub's `datasets/<id>/resolve/<revision>/<path>` under
// `/hub`, both on ONE real HTTP server, so the worker's real fetch path runs against it (STYLE: mock
// the network, not our modules). Datasets live in memory, registered by the test.
//
// Like the real services: CORS on every reply (and preflights), /rows-like pages refuse length > 100,
// Parquet served with Range support (206, Content-Range, 416), x-repo-commit on Hub files, gated
// datasets answer 401, unknown ones 404 with a JSON `{"error": …}` body.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface FakeHfSplit {
  /** Rows the viewer endpoints page through. */
  rows?: Record<string, unknown>[];
  /** Column → datasets feature type (as /info shows it); inferred from the first row when absent. */
  features?: Record<string, unknown>;
  /** Served at `refs/convert/parquet` as `<config>/<split>/0000.parquet` and listed by /parquet. */
  parquet?: Uint8Array;
  /** Served at the dataset's revision (and `main`) as `<config>/<split>.jsonl`. */
  jsonl?: string;
}

export interface FakeHfDataset {
  /** `owner/name` */
  id: string;
  /** The commit `main` points at; sent as x-repo-commit for repo files. */
  revision: string;
  configs: Record<string, Record<string, FakeHfSplit>>;
  /** More repo files at the dataset's revision (and `main`), by path. */
  files?: Record<string, Uint8Array | string>;
  description?: string;
  license?: string;
  /**
   * Gated: every request about it answers 401, as for a gated dataset without a login. With a token,
   * a request bearing `Authorization: Bearer <token>` is served, another token gets 403.
   */
  gated?: boolean | { token: string };
  /** /is-valid answer; every capability defaults to true. */
  capabilities?: Partial<
    Record<'preview' | 'viewer' | 'search' | 'filter' | 'statistics', boolean>
  >;
}

type FakeHfHost = 'viewer' | 'hub';

interface FakeHfRequest {
  host: FakeHfHost | 'other';
  method: string;
  /** As received, still percent-encoded, query included. */
  path: string;
  /** Viewer: the endpoint (`rows`); Hub: the decoded file path in the repo (`default/train/0000.parquet`). */
  target: string;
  /** The Range header, when sent. */
  range?: string;
  /** The Authorization header, when sent (tests check where a token went). */
  authorization?: string;
  /** Status sent; 0 when the connection was dropped or left hanging. */
  status: number;
}

interface FakeHfFailRule {
  host: FakeHfHost;
  /** Endpoint (viewer) or file path (hub) as in FakeHfRequest.target; undefined matches all. */
  target?: string;
  method?: 'GET' | 'HEAD';
  /** Answer with this status (body `{"error": "fake failure <status>"}` unless `body` is given). */
  status?: number;
  /**
   * `malformed`: 200 with a body that is not JSON. `cut`: the real reply's headers, then the socket
   * is destroyed after `cutAfterBytes` (default half) of the body. `drop`: no reply, socket
   * destroyed. `hang`: no reply until close().
   */
  mode?: 'malformed' | 'cut' | 'drop' | 'hang';
  cutAfterBytes?: number;
  headers?: Record<string, string>;
  body?: string;
  /** How many matching requests fail before the rule is spent; default Infinity. */
  times?: number;
}

/** Sends bodies in pieces with pauses, to exercise streaming and progress. */
interface FakeHfStreaming {
  chunkBytes: number;
  delayMs: number;
  /** Leave out Content-Length (chunked transfer encoding), as some CDNs do. */
  chunked?: boolean;
}

export interface FakeHfOptions {
  datasets: FakeHfDataset[];
  latencyMs?: number;
  streaming?: FakeHfStreaming;
}

export interface FakeHuggingFace {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `<baseUrl>/viewer`, for SourceSettings.hfViewerBase */
  viewerBase: string;
  /** `<baseUrl>/hub`, for SourceSettings.hfHubBase */
  hubBase: string;
  /** Every non-preflight request, in the order it was answered. */
  requests: FakeHfRequest[];
  addDataset(dataset: FakeHfDataset): void;
  fail(rule: FakeHfFailRule): void;
  clearFailures(): void;
  setStreaming(streaming: FakeHfStreaming | null): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const PARQUET_BRANCH = 'refs/convert/parquet';
const MAX_PAGE_LENGTH = 100;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'Content-Range, Content-Length, Accept-Ranges, ETag, X-Repo-Commit, X-Linked-Size, X-Error-Code, Retry-After',
};

/** The commit the fake's parquet branch sits at: stable per dataset revision. */
export function parquetBranchCommit(dataset: FakeHfDataset): string {
  return createHash('sha1').update(`${dataset.revision}:parquet`).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Replies

interface Reply {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    body: Buffer.from(JSON.stringify(value), 'utf8'),
    headers: { 'content-type': 'application/json', ...headers },
  };
}

function apiError(status: number, error: string, code?: string): Reply {
  return json(status, { error }, code === undefined ? {} : { 'x-error-code': code });
}

const NOT_ACCESSIBLE =
  'The dataset does not exist, or is not accessible without authentication (private or gated). Please check the spelling of the dataset name or retry with authentication.';

// ---------------------------------------------------------------------------------------------
// Features and rows

/** A datasets feature type for a JSON value, the way the viewer reports one. */
function inferFeature(value: unknown): unknown {
  if (typeof value === 'string') return { dtype: 'string', _type: 'Value' };
  if (typeof value === 'boolean') return { dtype: 'bool', _type: 'Value' };
  if (typeof value === 'number') {
    return { dtype: Number.isInteger(value) ? 'int64' : 'float64', _type: 'Value' };
  }
  if (Array.isArray(value)) return { feature: inferFeature(value[0] ?? ''), _type: 'List' };
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, cell]) => [key, inferFeature(cell)]),
    );
  }
  return { dtype: 'null', _type: 'Value' };
}

function featuresOf(split: FakeHfSplit): Record<string, unknown> {
  if (split.features !== undefined) return split.features;
  const first = split.rows?.[0] ?? {};
  return Object.fromEntries(
    Object.entries(first).map(([key, value]) => [key, inferFeature(value)]),
  );
}

function featureList(split: FakeHfSplit): { feature_idx: number; name: string; type: unknown }[] {
  return Object.entries(featuresOf(split)).map(([name, type], index) => ({
    feature_idx: index,
    name,
    type,
  }));
}

function rowsPage(
  split: FakeHfSplit,
  matches: { index: number }[],
  offset: number,
  length: number,
) {
  const rows = split.rows ?? [];
  return {
    features: featureList(split),
    rows: matches.slice(offset, offset + length).map(({ index }) => ({
      row_idx: index,
      row: rows[index],
      truncated_cells: [],
    })),
    num_rows_total: matches.length,
    num_rows_per_page: MAX_PAGE_LENGTH,
    partial: false,
  };
}

// ---------------------------------------------------------------------------------------------
// /filter: a tiny subset of the real SQL-like `where` (`"col"='text'` or `"col"=12`, joined by AND)

type Predicate = (row: Record<string, unknown>) => boolean;

const CONDITION = /^"([^"]+)"\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))$/;

function parseWhere(where: string, columns: string[]): Predicate | null {
  const predicates: Predicate[] = [];
  for (const part of where.split(/\s+AND\s+/i)) {
    const match = CONDITION.exec(part.trim());
    if (match === null) return null;
    const [, column = '', text, number] = match;
    if (!columns.includes(column)) return null;
    const wanted = text === undefined ? Number(number) : text.replaceAll("''", "'");
    predicates.push((row) => row[column] === wanted);
  }
  return (row) => predicates.every((predicate) => predicate(row));
}

function sortKey(value: unknown): number | string {
  if (typeof value === 'number') return value;
  return value === undefined ? '' : JSON.stringify(value);
}

/** `"col"` with an optional ASC/DESC; null when the clause is outside that subset. */
function parseOrderBy(
  orderby: string,
  columns: string[],
): ((a: Record<string, unknown>, b: Record<string, unknown>) => number) | null {
  const match = /^"([^"]+)"(?:\s+(ASC|DESC))?$/i.exec(orderby.trim());
  const column = match?.[1];
  if (column === undefined || !columns.includes(column)) return null;
  const sign = match?.[2]?.toUpperCase() === 'DESC' ? -1 : 1;
  return (a, b) => {
    const [x, y] = [sortKey(a[column]), sortKey(b[column])];
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  };
}

// ---------------------------------------------------------------------------------------------
// Range requests

type RangeResult =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/** One `bytes=` range (inclusive end, open end or suffix); anything else is served whole. */
function parseRange(header: string | undefined, size: number): RangeResult {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return { kind: 'whole' };
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return { kind: 'whole' };
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

function fileReply(
  bytes: Buffer,
  rangeHeader: string | undefined,
  headers: Record<string, string>,
): Reply {
  const size = bytes.length;
  const base = { 'accept-ranges': 'bytes', 'x-linked-size': String(size), ...headers };
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    return {
      status: 416,
      body: Buffer.alloc(0),
      headers: { ...base, 'content-range': `bytes */${size}` },
    };
  }
  if (range.kind === 'whole') return { status: 200, body: bytes, headers: base };
  return {
    status: 206,
    body: bytes.subarray(range.start, range.end + 1),
    headers: { ...base, 'content-range': `bytes ${range.start}-${range.end}/${size}` },
  };
}

// ---------------------------------------------------------------------------------------------
// The server

interface Routed {
  host: FakeHfHost | 'other';
  target: string;
  reply: Reply;
}

export async function startFakeHuggingFace(options: FakeHfOptions): Promise<FakeHuggingFace> {
  const datasets = new Map<string, FakeHfDataset>();
  const addDataset = (dataset: FakeHfDataset) => {
    datasets.set(dataset.id, dataset);
  };
  options.datasets.forEach(addDataset);
  let latencyMs = options.latencyMs ?? 0;
  let streaming: FakeHfStreaming | null = options.streaming ?? null;
  const rules: (FakeHfFailRule & { left: number })[] = [];
  const requests: FakeHfRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  // ---- viewer API

  type Found = { dataset: FakeHfDataset } | { reply: Reply };

  /** The request being routed's Authorization header (routing is synchronous). */
  let authorization: string | undefined;

  /** null: served; 401: no token; 403: a token that is not the dataset's. */
  function gateOf(dataset: FakeHfDataset): 401 | 403 | null {
    if (dataset.gated === undefined || dataset.gated === false) return null;
    if (authorization === undefined) return 401;
    if (dataset.gated === true) return 403;
    return authorization === `Bearer ${dataset.gated.token}` ? null : 403;
  }

  function findDataset(query: URLSearchParams): Found {
    const id = query.get('dataset');
    if (id === null || id === '')
      return { reply: apiError(400, "Parameter 'dataset' is required") };
    const dataset = datasets.get(id);
    if (dataset === undefined) return { reply: apiError(404, NOT_ACCESSIBLE, 'ResponseNotFound') };
    const gate = gateOf(dataset);
    if (gate === 401) {
      return { reply: apiError(401, NOT_ACCESSIBLE, 'ExternalUnauthenticatedError') };
    }
    if (gate === 403) return { reply: apiError(403, NOT_ACCESSIBLE, 'ExternalAuthenticatedError') };
    return { dataset };
  }

  function findSplit(dataset: FakeHfDataset, query: URLSearchParams): FakeHfSplit | Reply {
    const config = query.get('config');
    const split = query.get('split');
    if (config === null || split === null) {
      return apiError(400, "Parameters 'config' and 'split' are required");
    }
    return dataset.configs[config]?.[split] ?? apiError(404, 'Not found.', 'ResponseNotFound');
  }

  function pageBounds(query: URLSearchParams): { offset: number; length: number } | Reply {
    const offset = Number(query.get('offset') ?? '0');
    const length = Number(query.get('length') ?? String(MAX_PAGE_LENGTH));
    if (!Number.isInteger(offset) || offset < 0) {
      return apiError(400, "Parameter 'offset' must be positive");
    }
    if (!Number.isInteger(length) || length < 0 || length > MAX_PAGE_LENGTH) {
      return apiError(
        400,
        `Parameter 'length' must be positive and not greater than ${MAX_PAGE_LENGTH}`,
      );
    }
    return { offset, length };
  }

  function eachSplit(
    dataset: FakeHfDataset,
  ): { config: string; split: string; data: FakeHfSplit }[] {
    return Object.entries(dataset.configs).flatMap(([config, splits]) =>
      Object.entries(splits).map(([split, data]) => ({ config, split, data })),
    );
  }

  function parquetUrl(dataset: FakeHfDataset, config: string, split: string): string {
    const repo = dataset.id.split('/').map(encodeURIComponent).join('/');
    return `${origin}/hub/datasets/${repo}/resolve/${encodeURIComponent(PARQUET_BRANCH)}/${encodeURIComponent(config)}/${encodeURIComponent(split)}/0000.parquet`;
  }

  function info(dataset: FakeHfDataset, config: string) {
    return {
      dataset_name: dataset.id,
      config_name: config,
      description: dataset.description ?? '',
      citation: '',
      homepage: '',
      license: dataset.license ?? '',
      features: featuresOf(Object.values(dataset.configs[config] ?? {})[0] ?? {}),
      builder_name: 'parquet',
    };
  }

  function capabilities(dataset: FakeHfDataset) {
    const capability = (name: keyof NonNullable<FakeHfDataset['capabilities']>) =>
      dataset.capabilities?.[name] ?? true;
    return {
      preview: capability('preview'),
      viewer: capability('viewer'),
      search: capability('search'),
      filter: capability('filter'),
      statistics: capability('statistics'),
    };
  }

  /** /info: one config's info, or (without `config`) every config's, by name. */
  function infoReply(dataset: FakeHfDataset, config: string | null): Reply {
    if (config === null) {
      const all = Object.keys(dataset.configs).map((name): [string, unknown] => [
        name,
        info(dataset, name),
      ]);
      return json(200, { dataset_info: Object.fromEntries(all), partial: false });
    }
    if (dataset.configs[config] === undefined) {
      return apiError(404, 'Not found.', 'ResponseNotFound');
    }
    return json(200, { dataset_info: info(dataset, config), partial: false });
  }

  function parquetListBody(dataset: FakeHfDataset) {
    const files = eachSplit(dataset).flatMap(({ config, split, data }) =>
      data.parquet === undefined
        ? []
        : [
            {
              dataset: dataset.id,
              config,
              split,
              url: parquetUrl(dataset, config, split),
              filename: '0000.parquet',
              size: data.parquet.length,
            },
          ],
    );
    return { parquet_files: files, pending: [], failed: [], partial: false };
  }

  function datasetReply(endpoint: string, dataset: FakeHfDataset, query: URLSearchParams): Reply {
    switch (endpoint) {
      case 'is-valid':
        return json(200, capabilities(dataset));
      case 'splits': {
        const splits = eachSplit(dataset).map(({ config, split }) => ({
          dataset: dataset.id,
          config,
          split,
        }));
        return json(200, { splits, pending: [], failed: [] });
      }
      case 'info':
        return infoReply(dataset, query.get('config'));
      case 'size':
        return json(200, sizeBody(dataset));
      case 'parquet':
        return json(200, parquetListBody(dataset));
      default:
        return splitReply(endpoint, dataset, query);
    }
  }

  function sizeBody(dataset: FakeHfDataset) {
    const splits = eachSplit(dataset).map(({ config, split, data }) => ({
      dataset: dataset.id,
      config,
      split,
      num_bytes_parquet_files: data.parquet?.length ?? 0,
      num_bytes_memory: Buffer.byteLength(JSON.stringify(data.rows ?? [])),
      num_rows: data.rows?.length ?? 0,
      num_columns: Object.keys(featuresOf(data)).length,
    }));
    const numRows = splits.reduce((sum, split) => sum + split.num_rows, 0);
    return {
      size: { dataset: { dataset: dataset.id, num_rows: numRows }, configs: [], splits },
      pending: [],
      failed: [],
      partial: false,
    };
  }

  /** /first-rows, /rows, /search, /filter: the endpoints about one split. */
  function splitReply(endpoint: string, dataset: FakeHfDataset, query: URLSearchParams): Reply {
    if (!['first-rows', 'rows', 'search', 'filter'].includes(endpoint)) {
      return apiError(404, 'Not found.');
    }
    const split = findSplit(dataset, query);
    if ('status' in split) return split;
    const rows = split.rows ?? [];
    const all = rows.map((_, index) => ({ index }));
    if (endpoint === 'first-rows') {
      return json(200, {
        dataset: dataset.id,
        config: query.get('config'),
        split: query.get('split'),
        ...rowsPage(split, all, 0, MAX_PAGE_LENGTH),
        truncated: rows.length > MAX_PAGE_LENGTH,
      });
    }
    const bounds = pageBounds(query);
    if ('status' in bounds) return bounds;
    const matches = endpoint === 'rows' ? all : selectRows(endpoint, split, query);
    if ('status' in matches) return matches;
    return json(200, rowsPage(split, matches, bounds.offset, bounds.length));
  }

  function selectRows(
    endpoint: string,
    split: FakeHfSplit,
    query: URLSearchParams,
  ): { index: number }[] | Reply {
    const rows = split.rows ?? [];
    const indexed = rows.map((row, index) => ({ row, index }));
    if (endpoint === 'search') {
      const text = query.get('query');
      if (text === null || text === '') return apiError(400, "Parameter 'query' is required");
      const needle = text.toLowerCase();
      return indexed.filter(({ row }) =>
        Object.values(row).some(
          (cell) => typeof cell === 'string' && cell.toLowerCase().includes(needle),
        ),
      );
    }
    const columns = Object.keys(featuresOf(split));
    const predicate = parseWhere(query.get('where') ?? '', columns);
    if (predicate === null) return apiError(400, "Parameter 'where' is invalid");
    const selected = indexed.filter(({ row }) => predicate(row));
    const orderby = query.get('orderby');
    if (orderby === null || orderby === '') return selected;
    const compare = parseOrderBy(orderby, columns);
    if (compare === null) return apiError(400, "Parameter 'orderby' is invalid");
    return selected.sort((a, b) => compare(a.row, b.row));
  }

  function viewerReply(endpoint: string, query: URLSearchParams): Reply {
    const found = findDataset(query);
    return 'reply' in found ? found.reply : datasetReply(endpoint, found.dataset, query);
  }

  // ---- Hub files

  /** `<dataset id>/resolve/<revision>/<file path>` → parts; the revision may arrive encoded or not. */
  function parseResolvePath(rest: string): { id: string; revision: string; file: string } | null {
    const segments = rest.split('/');
    const at = segments.indexOf('resolve');
    if (at < 1 || at + 2 >= segments.length) return null;
    try {
      const decoded = segments.map((segment) => decodeURIComponent(segment));
      let revisionEnd = at + 2;
      if (decoded[at + 1] === 'refs' && decoded[at + 2] === 'convert') revisionEnd = at + 4;
      return {
        id: decoded.slice(0, at).join('/'),
        revision: decoded.slice(at + 1, revisionEnd).join('/'),
        file: decoded.slice(revisionEnd).join('/'),
      };
    } catch {
      return null;
    }
  }

  function hubFile(
    dataset: FakeHfDataset,
    revision: string,
    file: string,
  ): { bytes: Buffer; commit: string } | undefined {
    const splits = eachSplit(dataset);
    if (revision === PARQUET_BRANCH || revision === parquetBranchCommit(dataset)) {
      const hit = splits.find(({ config, split }) => file === `${config}/${split}/0000.parquet`);
      const parquet = hit?.data.parquet;
      return parquet === undefined
        ? undefined
        : { bytes: Buffer.from(parquet), commit: parquetBranchCommit(dataset) };
    }
    if (revision !== 'main' && revision !== dataset.revision) return undefined;
    const extra = dataset.files?.[file];
    const jsonl = splits.find(({ config, split }) => file === `${config}/${split}.jsonl`)?.data
      .jsonl;
    const content = extra ?? jsonl;
    if (content === undefined) return undefined;
    return {
      bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content),
      commit: dataset.revision,
    };
  }

  function hubReply(rest: string, req: IncomingMessage): { target: string; reply: Reply } {
    const parsed = parseResolvePath(rest);
    if (parsed === null)
      return { target: rest, reply: apiError(404, 'Repository not found', 'RepoNotFound') };
    const { id, revision, file } = parsed;
    const dataset = datasets.get(id);
    if (dataset === undefined)
      return { target: file, reply: apiError(404, 'Repository not found', 'RepoNotFound') };
    const gate = gateOf(dataset);
    if (gate !== null) {
      const message =
        gate === 401
          ? `Access to dataset ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`
          : `Access to dataset ${id} is restricted and you are not in the authorized list. Visit https://huggingface.co/datasets/${id} to ask for access.`;
      return { target: file, reply: apiError(gate, message, 'GatedRepo') };
    }
    const found = hubFile(dataset, revision, file);
    if (found === undefined)
      return { target: file, reply: apiError(404, 'Entry not found', 'EntryNotFound') };
    const contentType = file.endsWith('.parquet')
      ? 'application/octet-stream'
      : 'text/plain; charset=utf-8';
    const headers = {
      'x-repo-commit': found.commit,
      'content-type': contentType,
      etag: `"${found.commit.slice(0, 12)}"`,
    };
    return { target: file, reply: fileReply(found.bytes, req.headers.range, headers) };
  }

  function route(req: IncomingMessage): Routed {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const path = url.pathname;
    if (path.startsWith('/viewer/')) {
      const endpoint = path.slice('/viewer/'.length);
      return { host: 'viewer', target: endpoint, reply: viewerReply(endpoint, url.searchParams) };
    }
    if (path.startsWith('/hub/datasets/')) {
      return { host: 'hub', ...hubReply(path.slice('/hub/datasets/'.length), req) };
    }
    return { host: 'other', target: path, reply: apiError(404, 'fake Hugging Face: unknown path') };
  }

  // ---- failures and sending

  function takeRule(routed: Routed, method: string): FakeHfFailRule | undefined {
    if (routed.host === 'other') return undefined;
    const rule = rules.find(
      (candidate) =>
        candidate.left > 0 &&
        candidate.host === routed.host &&
        (candidate.target === undefined || candidate.target === routed.target) &&
        (candidate.method === undefined || candidate.method === method),
    );
    if (rule !== undefined) rule.left--;
    return rule;
  }

  function failureReply(rule: FakeHfFailRule, real: Reply): Reply {
    if (rule.mode === 'cut') return real;
    if (rule.mode === 'malformed') {
      return {
        status: 200,
        body: Buffer.from(rule.body ?? '{"rows": [ this is not json'),
        headers: { 'content-type': 'application/json' },
      };
    }
    const status = rule.status ?? 500;
    const body = rule.body ?? JSON.stringify({ error: `fake failure ${status}` });
    return { status, body: Buffer.from(body), headers: { 'content-type': 'application/json' } };
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    reply: Reply,
    cutAfter: number | undefined,
  ): void {
    const isHead = req.method === 'HEAD';
    const chunked = streaming?.chunked === true && !isHead;
    res.writeHead(reply.status, {
      ...CORS_HEADERS,
      'cache-control': 'no-store',
      ...(chunked ? {} : { 'content-length': String(reply.body.length) }),
      ...reply.headers,
    });
    if (isHead) {
      res.end();
      return;
    }
    const body = cutAfter === undefined ? reply.body : reply.body.subarray(0, cutAfter);
    const finish = () => {
      if (cutAfter === undefined) res.end();
      else req.socket.destroy();
    };
    if (streaming === null) {
      res.write(body, finish);
      return;
    }
    writeSlowly(res, body, streaming, finish);
  }

  function writeSlowly(
    res: ServerResponse,
    body: Buffer,
    pace: FakeHfStreaming,
    finish: () => void,
  ): void {
    let at = 0;
    const step = () => {
      if (res.destroyed) return;
      if (at >= body.length) {
        finish();
        return;
      }
      const piece = body.subarray(at, at + Math.max(1, pace.chunkBytes));
      at += piece.length;
      res.write(piece, () => later(pace.delayMs, step));
    };
    step();
  }

  function respond(req: IncomingMessage, res: ServerResponse): void {
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
    const method = req.method ?? 'GET';
    authorization = req.headers.authorization;
    const routed: Routed =
      method === 'GET' || method === 'HEAD'
        ? route(req)
        : { host: 'other', target: '', reply: apiError(405, 'Method Not Allowed') };
    const rule = takeRule(routed, method);
    const reply = rule === undefined ? routed.reply : failureReply(rule, routed.reply);
    const record: FakeHfRequest = {
      host: routed.host,
      method,
      path: req.url ?? '/',
      target: routed.target,
      ...(req.headers.range === undefined ? {} : { range: req.headers.range }),
      ...(authorization === undefined ? {} : { authorization }),
      status: rule?.mode === 'drop' || rule?.mode === 'hang' ? 0 : reply.status,
    };
    later(latencyMs, () => {
      if (res.destroyed) return;
      requests.push(record);
      if (rule?.mode === 'drop') {
        req.socket.destroy();
        return;
      }
      if (rule?.mode === 'hang') return; // close() destroys the socket
      const withHeaders = { ...reply, headers: { ...reply.headers, ...rule?.headers } };
      const cutAfter =
        rule?.mode === 'cut'
          ? (rule.cutAfterBytes ?? Math.floor(reply.body.length / 2))
          : undefined;
      send(req, res, withHeaders, cutAfter);
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
    baseUrl: origin,
    viewerBase: `${origin}/viewer`,
    hubBase: `${origin}/hub`,
    requests,
    addDataset,
    fail(rule) {
      if (rule.status === undefined && rule.mode === undefined) {
        throw new Error('a fail rule needs a status or a mode');
      }
      rules.push({ ...rule, left: rule.times ?? Infinity });
    },
    clearFailures() {
      rules.length = 0;
    },
    setStreaming(next) {
      streaming = next;
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
