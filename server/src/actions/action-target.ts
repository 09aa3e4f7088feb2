// The action target (docs/action-tokens.md): which local URL stands in for a card's registered host, and the one rule
// on what may be contacted: a loopback URL, or a URL the user listed explicitly. Nothing is sent without a target.
import { InputError } from '../card';

/** No request is sent: no target maps the action's host, or the target is neither loopback nor listed. */
export class ActionTargetError extends InputError {
  static override readonly code = 'ERR_ACTION_TARGET';
}

export interface ActionTargets {
  /** Registered host (as written, e.g. https://api.contoso.com) → the local development URL that answers for it. */
  readonly targets: Readonly<Record<string, string>>;
  /** Non-loopback URLs the user allows as targets (compared by origin and path prefix). */
  readonly allowedUrls: readonly string[];
}

export interface ResolvedTarget {
  /** The card's URL's origin, the host the service is registered under (the legacy token's `aud`). */
  readonly registeredBase: string;
  /** Where the request goes instead. */
  readonly url: string;
}

function parseUrl(text: string, what: string): URL {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below.
  }
  throw new ActionTargetError(`${what} "${text}" is not an absolute http or https URL.`);
}

/** 127.0.0.0/8, ::1 and localhost: this machine, never the network. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function isListed(url: URL, allowedUrls: readonly string[]): boolean {
  return allowedUrls.some((allowed) => {
    const listed = parseUrl(allowed, 'The allowed URL');
    const prefix = listed.pathname.endsWith('/') ? listed.pathname : `${listed.pathname}/`;
    return listed.origin === url.origin && (listed.pathname === '/' || url.pathname === listed.pathname || url.pathname.startsWith(prefix));
  });
}

/** A target written `host=url`, as `amcard invoke --target` and the setting's entries take it. */
export function parseTargetPair(pair: string): [string, string] {
  const equals = pair.indexOf('=');
  if (equals <= 0) throw new ActionTargetError(`The action target "${pair}" must be written <card host>=<local URL>, e.g. https://api.contoso.com=http://127.0.0.1:7071.`);
  return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
}

/**
 * Where the request for `actionUrl` goes: the target of its origin, with the action URL's path and query appended to
 * the target's path. Throws ActionTargetError, naming the host, when no target maps it or the target may not be contacted.
 */
export function resolveActionTarget(actionUrl: string, { targets, allowedUrls }: ActionTargets): ResolvedTarget {
  const action = parseUrl(actionUrl, 'The action URL');
  const entry = Object.entries(targets).find(([host]) => parseUrl(host, 'The action target host').origin === action.origin);
  if (entry === undefined) {
    throw new ActionTargetError(`No action target maps ${action.origin}, so nothing was sent. Map it to your local service, e.g. ${action.origin}=http://127.0.0.1:7071.`);
  }
  const target = parseUrl(entry[1], `The action target of ${entry[0]}`);
  const base = target.pathname.replace(/\/$/, '');
  const url = new URL(`${target.origin}${base}${action.pathname}${action.search}`);
  if (!isLoopbackUrl(url) && !isListed(url, allowedUrls)) {
    throw new ActionTargetError(`The action target ${url.origin} is not a loopback address and not listed in the allowed URLs, so nothing was sent. List it explicitly to allow it.`);
  }
  return { registeredBase: action.origin, url: url.href };
}
