/**
 * Turns whatever a user pastes into the Space address field into one canonical origin, or explains
 * precisely why it can't. The origin is the only thing stored: every API request and every
 * "open in Space" link is built from it, so anything that isn't a plain `scheme://host[:port]` is dropped.
 */

export type InvalidUrlReason =
  | 'empty'
  | 'unsupported-scheme'
  | 'credentials'
  | 'invalid-host'
  | 'insecure-http'
  | 'loopback-alias';

export type NormalizedBaseUrl =
  | { ok: true; origin: string }
  | { ok: false; reason: InvalidUrlReason; message: string; hint: string };

const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):/i;
/** `localhost:8084`, `space.example.com:443/path` — looks like a scheme to a parser, but it's host:port. */
const HOST_WITH_PORT = /^[^/:?#@[\]\s]+:\d+(?:[/?#]|$)/;
/** `user:secret@host` — a parser would read `user` as the scheme; route it to the credentials check. */
const USERINFO = /^[^/?#@\s]*@/;
const DNS_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const EXAMPLE = 'For example https://space.example.com or http://127.0.0.1:8084.';

export function normalizeBaseUrl(input: string): NormalizedBaseUrl {
  const text = input.trim();
  if (text === '') {
    return fail('empty', 'Enter the address of your Space organization.', EXAMPLE);
  }

  const candidate = withScheme(text);
  if (candidate === null) {
    return fail(
      'unsupported-scheme',
      'Space addresses start with https:// (or http:// for this computer).',
      EXAMPLE,
    );
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return invalidHost();
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(
      'unsupported-scheme',
      `“${url.protocol}” addresses can't be used for Space.`,
      'Use the https:// address you open Space with in the browser.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    return fail(
      'credentials',
      'Remove the user name and password from the address.',
      'Space Lookup signs in with the personal token, never with credentials in the URL.',
    );
  }

  // A trailing dot is a valid absolute DNS name, but it would make a second origin for the same server.
  const hostname = url.hostname.endsWith('.') && !url.hostname.startsWith('[')
    ? url.hostname.slice(0, -1)
    : url.hostname;
  if (!isValidHostname(hostname)) return invalidHost();

  if (url.protocol === 'http:' && !isLoopback(hostname)) {
    return fail(
      'insecure-http',
      `http:// would send your token unencrypted to ${hostname}.`,
      `Use https://${hostname} instead. Plain http is only allowed for this computer (localhost, 127.0.0.1, [::1]).`,
    );
  }

  if (url.protocol === 'http:' && isLoopbackAlias(hostname)) {
    // Match patterns can't wildcard IPv4 octets: the extension can only ever be granted http://127.0.0.1/*,
    // and asking for http://127.1.2.3/* would throw. Refused here, before any permission request.
    const port = url.port === '' ? '' : `:${url.port}`;
    return fail(
      'loopback-alias',
      `Of the 127.x.x.x addresses only 127.0.0.1 can be used (not ${hostname}).`,
      `Use http://127.0.0.1${port || ':PORT'} or http://localhost${port || ':PORT'}.`,
    );
  }

  const origin = new URL(`${url.protocol}//${hostname}${url.port === '' ? '' : `:${url.port}`}`).origin;
  return { ok: true, origin };
}

/** 127.0.0.0/8 other than 127.0.0.1 (as the URL parser writes IPv4 hosts: four decimal octets). */
function isLoopbackAlias(hostname: string): boolean {
  return IPV4.test(hostname) && hostname.startsWith('127.') && hostname !== '127.0.0.1';
}

/**
 * Adds the scheme users leave out. Bare loopback addresses default to http because that is how
 * Space On-Premises ships (`http://127.0.0.1:8084`); everything else defaults to https.
 * Returns null for a non-web scheme such as `javascript:` or `mailto:`.
 */
function withScheme(text: string): string | null {
  const scheme = SCHEME_PREFIX.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return text;
  if (scheme !== undefined && !HOST_WITH_PORT.test(text) && !USERINFO.test(text)) {
    // `ftp://x` has to reach the URL parser so the message can name the scheme; `javascript:x` does not.
    return text.slice(scheme.length + 1).startsWith('//') ? text : null;
  }
  const bare = text.startsWith('//') ? text.slice(2) : text;
  const host = /^(\[[^\]]*\]|[^/:?#]*)/.exec(bare)?.[1] ?? '';
  return `${isLoopback(host) ? 'http' : 'https'}://${bare}`;
}

function isValidHostname(hostname: string): boolean {
  if (hostname === '') return false;
  if (hostname.startsWith('[')) return true; // the URL parser already validated the IPv6 literal
  const ipv4 = IPV4.exec(hostname);
  if (ipv4) {
    // 0.0.0.0/8 is "this network", never a server; it is also what a stray number like "8084" parses to.
    return ipv4[1] !== '0';
  }
  if (hostname.length > 253) return false;
  return hostname.split('.').every((label) => DNS_LABEL.test(label));
}

/**
 * Hosts where plain http never leaves the machine. `*.localhost` is left out on purpose: not every
 * resolver pins it to loopback, and a wrong guess would send the token over the network in clear.
 */
export function isLoopback(host: string): boolean {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.') && !h.startsWith('[')) h = h.slice(0, -1);
  if (h === 'localhost') return true;
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.includes(':')) {
    try {
      return new URL(`http://[${h}]/`).hostname === '[::1]';
    } catch {
      return false;
    }
  }
  const ipv4 = IPV4.exec(h);
  return ipv4 !== null && ipv4[1] === '127' && ipv4.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * The host permission to request for an origin. Match patterns have no port: `http://127.0.0.1/*`
 * grants every port on that host, which is why only loopback may use http.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

function invalidHost(): NormalizedBaseUrl {
  return fail(
    'invalid-host',
    "That address doesn't contain a valid host name.",
    `Check it for typos. ${EXAMPLE}`,
  );
}

function fail(reason: InvalidUrlReason, message: string, hint: string): NormalizedBaseUrl {
  return { ok: false, reason, message, hint };
}
