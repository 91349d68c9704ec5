// Issue 14's start and journal figures, in headless Chromium against the built app and the
// OpenAI-compatible mock in its own process over HTTP/2 with TLS (the same runs as
// runSpeedInBrowser.ts: MTSamples-shaped examples, 1 generation + 1 judge per rollout):
// - Start → first request at 500 and 5,000 rollouts (20 ms per request, concurrency 32): what a
//   user waits before the run does anything;
// - the mock's last response → the run stored as done, and shown as done: the journal keeps up;
// - the plain-fetch floor of the same requests in the same round, and the machine's load average,
//   because these 2-core machines are shared.
import { loadavg } from 'node:os';
import { launchBrowser } from '../test/support/browser';
import { startMockProcess } from './mockProcess';
import { appRun, type Scenario } from './runSpeedInBrowser';
import { median, type BenchSection } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MID: Scenario = { rollouts: 500, latencyMs: 20, concurrency: 32 };
const HUGE: Scenario = { rollouts: 5000, latencyMs: 20, concurrency: 32 };

const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(', ');

export async function benchRunStartInBrowser(appUrl: string): Promise<BenchSection> {
  const loadBefore = load();
  const h2 = await startMockProcess({ http2: true, preflightMaxAgeSeconds: 600 });
  const browser = await launchBrowser();
  const mid: Awaited<ReturnType<typeof appRun>>[] = [];
  const huge: Awaited<ReturnType<typeof appRun>>[] = [];
  const loads: string[] = [];
  const only = process.env.BENCH_START ?? 'mid,huge';
  try {
    for (let round = 0; round < ROUNDS; round++) {
      if (only.includes('mid')) mid.push(await appRun(browser, appUrl, h2, MID));
      if (only.includes('huge')) huge.push(await appRun(browser, appUrl, h2, HUGE));
      loads.push(load());
      console.log(`run start round ${round + 1}/${ROUNDS} done (load ${loads.at(-1)})`);
    }
  } finally {
    await browser.close();
    await h2.close();
  }
  const list = (values: readonly number[], digits: number) =>
    values.map((v) => v.toFixed(digits)).join(', ');
  const row = (label: string, values: number[], digits = 0, bold = false, target = '—') => {
    const m = median(values).toFixed(digits);
    return `| ${label} | ${bold ? `**${m}**` : m} | ${list(values, digits)} | ${target} |`;
  };
  const rows = (s: Scenario, runs: typeof huge, target: string) => [
    row(
      `${s.rollouts} rollouts, ${s.latencyMs} ms, concurrency ${s.concurrency}: **Start → first request** (ms)`,
      runs.map((r) => r.app.startToFirstRequestMs),
      0,
      true,
      target,
    ),
    row(
      '… **last response → run stored as done** (ms)',
      runs.map((r) => r.app.lastResponseToStoredMs),
      0,
      true,
      '≤ 1000',
    ),
    row(
      '… last response → page shows done (ms)',
      runs.map((r) => r.app.lastResponseToShownMs),
    ),
    row(
      '… plain-fetch floor of the same requests (ms)',
      runs.map((r) => r.floorMs),
    ),
    row(
      '… the app, Start → done (ms)',
      runs.map((r) => r.app.ms),
    ),
    row(
      '… app / floor',
      runs.map((r) => r.app.ms / r.floorMs),
      2,
    ),
  ];
  return {
    title: 'Run start and journal at 500 and 5,000 rollouts (headless Chromium)',
    lines: [
      `The runs of the run-speed section (1 generation + 1 judge per rollout, mock in its own process over HTTP/2 with TLS), ${ROUNDS} rounds, each scenario in a fresh browser profile, the plain-fetch floor (32 lanes, same bodies) just before the app in the same round. Start is the click on "Start" (the run is created, then started); first request is the first chat request the mock receives.`,
      '',
      '| measure | median | all runs | target |',
      '|---|---|---|---|',
      ...rows(MID, mid, '—'),
      ...rows(HUGE, huge, '≤ 300'),
      '',
      `Machine load average (1, 5, 15 min, \`uptime\`): ${loadBefore} before; after each round ${loads.join(' | ')} (2 cores, shared).`,
    ],
  };
}
