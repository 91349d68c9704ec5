// Which protocol each endpoint really speaks (issue 14), from Resource Timing's `nextHopProtocol`:
// browsers open at most 6 HTTP/1.1 connections to one host, so a run's concurrency above 6 is not
// what the user gets there. A cross-origin host exposes the protocol only if it sends
// `Timing-Allow-Origin`; otherwise a plain http:// URL still tells (no browser speaks HTTP/2 in the
// clear), and an https:// one stays unknown.
import { protocolFromUrl } from '../core/runLive';

export interface ProtocolWatch {
  /** `h2`, `h3`, `http/1.1` or `unknown`, for the origin of this URL. */
  protocolOf(url: string): string;
  stop(): void;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Observes every response this context receives. `onLearnt` is told when an origin's protocol is
 * first seen or changes (to remember it for the next run form).
 */
export function watchProtocols(
  onLearnt?: (origin: string, protocol: string) => void,
): ProtocolWatch {
  const seen = new Map<string, string>();
  let observer: PerformanceObserver | undefined;
  const note = (entries: readonly PerformanceEntry[]) => {
    for (const entry of entries) {
      const protocol = (entry as PerformanceResourceTiming).nextHopProtocol;
      const origin = originOf(entry.name);
      if (!protocol || origin === null || seen.get(origin) === protocol) continue;
      seen.set(origin, protocol);
      onLearnt?.(origin, protocol);
    }
  };
  // Observers get every entry; the timeline buffer (250 entries) is cleared so it never fills.
  const clear = () => performance.clearResourceTimings();
  if (typeof PerformanceObserver === 'function') {
    try {
      observer = new PerformanceObserver((list) => note(list.getEntries()));
      observer.observe({ type: 'resource', buffered: true });
      performance.addEventListener('resourcetimingbufferfull', clear);
    } catch {
      observer = undefined; // a context without Resource Timing: fall back on the URL alone
    }
  }
  return {
    protocolOf(url) {
      const origin = originOf(url);
      return (origin === null ? undefined : seen.get(origin)) ?? protocolFromUrl(url);
    },
    stop() {
      observer?.disconnect();
      performance.removeEventListener('resourcetimingbufferfull', clear);
    },
  };
}
