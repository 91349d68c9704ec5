// Serves the built app from a sub-path on loopback, the way GitHub Pages does: files only, correct
// MIME types (module workers are refused without a JavaScript type), no SPA fallback, no traversal.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface StaticServerOptions {
  /** Directory to serve, e.g. `dist`. */
  root: string;
  /** URL sub-path the site lives under, with slashes at both ends, e.g. `/medeval/`. */
  prefix: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>/medeval/` */
  url: string;
  /** Every request, in arrival order, with the status it got (paths as received, query included). */
  requests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a URL path under the prefix to a file inside root, or null. Rejects malformed escapes, NUL,
 * backslashes and anything that resolves (also through symlinks) outside root.
 */
async function resolveFile(realRoot: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = resolve(realRoot, `.${sep}${decoded}`);
  if (!isInside(realRoot, candidate)) return null;
  try {
    let real = await realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    let info = await stat(real);
    // GitHub Pages serves a directory's index.html; it never lists a directory.
    if (info.isDirectory()) {
      real = join(real, 'index.html');
      info = await stat(real);
    }
    return info.isFile() ? real : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { prefix } = options;
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with '/', got ${JSON.stringify(prefix)}`);
  }
  const realRoot = await realpath(resolve(options.root));
  const requests: StaticServer['requests'] = [];
  const sockets = new Set<Socket>();

  function finish(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    text: string,
    headers = {},
  ) {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', status });
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      finish(req, res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      return;
    }
    if (path === prefix.slice(0, -1)) {
      finish(req, res, 301, 'Moved Permanently', { location: prefix });
      return;
    }
    if (!path.startsWith(prefix)) {
      finish(req, res, 404, 'Not Found');
      return;
    }
    const file = await resolveFile(realRoot, path.slice(prefix.length));
    if (file === null) {
      finish(req, res, 404, 'Not Found');
      return;
    }
    const { size } = await stat(file);
    requests.push({ method: req.method, path: req.url ?? '/', status: 200 });
    res.writeHead(200, {
      'content-type': mimeTypeOf(file),
      'content-length': String(size),
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', (error) => res.destroy(error));
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) finish(req, res, 500, String(error));
      else res.destroy();
    });
  });
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
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
