// Reads a Chromium trace (playwright's browser.startTracing with the V8 sampling profiler on) and
// says where each thread's time went: busy time of its tasks and the functions with the most self
// time. For finding a run's per-rollout cost (`BENCH_PROFILE=1 npm run bench`), not for figures.

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: {
          id: number;
          callFrame: { functionName: string; url: string; lineNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

export interface ThreadProfile {
  thread: string;
  busyMs: number;
  sampledMs: number;
  top: { name: string; ms: number }[];
}

function shortUrl(url: string): string {
  return url.split('/').pop()?.split('?')[0] ?? url;
}

/** Busy time and top self-time functions of each named thread that ran JavaScript. */
export function profileTrace(json: string, topN = 25): ThreadProfile[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const threadNames = new Map<string, string>();
  const busy = new Map<string, number>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(thread, event.args?.name ?? '?');
    if (event.ph === 'X' && event.name === 'RunTask' && event.dur !== undefined)
      busy.set(thread, (busy.get(thread) ?? 0) + event.dur / 1000);
  }
  // A `Profile` event names the profiled thread; its chunks come from the profiler's own thread.
  const profiledThread = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'P' && event.name === 'Profile' && event.id !== undefined)
      profiledThread.set(`${event.pid}:${event.id}`, `${event.pid}:${event.tid}`);
  }
  // Profile chunks: per profile id, nodes accumulate and samples come with time deltas.
  const profiles = new Map<
    string,
    { thread: string; frames: Map<number, string>; self: Map<string, number>; total: number }
  >();
  for (const event of events) {
    if (event.ph !== 'P' || event.name !== 'ProfileChunk' || event.id === undefined) continue;
    const key = `${event.pid}:${event.id}`;
    let profile = profiles.get(key);
    if (profile === undefined) {
      profile = {
        thread: profiledThread.get(key) ?? `${event.pid}:${event.tid}`,
        frames: new Map(),
        self: new Map(),
        total: 0,
      };
      profiles.set(key, profile);
    }
    const cpu = event.args?.data?.cpuProfile;
    for (const node of cpu?.nodes ?? []) {
      const { functionName, lineNumber } = node.callFrame;
      const url = (node.callFrame.url as string | undefined) ?? '';
      profile.frames.set(
        node.id,
        `${functionName || '(anonymous)'} ${url === '' ? '' : `${shortUrl(url)}:${lineNumber + 1}`}`.trim(),
      );
    }
    const deltas = event.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((sample, index) => {
      const ms = (deltas[index] ?? 0) / 1000;
      const name = profile.frames.get(sample) ?? `node ${sample}`;
      profile.self.set(name, (profile.self.get(name) ?? 0) + ms);
      profile.total += ms;
    });
  }
  const byThread = new Map<string, ThreadProfile>();
  for (const profile of profiles.values()) {
    const thread = threadNames.get(profile.thread) ?? profile.thread;
    const entry = byThread.get(profile.thread) ?? {
      thread,
      busyMs: busy.get(profile.thread) ?? 0,
      sampledMs: 0,
      top: [],
    };
    entry.sampledMs += profile.total;
    const merged = new Map(entry.top.map((t) => [t.name, t.ms]));
    for (const [name, ms] of profile.self) merged.set(name, (merged.get(name) ?? 0) + ms);
    entry.top = [...merged].map(([name, ms]) => ({ name, ms }));
    byThread.set(profile.thread, entry);
  }
  return [...byThread.values()]
    .map((entry) => ({
      ...entry,
      top: entry.top
        .filter((t) => t.name !== '(idle)')
        .sort((a, b) => b.ms - a.ms)
        .slice(0, topN),
    }))
    .sort((a, b) => b.sampledMs - a.sampledMs);
}

export function formatProfile(threads: readonly ThreadProfile[]): string {
  return threads
    .map((t) =>
      [
        `== ${t.thread}: busy ${t.busyMs.toFixed(0)} ms (tasks), sampled ${t.sampledMs.toFixed(0)} ms`,
        ...t.top.map((f) => `  ${f.ms.toFixed(1).padStart(8)} ms  ${f.name}`),
      ].join('\n'),
    )
    .join('\n');
}
