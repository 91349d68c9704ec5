// Issue 10 #4 and #8 against a real loopback HTTP server: a results link's body is streamed and the
// download stops at the size limit even when the host sends no Content-Length (chunked), and a link
// with broken percent-encoding is refused with a clear message before any request.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { openDb, type MedevalDb } from '../../../src/data/db';
import {
  importResultsFromUrl,
  percentEncodingProblem,
  type DownloadLimits,
} from '../../../src/worker/results/importResultsFromUrl';

const MIB = 1024 * 1024;
const FIXTURE = join(import.meta.dirname, '../../fixtures/verifiers/v0.1.14');

interface Host {
  base: string;
  requests: string[];
  /** Bytes written to each response by the time its connection closed. */
  closed: Promise<number>;
  server: Server;
}

/** Serves `routes`; a route that is a function streams (it gets the response to write into). */
function host(
  routes: Record<string, string | ((response: ServerResponse) => void)>,
): Promise<Host> {
  const requests: string[] = [];
  let resolveClosed: (bytes: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.setHeader('Access-Control-Allow-Origin', '*');
    const route = routes[request.url ?? ''];
    if (route === undefined) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    if (typeof route === 'string') {
      response.end(route);
      return;
    }
    let written = 0;
    const write = response.write.bind(response);
    response.write = ((chunk: Buffer, ...rest: never[]) => {
      written += chunk.length;
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.on('close', () => resolveClosed(written));
    route(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}`, requests, closed, server });
    });
  });
}

/** Writes 64 KB chunks until the client goes away or `max` bytes are out, without Content-Length. */
function endlessJsonl(max: number) {
  return (response: ServerResponse) => {
    response.setHeader('Content-Type', 'text/plain');
    const line = Buffer.from(
      `${'{"example_id": 0, "prompt": "x", "completion": "y"}'.padEnd(1023)}\n`,
    );
    const chunk = Buffer.concat(Array.from({ length: 64 }, () => line));
    let sent = 0;
    const pump = () => {
      while (sent < max && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
}

let db: MedevalDb;
let hosts: Host[] = [];
const limits: DownloadLimits = { results: 1 * MIB, metadata: 64 * 1024, zip: 1 * MIB };
const deps = () => ({
  db,
  fetch: globalThis.fetch,
  now: () => 1,
  newId: () => crypto.randomUUID(),
  limits,
});

async function failure(url: string): Promise<AppError> {
  try {
    await importResultsFromUrl(deps(), url);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

beforeEach(() => {
  db = openDb(`t-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
  await Promise.all(hosts.map((h) => new Promise((resolve) => h.server.close(resolve))));
  hosts = [];
});

async function start(routes: Parameters<typeof host>[0]): Promise<Host> {
  const started = await host(routes);
  hosts.push(started);
  return started;
}

describe('importResultsFromUrl', () => {
  it('imports a chunked body within the limit, with its metadata.json', async () => {
    const h = await start({
      '/run/results.jsonl': (response) => {
        response.write(readFileSync(join(FIXTURE, 'results.jsonl')));
        response.end();
      },
      '/run/metadata.json': readFileSync(join(FIXTURE, 'metadata.json'), 'utf8'),
    });
    const summary = await importResultsFromUrl(deps(), `${h.base}/run/results.jsonl`);
    expect(summary).toMatchObject({ status: 'imported', rows: 6, badLines: [] });
    expect(h.requests).toEqual(['/run/results.jsonl', '/run/metadata.json']);
  });

  it('stops a chunked download without Content-Length at the limit, not at its end', async () => {
    const h = await start({ '/big/results.jsonl': endlessJsonl(256 * MIB) });
    const error = await failure(`${h.base}/big/results.jsonl`);
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toBe(
      `results.jsonl at ${new URL(h.base).host} is more than 1 MB; at most 1 MB can be opened.`,
    );
    // The connection was dropped a little past the limit: nowhere near the 256 MB on offer.
    expect(await h.closed).toBeLessThan(32 * MIB);
    expect(await db.runs.count()).toBe(0);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const h = await start({
      '/big/results.jsonl': (response) => {
        response.setHeader('Content-Length', String(3 * MIB));
        response.write(Buffer.alloc(64 * 1024, 0x20));
      },
    });
    const error = await failure(`${h.base}/big/results.jsonl`);
    expect(error.message).toContain('is 3.0 MB; at most 1 MB can be opened');
  });

  it('says a metadata.json over its limit is too large instead of dropping it silently', async () => {
    const h = await start({
      '/m/results.jsonl': readFileSync(join(FIXTURE, 'results.jsonl'), 'utf8'),
      '/m/metadata.json': (response) => {
        response.write(Buffer.alloc(128 * 1024, 0x20));
        response.end();
      },
    });
    expect((await failure(`${h.base}/m/results.jsonl`)).message).toMatch(
      /^metadata\.json at .* is more than 0\.1 MB/,
    );
  });

  it.each([
    [
      'a "%" without two hex digits',
      '/r%E0%A4%A.jsonl',
      '“%A.jso” is a “%” that is not followed by two hexadecimal digits',
    ],
    ['escapes that are not UTF-8', '/r%FF%FE.jsonl', '“%FF%FE” does not decode as UTF-8 text'],
  ])('refuses a link with %s, before any request', async (_, path, problem) => {
    const h = await start({});
    const error = await failure(`${h.base}${path}`);
    expect(error.kind).toBe('bad_request');
    expect(error.message).toBe(`The results link has broken percent-encoding: ${problem}.`);
    expect(error.message).not.toContain('URI malformed');
    expect(h.requests).toEqual([]);
  });

  it('accepts sound percent-encoding, and reads the decoded file name', async () => {
    expect(percentEncodingProblem('https://h/a%20b/r%C3%A9sultats.jsonl?x=%2F')).toBeNull();
    const h = await start({
      '/r%C3%A9/results.jsonl': readFileSync(join(FIXTURE, 'results.jsonl'), 'utf8'),
    });
    const summary = await importResultsFromUrl(deps(), `${h.base}/r%C3%A9/results.jsonl`);
    expect(summary.status).toBe('imported');
  });
});
