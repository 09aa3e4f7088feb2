// URL helpers for the Action.Http, Action.OpenUrl and image rules (AM042, AM043, AM058, AM059, AM070, AM096).

/** C0 controls and space: what the WHATWG URL parser strips from both ends. */
function isC0ControlOrSpace(code: number): boolean {
  return code <= 0x20;
}

/**
 * WHATWG URL preprocessing: browsers drop surrounding spaces/controls and inner tabs/newlines ("java\tscript:").
 * The ends are found by a scan: a trailing-run regex (`[\u0000-\u0020]+$`) retries at every space of an inner run,
 * quadratic in a URL that is mostly spaces.
 */
function preprocess(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && isC0ControlOrSpace(url.charCodeAt(start))) start++;
  while (end > start && isC0ControlOrSpace(url.charCodeAt(end - 1))) end--;
  return url.slice(start, end).replace(/[\t\n\r]/g, '');
}

/**
 * The start of most URLs in a card: `https://` (any case), a run of letters, digits, "-" and ".", then "/", "?", "#",
 * ":" or the end. The lookahead takes the whole run and the back-reference consumes it, so nothing backtracks into it.
 * One call of the regular expression engine: a card has few URLs, so their checks run mostly in V8's interpreter,
 * where scans of their characters took several µs a URL.
 */
const PLAIN_HTTPS_AUTHORITY = /^https:\/\/(?=([A-Za-z0-9.-]*))\1([/?#:]|$)/i;

/**
 * True for `https://`, a non-empty host of letters, digits, "-" and ".", then "/", "?", "#" or the end: its scheme
 * is https, it has a host, and no space, control character, user name or port is there for urlScheme,
 * isHttpUrlWithHost and isHttpsUrl to look for, so they answer it at once.
 */
export function isPlainHttpsUrl(url: string): boolean {
  const match = PLAIN_HTTPS_AUTHORITY.exec(url);
  return match !== null && match[1] !== '' && match[2] !== ':';
}

/** The lower-case scheme of an absolute URL, or undefined for a relative reference. */
export function urlScheme(url: string): string | undefined {
  return isPlainHttpsUrl(url) ? 'https' : schemeOf(preprocess(url));
}

/** urlScheme of a URL already preprocessed. */
function schemeOf(preprocessed: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(preprocessed)?.[1]?.toLowerCase();
}

/** The host as written in the authority (`scheme://[user@]host[:port]`), '' when empty, undefined without `//`. */
function writtenHost(url: string): string | undefined {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
  if (authority === undefined) return undefined;
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  // By index, not by /\].*$/, which retries at every "]" and scans to the line end from each.
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    return close < 0 ? hostAndPort : hostAndPort.slice(0, close + 1);
  }
  const port = hostAndPort.lastIndexOf(':');
  return port < 0 ? hostAndPort : hostAndPort.slice(0, port);
}

/**
 * The host exactly as the URL writes it (case, trailing dots, IDN and numeric forms kept), for messages: urlHost's
 * normalised form is for comparing hosts, and would name `api.contoso.com..` for `api.contoso.com...`.
 */
export function writtenUrlHost(url: string): string | undefined {
  return writtenHost(preprocess(url)) || undefined;
}

/** True for `http://host…` and `https://host…` with a non-empty host. */
export function isHttpUrlWithHost(url: string): boolean {
  if (isPlainHttpsUrl(url)) return true;
  const preprocessed = preprocess(url);
  const scheme = schemeOf(preprocessed);
  return (scheme === 'http' || scheme === 'https') && !!writtenHost(preprocessed);
}

/**
 * docs/rules.md § AM042, § AM058 and § AM070: whether the WHATWG URL parser, which browsers and Outlook use, accepts `url`
 * (it trims surrounding spaces and controls itself). It rejects, for example, `<` or a space in the host.
 */
export function isParsableUrl(url: string): boolean {
  return URL.canParse(url);
}

/** What to look at in a URL that has a scheme and a host but that isParsableUrl rejects. */
export const UNPARSABLE_URL_HINT = 'the URL parser of browsers rejects it (check the host and the port for spaces, placeholders such as <name>, or characters such as < > | ^ %)';

/** docs/rules.md § AM042: starts, case-insensitively and exactly as written, with `https://` followed by a host. */
export function isHttpsUrl(url: string): boolean {
  return isPlainHttpsUrl(url) || (/^https:\/\//i.test(url) && !!writtenHost(url));
}

/** The host a browser would connect to, lower case, without IPv6 brackets or a trailing dot; undefined when unparsable. */
export function urlHost(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return host === '' ? undefined : host;
}

/** A label the WHATWG host parser reads as a number (decimal, or hexadecimal after "0x"), making the host IPv4. */
const NUMERIC_LABEL = /^(?:[0-9]+|0[xX][0-9A-Fa-f]*)$/;

/**
 * The host of `https://<host>[:port]` followed by "/", "?", "#" or the end, when it is plain ASCII: dot-separated
 * labels of letters, digits and "-", perhaps a trailing dot, no "xn--" label (punycode, which the parser decodes and
 * checks) and a last label that is no number (which makes the host IPv4). The WHATWG parser gives such a host back
 * in lower case and does nothing else to it. Undefined for any other URL.
 */
function plainHttpsHost(url: string): string | undefined {
  const match = PLAIN_HTTPS_AUTHORITY.exec(url);
  if (match === null) return undefined;
  // A ":" may start a port or end a user name (user:password@host): no "@" may follow before the path.
  if (match[2] === ':' && /^[^/?#\\]*@/.test(url.slice(match[0].length))) return undefined;
  const written = match[1]!.toLowerCase();
  const host = written.endsWith('.') ? written.slice(0, -1) : written;
  if (host === '' || host.startsWith('.') || host.endsWith('.') || host.includes('..')) return undefined;
  if (host.startsWith('xn--') || host.includes('.xn--')) return undefined;
  return NUMERIC_LABEL.test(host.slice(host.lastIndexOf('.') + 1)) ? undefined : host;
}

/**
 * urlHost of a URL that isParsableUrl accepts. A plain `https://host/…` URL (plainHttpsHost) is read off the text:
 * parsing a URL with the URL class costs several microseconds, and each Action.Http url is checked.
 */
export function parsableUrlHost(url: string): string | undefined {
  return plainHttpsHost(url) ?? urlHost(url);
}

function ipv4Octets(host: string): number[] | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
  const octets = host.split('.').map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/**
 * docs/rules.md § AM043: localhost, loopback, unspecified, private and link-local hosts. `host` is normalised by
 * urlHost, so the numeric spellings the URL parser accepts (`0x7f.1`, `2130706433`) arrive here as dotted quads.
 */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  const octets = ipv4Octets(host);
  if (octets === undefined) return false;
  const [a, b] = octets as [number, number, number, number];
  return a === 127 || a === 10 || octets.every((octet) => octet === 0) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/**
 * The host of a registered target URL setting entry. Entries may be full URLs or bare domains, with or without a
 * port, path or `*.` wildcard prefix ("https://api.contoso.com/v1", "contoso.com", "*.contoso.com").
 */
export function registeredHost(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (trimmed === '') return undefined;
  const host = urlHost(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return host?.replace(/^\*\./, '');
}

/** True when `host` is `registered` or one of its subdomains. */
export function isHostWithin(host: string, registered: string): boolean {
  return host === registered || host.endsWith(`.${registered}`);
}
