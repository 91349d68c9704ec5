import { concurrencyNotice, type RunSpeed } from '../../../core/runLive';

function protocolLabel(protocol: string): string {
  if (protocol === 'h2') return 'HTTP/2';
  if (protocol === 'h3') return 'HTTP/3';
  if (protocol === 'http/1.1') return 'HTTP/1.1';
  return 'protocol not shown by the host';
}

/**
 * How fast a live run goes and who holds it up (issue 14): requests per second, requests in flight
 * against what the browser allows per host, and the share of time spent waiting for responses.
 */
export function RunSpeedView({ speed }: { speed: RunSpeed }) {
  const waiting = speed.waitingShare;
  return (
    <div className="run-speed" data-testid="run-speed">
      <p>
        <span data-testid="run-speed-rate">{speed.requestsPerSecond.toFixed(1)} requests/s</span>
        {' · '}
        {speed.rolloutsInProgress} / {speed.rolloutsAllowed} rollouts in progress
        {waiting !== null && (
          <span data-testid="run-speed-share">
            {' · '}waiting for responses {Math.round(waiting * 100)}% of the time, in the app{' '}
            {100 - Math.round(waiting * 100)}%
          </span>
        )}
      </p>
      <ul className="muted small">
        {speed.endpoints.map((endpoint) => {
          const host = new URL(endpoint.origin).host;
          const notice = concurrencyNotice(host, endpoint.protocol, speed.rolloutsAllowed);
          return (
            <li key={endpoint.origin} data-protocol={endpoint.protocol}>
              {host} ({protocolLabel(endpoint.protocol)}): {endpoint.inFlight} in flight /{' '}
              {endpoint.allowed} allowed
              {notice !== null && (
                <span className="notice" data-testid="concurrency-notice">
                  {' '}
                  {notice}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
