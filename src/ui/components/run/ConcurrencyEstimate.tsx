import { useLiveQuery } from 'dexie-react-hooks';
import { concurrencyNotice, effectiveConcurrency, protocolFromUrl } from '../../../core/runLive';
import type { RunSettings } from '../../../core/schema/run';
import { readEndpointProtocols } from '../../../data/settingsStore';
import { useServices } from '../../appContext';
import { formatDuration } from './runFormat';

/** Rollouts in progress at once: each HTTP/1.1 host serves 6 requests, shared by its parallel calls. */
function effectiveRollouts(
  concurrency: number,
  hosts: readonly { protocol: string; parallel: number }[],
): number {
  let atOnce = concurrency;
  for (const host of hosts) {
    const requests = effectiveConcurrency(host.protocol, concurrency * host.parallel);
    atOnce = Math.min(atOnce, Math.max(1, Math.floor(requests / Math.max(1, host.parallel))));
  }
  return atOnce;
}

function originOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return null;
  }
}

/**
 * What the run's concurrency really is per host before it starts (issue 14): browsers open 6
 * HTTP/1.1 connections to a host, so a plain http:// endpoint, or one seen speaking HTTP/1.1, runs
 * at most 6 requests at a time. The rounds of requests follow from the effective figure.
 */
export function ConcurrencyEstimate({
  settings,
  rollouts,
}: {
  settings: RunSettings;
  rollouts: number;
}) {
  const { db } = useServices();
  const seen = useLiveQuery(() => readEndpointProtocols(db), [db]) ?? {};
  const hosts = new Map<
    string,
    { host: string; protocol: string; parallel: number; judges: number }
  >();
  const endpoints = [
    { baseUrl: settings.model.baseUrl, isJudge: false },
    ...settings.judges.map((judge) => ({ baseUrl: judge.baseUrl, isJudge: true })),
  ];
  for (const { baseUrl, isJudge } of endpoints) {
    const origin = originOf(baseUrl);
    if (origin === null) continue;
    const entry = hosts.get(origin) ?? {
      host: new URL(origin).host,
      protocol: seen[origin] ?? protocolFromUrl(baseUrl),
      parallel: 0,
      judges: 0,
    };
    // The model is asked once per rollout; its judges together, in the next step: a rollout has
    // at most max(1, judges on this host) requests at once to the host.
    if (isJudge) entry.judges++;
    entry.parallel = Math.max(entry.parallel, isJudge ? entry.judges : 1);
    hosts.set(origin, entry);
  }
  const notices = [...hosts.values()].flatMap((host) => {
    const notice = concurrencyNotice(host.host, host.protocol, settings.concurrency);
    return notice === null ? [] : [notice];
  });
  const atOnce = effectiveRollouts(settings.concurrency, [...hosts.values()]);
  const steps = settings.judges.length === 0 ? 1 : 2;
  const rounds = Math.ceil(rollouts / atOnce) * steps;
  return (
    <div data-testid="concurrency-estimate">
      <p>
        {atOnce < settings.concurrency
          ? `Concurrency ${settings.concurrency} → ${atOnce} rollouts at a time`
          : `${atOnce} rollouts at a time`}
        : about {rounds} rounds of requests, so the run takes about {rounds} × a request’s latency
        (at 1 s a request, about {formatDuration(rounds * 1000)}).
      </p>
      {notices.map((notice) => (
        <p key={notice} className="notice" data-testid="concurrency-notice">
          {notice}
        </p>
      ))}
    </div>
  );
}
