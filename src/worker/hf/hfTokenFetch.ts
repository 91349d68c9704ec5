// A Hugging Face token is a key like any other (issue 15): the page hands the worker each token with
// the origin the user entered it for, and this fetch adds `Authorization: Bearer …` to requests whose
// origin is exactly that one, and to no other (a mirror, a link's host, the GitHub imitation). It
// notes the hosts it sent a token to, so a 401/403 can say whether one was sent. The token itself is
// never part of a message, a record or a URL. (A redirect to another origin drops the header: the
// Fetch standard removes Authorization on cross-origin redirects.)
import { AppError } from '../../core/errors';
import { originOf } from '../../core/endpointOrigin';

/** Tokens by exact origin (`https://huggingface.co`). */
export type OriginTokens = Readonly<Record<string, string>>;

/** The tokens whose origin is one of these bases' origins. */
export function tokensForHosts(tokens: OriginTokens, bases: readonly string[]): OriginTokens {
  const allowed = new Set(bases.map(originOf));
  return Object.fromEntries(Object.entries(tokens).filter(([origin]) => allowed.has(origin)));
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export function fetchWithOriginTokens(
  base: typeof fetch,
  tokens: OriginTokens,
): { fetch: typeof fetch; sentTo: ReadonlySet<string> } {
  const byOrigin = new Map(
    Object.entries(tokens).flatMap(([origin, token]) =>
      originOf(origin) === origin && token.trim() !== '' ? [[origin, token.trim()] as const] : [],
    ),
  );
  const sentTo = new Set<string>();
  const wrapped: typeof fetch = (input, init) => {
    const url = urlOf(input);
    const origin = originOf(url);
    const token = origin === null ? undefined : byOrigin.get(origin);
    if (token === undefined) return base(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
    headers.set('Authorization', `Bearer ${token}`);
    sentTo.add(new URL(url).host);
    return base(input, { ...init, headers });
  };
  return { fetch: wrapped, sentTo };
}

/**
 * A Hugging Face 401/403 as the gated-dataset error it usually is: it asks for a token, and says
 * whether one was sent to that host (none sent: the dataset may just need one; one sent: it was
 * refused, or the account has not accepted the dataset's conditions). Other errors pass through.
 */
export function gatedDatasetError(error: unknown, sentTo: ReadonlySet<string>): unknown {
  if (!(error instanceof AppError) || error.kind !== 'auth' || error.host === undefined) {
    return error;
  }
  const host = error.host;
  const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
  const details = { host, ...(error.status === undefined ? {} : { status: error.status }) };
  if (!sentTo.has(host)) {
    return new AppError(
      'auth',
      `${host} refused the dataset${status}: it is gated or private and needs a Hugging Face token. No token was sent to ${host}.`,
      {
        ...details,
        nextStep: `Accept the dataset's conditions on its Hugging Face page, then paste a read token for ${host} under Settings → Hugging Face token and load it again. The token goes to ${host} only.`,
      },
    );
  }
  return new AppError(
    'auth',
    `${host} refused the dataset${status} although a Hugging Face token was sent: the dataset is gated or private, and this token has no access to it.`,
    {
      ...details,
      nextStep: `Check that the token is valid and can read this dataset (on its Hugging Face page, accept its conditions with the same account), then paste it again under Settings → Hugging Face token.`,
    },
  );
}
