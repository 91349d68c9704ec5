export interface HostToConfirm {
  origin: string;
  /** The endpoints that point there ("Model under test", "Judge 1"). */
  labels: readonly string[];
}

interface HostConfirmProps {
  hosts: readonly HostToConfirm[];
  /** Who chose these hosts, as the sentence's subject: "This link", "This imported run". */
  source: string;
  onConfirm: (origin: string) => void;
  /** Where the endpoints can be replaced (the forms): put the default provider back instead. */
  onReject?: ((origin: string) => void) | undefined;
  rejectLabel?: string;
}

/** "the model under test and judge 1" */
export function describeLabels(labels: readonly string[]): string {
  const names = labels.map((label) => label.toLowerCase());
  const last = names.pop() ?? '';
  const joined = names.length === 0 ? last : `${names.join(', ')} and ${last}`;
  return joined.startsWith('model') ? `the ${joined}` : joined;
}

/**
 * Links, imports and stored runs may name hosts, but never choose where requests go (issue 10): each
 * host the user has not used here is named, with what would go there, until they say yes or no.
 */
export function HostConfirm(props: HostConfirmProps) {
  const {
    hosts,
    source,
    onConfirm,
    onReject,
    rejectLabel = 'No, use the default provider',
  } = props;
  return (
    <section
      className="banner banner-warning host-confirm"
      aria-label="Hosts to confirm"
      data-testid="host-confirm"
    >
      {hosts.map((host) => (
        <div key={host.origin} className="host-confirm-item" data-origin={host.origin}>
          <p>
            <strong>
              {source} points {describeLabels(host.labels)} at <code>{host.origin}</code>, a host
              you have not used here. Use it?
            </strong>
          </p>
          <p className="small">
            Until you say yes, nothing is sent there (no connection test, no run) and no key can be
            typed for it. If you do, it receives your prompts and only the key you type for that
            host; keys typed for other hosts never go there.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="host-confirm-use"
              onClick={() => onConfirm(host.origin)}
            >
              Use {host.origin}
            </button>
            {onReject !== undefined && (
              <button
                type="button"
                data-testid="host-confirm-reject"
                onClick={() => onReject(host.origin)}
              >
                {rejectLabel}
              </button>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
