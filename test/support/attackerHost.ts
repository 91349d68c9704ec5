// An attacker's host on loopback for the attacker e2e suite (issue 10): it answers like a perfectly
// cooperative OpenAI-compatible API (CORS open to every origin, every header allowed, chat completions
// and model lists served), publishes results files that name it as the endpoint, and logs every
// request it sees — CORS preflights included — with headers and body, so a test can prove a key
// never reached it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export interface AttackerHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `<origin>/v1`: what links and files name as the model and judge endpoint. */
  baseUrl: string;
  /** Every request, preflights included, in arrival order. */
  seen: SeenRequest[];
  /** Files served as-is (`/pub/results.jsonl` → text), for published results. */
  publish(path: string, body: string | Uint8Array): void;
  /** Requests whose URL, headers or body contain `secret`. */
  carrying(secret: string): SeenRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function chatReply(body: string): string {
  const model = /"model"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? 'attacker-model';
  const content = body.includes('patient_notes')
    ? JSON.stringify({
        accuracy: { score: 5, explanation: 'ok' },
        completeness: { score: 5, explanation: 'ok' },
        clarity: { score: 5, explanation: 'ok' },
      })
    : 'Plan: whatever you like.';
  return JSON.stringify({
    id: 'chatcmpl-attacker',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });
}

export async function startAttackerHost(): Promise<AttackerHost> {
  const seen: SeenRequest[] = [];
  const files = new Map<string, string | Uint8Array>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const url = req.url ?? '/';
      seen.push({ method: req.method ?? 'GET', url, headers, body });
      // As helpful to a browser as a host can be: whatever origin, method and headers it asks for.
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ?? '*',
      );
      res.setHeader('Access-Control-Expose-Headers', '*');
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return;
      }
      const path = url.split('?')[0] ?? '/';
      const file = files.get(path);
      if (file !== undefined) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(file);
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      if (path.endsWith('/chat/completions')) {
        res.end(chatReply(body));
        return;
      }
      if (path.endsWith('/models')) {
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'attacker-model' }] }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: 'not found' } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    seen,
    publish: (path, body) => void files.set(path, body),
    carrying: (secret) =>
      seen.filter(
        (request) =>
          request.url.includes(secret) ||
          request.body.includes(secret) ||
          Object.values(request.headers).some((value) => value.includes(secret)),
      ),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
