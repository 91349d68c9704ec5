// The OpenAI-compatible mock in its own process for the browser benches, so its CPU is not charged
// to the page it serves (as with a real provider). Started as
// `node --import tsx bench/mockProcess.ts '<MockOptions JSON>'`; prints one JSON line with its base
// URL, then answers one JSON line per command on stdin (`stats`, `reset`, `latency <ms>`), and
// exits when stdin closes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { judgeJson, startMockOpenAI, type MockOptions } from '../test/support/mockOpenAI';

export interface MockStats {
  /** Chat completion requests that reached the route. */
  requests: number;
  answered: number;
  preflights: number;
  /** `access-control-request-headers` of the preflights, distinct. */
  preflightHeaders: string[];
  /** Request headers other than the ones every browser request carries, distinct. */
  headerNames: string[];
  httpVersions: Record<string, number>;
  /** Date.now() of the first request and of the last response (0 when none). */
  firstAt: number;
  lastAnsweredAt: number;
  /** Most requests the mock held at once, and their mean while any was held. */
  maxInFlight: number;
}

/** Judge requests carry the patient notes tag of the MTSamples judge template. */
function isJudge(body: unknown): boolean {
  return JSON.stringify(body).includes('patient_notes');
}

const PLAN =
  'Plan: closed reduction under haematoma block; above-elbow cast for six weeks; elevate the arm; analgesia; review in fracture clinic in one week with check radiographs.';

const BROWSER_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept',
  'accept-language',
  'accept-encoding',
  'origin',
  'referer',
  'user-agent',
  'priority',
]);

async function serve(options: MockOptions): Promise<void> {
  const mock = await startMockOpenAI(options);
  const judgeReply = judgeJson({ accuracy: 4, completeness: 3, clarity: 5 });
  mock.setDefault((request) =>
    isJudge(request.body)
      ? { reply: judgeReply, usage: { prompt_tokens: 900, completion_tokens: 120 } }
      : { reply: PLAN, usage: { prompt_tokens: 400, completion_tokens: 60 } },
  );
  const stats = (): MockStats => {
    const chats = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
    const versions: Record<string, number> = {};
    const names = new Set<string>();
    let firstAt = Infinity;
    let lastAnsweredAt = 0;
    const events: [number, number][] = [];
    for (const r of chats) {
      versions[r.httpVersion] = (versions[r.httpVersion] ?? 0) + 1;
      for (const name of Object.keys(r.headers))
        if (!BROWSER_HEADERS.has(name) && !name.startsWith('sec-')) names.add(name);
      firstAt = Math.min(firstAt, r.at);
      events.push([r.at, 1]);
      if (r.answeredAt !== undefined) {
        lastAnsweredAt = Math.max(lastAnsweredAt, r.answeredAt);
        events.push([r.answeredAt, -1]);
      }
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let held = 0;
    let maxInFlight = 0;
    for (const [, delta] of events) maxInFlight = Math.max(maxInFlight, (held += delta));
    return {
      requests: chats.length,
      answered: chats.filter((r) => r.answeredAt !== undefined).length,
      preflights: mock.preflights.length,
      preflightHeaders: [
        ...new Set(
          mock.preflights.map((p) => p.headers['access-control-request-headers'] ?? '(none)'),
        ),
      ],
      headerNames: [...names].sort(),
      httpVersions: versions,
      firstAt: firstAt === Infinity ? 0 : firstAt,
      lastAnsweredAt,
      maxInFlight,
    };
  };
  console.log(JSON.stringify({ baseUrl: mock.baseUrl }));
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, argument] = line.trim().split(/\s+/);
    if (command === 'stats') console.log(JSON.stringify(stats()));
    else if (command === 'reset') {
      mock.requests.length = 0;
      mock.preflights.length = 0;
      console.log('{}');
    } else if (command === 'latency') {
      mock.setLatency(Number(argument));
      console.log('{}');
    } else console.log(JSON.stringify({ error: `unknown command ${line}` }));
  });
  lines.on('close', () => {
    void mock.close().then(() => process.exit(0));
  });
}

export interface MockProcess {
  baseUrl: string;
  stats(): Promise<MockStats>;
  reset(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the mock in a child process and talks to it line by line. */
export async function startMockProcess(options: MockOptions): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(options)],
    { cwd: join(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  child.once('exit', (code) => {
    for (const waiter of waiting.splice(0))
      waiter.reject(new Error(`the mock process exited (${code ?? 'signal'})`));
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
    });
  const ask = async (command: string): Promise<unknown> => {
    const answer = nextLine();
    child.stdin.write(`${command}\n`);
    return JSON.parse(await answer) as unknown;
  };
  const { baseUrl } = JSON.parse(await nextLine()) as { baseUrl: string };
  return {
    baseUrl,
    stats: async () => (await ask('stats')) as MockStats,
    reset: async () => {
      await ask('reset');
    },
    setLatency: async (ms) => {
      await ask(`latency ${ms}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  await serve(JSON.parse(process.argv[2] ?? '{}') as MockOptions);
}
