// Inspects an action token pasted from a service's logs (docs/action-tokens.md): which shape it has (legacy or
// Entra ID), a verdict on each claim a service must check, the signature against a key or JWKS file the user gives,
// and how to validate such a token with jose. Offline: a `jku`, `x5u` or issuer URL in the token is never fetched.
import type { KeyObject } from 'node:crypto';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { decodeCompactJws, isEmail, isJsonObject } from '../card';
import {
  ACTIONS_APP_ID, baseUrlOf, entraIssuer, entraJwksUrl, LEGACY_ISSUER, LEGACY_JWKS_URL, type TokenShape
} from './development-token';

export type TokenKind = TokenShape | 'unknown';
export type Verdict = 'ok' | 'warning' | 'error' | 'info';

export interface ClaimVerdict {
  readonly claim: string;
  readonly verdict: Verdict;
  readonly message: string;
}

/** What the service expects; a claim with nothing to compare against is checked for its shape only. */
export interface TokenExpectations {
  /** The card's registered host (legacy `aud`). */
  readonly targetUrl?: string;
  /** The service's app id or App ID URI (Entra ID `aud`). */
  readonly audience?: string;
  readonly tenant?: string;
  readonly sender?: string;
  readonly actingUser?: string;
  /** Seconds since 1970; defaults to now. */
  readonly now?: number;
}

/** The keys the signature is checked against: public keys, or a JWKS. */
export type VerificationKeys =
  | { readonly kind: 'keys'; readonly keys: readonly KeyObject[]; readonly source: string }
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet; readonly source: string };

export interface SignatureVerdict {
  readonly verdict: 'valid' | 'invalid' | 'not checked';
  readonly message: string;
}

export interface TokenInspection {
  readonly kind: TokenKind;
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly verdicts: readonly ClaimVerdict[];
  readonly signature: SignatureVerdict;
  /** Node code validating a token of this kind with jose. */
  readonly recipe: string;
}

/** The token is not a JWT at all; the message says what it is instead. */
export type TokenReading = { readonly ok: true; readonly inspection: TokenInspection } | { readonly ok: false; readonly message: string };

/** Header members naming a URL a naive verifier would fetch keys from; never fetched here. */
const URL_HEADERS = ['jku', 'x5u'] as const;
const ENTRA_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/;
const ENTRA_V1_ISSUER = /^https:\/\/sts\.windows\.net\/([^/]+)\/$/;

/** The token out of what a log holds: `Authorization: Bearer eyJ…`, `Bearer eyJ…` or the token alone. */
export function tokenText(text: string): string {
  const trimmed = text.trim().replace(/^(action-)?authorization\s*:\s*/i, '');
  return trimmed.replace(/^bearer\s+/i, '').trim();
}

/** A signed card's payload (docs/rules.md § "Signed cards"), which carries a card and a sender but is no action token. */
function isSignedCardPayload(claims: Readonly<Record<string, unknown>>): boolean {
  return 'adaptiveCardSerialized' in claims || 'messageCardSerialized' in claims;
}

function classify(claims: Readonly<Record<string, unknown>>): TokenKind {
  if (isSignedCardPayload(claims)) return 'unknown';
  const issuer = claims['iss'];
  if (typeof issuer === 'string') {
    if (issuer.startsWith('https://substrate.office.com/sts')) return 'legacy';
    if (ENTRA_ISSUER.test(issuer) || ENTRA_V1_ISSUER.test(issuer)) return 'entra';
  }
  if ('tid' in claims || 'azp' in claims) return 'entra';
  return 'sender' in claims ? 'legacy' : 'unknown';
}

const ACTING_USER_ADVICE = 'check this user may take the action';
const quote = (value: unknown): string => (value === undefined ? '(missing)' : JSON.stringify(value));

const isSame = (actual: unknown, expected: string): boolean => typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();

function compared(claim: string, actual: unknown, expected: string | undefined, what: string): ClaimVerdict {
  if (actual === undefined) return { claim, verdict: 'error', message: `missing; it must be ${what}.` };
  if (expected === undefined) return { claim, verdict: 'info', message: `${quote(actual)}; not compared: no expected value given (${what}).` };
  return isSame(actual, expected)
    ? { claim, verdict: 'ok', message: `${quote(actual)}, as expected.` }
    : { claim, verdict: 'error', message: `${quote(actual)}, but ${what} is ${quote(expected)}: the service must refuse this token.` };
}

/**
 * RFC 7519 §4.1.3: `aud` is one audience or an array of them, and the token is for the service when one of them is
 * its audience; jwtVerify's `audience` option, which the printed recipe uses, reads it so.
 */
function audienceVerdict(actual: unknown, expected: string | undefined, what: string): ClaimVerdict {
  if (!Array.isArray(actual) || expected === undefined) return compared('aud', actual, expected, what);
  return actual.some((audience) => isSame(audience, expected))
    ? { claim: 'aud', verdict: 'ok', message: `${quote(actual)}: one of them is ${what}, as expected.` }
    : { claim: 'aud', verdict: 'error', message: `${quote(actual)}, but none of them is ${what}, ${quote(expected)}: the service must refuse this token.` };
}

function emailClaim(claim: string, actual: unknown, expected: string | undefined, role: string, advice: string): ClaimVerdict {
  if (typeof actual !== 'string' || !isEmail(actual)) {
    return { claim, verdict: 'error', message: `${quote(actual)}: must be the ${role}'s email address.` };
  }
  return expected === undefined
    ? { claim, verdict: 'ok', message: `${quote(actual)}, the ${role}; ${advice}.` }
    : compared(claim, actual, expected, `the expected ${role}`);
}

function appIdVerdict(claim: 'appid' | 'azp', actual: unknown): ClaimVerdict {
  return compared(claim, actual, ACTIONS_APP_ID, "the Actionable Messages service's app id");
}

function timeVerdicts(claims: Readonly<Record<string, unknown>>, now: number): ClaimVerdict[] {
  const at = (seconds: number): string => new Date(seconds * 1000).toISOString();
  const verdicts: ClaimVerdict[] = [];
  const exp = claims['exp'];
  if (exp === undefined) verdicts.push({ claim: 'exp', verdict: 'error', message: 'missing: a token without an expiry time must be refused.' });
  else if (typeof exp !== 'number') {
    verdicts.push({ claim: 'exp', verdict: 'error', message: `${quote(exp)}: not a number; exp must be a NumericDate (seconds since 1970-01-01T00:00:00Z), so the token must be refused.` });
  } else if (exp <= now) verdicts.push({ claim: 'exp', verdict: 'error', message: `${at(exp)}: expired ${now - exp} s ago.` });
  else verdicts.push({ claim: 'exp', verdict: 'ok', message: `${at(exp)}: expires in ${exp - now} s.` });
  const nbf = claims['nbf'];
  if (typeof nbf === 'number' && nbf > now) verdicts.push({ claim: 'nbf', verdict: 'error', message: `${at(nbf)}: not valid for another ${nbf - now} s.` });
  else if (typeof nbf === 'number') verdicts.push({ claim: 'nbf', verdict: 'ok', message: `${at(nbf)}.` });
  const iat = claims['iat'];
  if (typeof iat === 'number' && iat > now + 300) verdicts.push({ claim: 'iat', verdict: 'warning', message: `${at(iat)}: issued in the future (${iat - now} s ahead); check the clocks.` });
  else if (typeof iat === 'number') verdicts.push({ claim: 'iat', verdict: 'ok', message: `${at(iat)}.` });
  return verdicts;
}

function legacyVerdicts(claims: Readonly<Record<string, unknown>>, expected: TokenExpectations): ClaimVerdict[] {
  const target = expected.targetUrl === undefined ? undefined : baseUrlOf(expected.targetUrl, 'the target');
  return [
    compared('iss', claims['iss'], LEGACY_ISSUER, 'the legacy issuer'),
    audienceVerdict(claims['aud'], target, "the base URL of the card's action target"),
    appIdVerdict('appid', claims['appid']),
    emailClaim('sub', claims['sub'], expected.actingUser, 'acting user', ACTING_USER_ADVICE),
    emailClaim('sender', claims['sender'], expected.sender, 'sender', "check it is the address your service sends its cards from"),
  ];
}

function entraVerdicts(claims: Readonly<Record<string, unknown>>, expected: TokenExpectations): ClaimVerdict[] {
  const tid = claims['tid'];
  const issuerTenant = expected.tenant ?? (typeof tid === 'string' ? tid : undefined);
  const scp = claims['scp'];
  return [
    compared('iss', claims['iss'], issuerTenant === undefined ? undefined : entraIssuer(issuerTenant), 'the Entra ID v2.0 issuer of the tenant'),
    ...(expected.tenant === undefined ? [] : [compared('tid', tid, expected.tenant, 'the expected tenant')]),
    audienceVerdict(claims['aud'], expected.audience, "the service's app id or App ID URI"),
    // v2.0 tokens name the calling app in azp; v1.0 ones in appid.
    claims['azp'] === undefined && claims['appid'] !== undefined ? appIdVerdict('appid', claims['appid']) : appIdVerdict('azp', claims['azp']),
    typeof scp === 'string' && scp !== ''
      ? { claim: 'scp', verdict: 'ok', message: `${quote(scp)}; the service must require the scope it exposes to the Actions app.` }
      : { claim: 'scp', verdict: 'error', message: `${quote(scp)}: a delegated token from the Actions app carries the scope the service exposes.` },
    emailClaim(claims['preferred_username'] !== undefined ? 'preferred_username' : 'upn', claims['preferred_username'] ?? claims['upn'], expected.actingUser, 'acting user', ACTING_USER_ADVICE),
  ];
}

function recipeFor(kind: TokenKind, claims: Readonly<Record<string, unknown>>, expected: TokenExpectations): string {
  const tid = typeof claims['tid'] === 'string' ? claims['tid'] : '<tenant id>';
  const tenant = expected.tenant ?? tid;
  const legacy = kind !== 'entra';
  const jwksUrl = legacy ? LEGACY_JWKS_URL : entraJwksUrl(tenant);
  const options = legacy
    ? `{ issuer: '${LEGACY_ISSUER}', audience: '${expected.targetUrl === undefined ? '<https://your.service.host>' : baseUrlOf(expected.targetUrl, 'the target')}', algorithms: ['RS256'] }`
    : `{ issuer: '${entraIssuer(tenant)}', audience: '${expected.audience ?? '<your app id or App ID URI>'}', algorithms: ['RS256'] }`;
  const checks = legacy
    ? `if (payload.appid !== '${ACTIONS_APP_ID}') throw new Error('not from Actionable Messages');\n// payload.sub is the acting user, payload.sender the mail's sender: check both against your records.`
    : `if (payload.azp !== '${ACTIONS_APP_ID}') throw new Error('not from Actionable Messages');\nif (!String(payload.scp).split(' ').includes('<your scope>')) throw new Error('scope missing');\n// payload.preferred_username (or upn) is the acting user.`;
  return [
    `import { createRemoteJWKSet, jwtVerify } from 'jose';`,
    `// Production: ${legacy ? "the legacy issuer's" : "your tenant's Entra ID"} keys. In development, use instead:`,
    `//   const keys = createLocalJWKSet(JSON.parse(readFileSync('<development JWKS file>', 'utf8')));`,
    `const keys = createRemoteJWKSet(new URL('${jwksUrl}'));`,
    `const token = request.headers['authorization']?.replace(/^Bearer /, '') ?? request.headers['action-authorization']?.replace(/^Bearer /, '');`,
    `const { payload } = await jwtVerify(token, keys, ${options});`,
    checks,
  ].join('\n');
}

async function verifyAgainst(token: string, keys: VerificationKeys): Promise<SignatureVerdict> {
  const failures: string[] = [];
  const candidates = keys.kind === 'jwks' ? [createLocalJWKSet(keys.jwks)] : keys.keys;
  for (const key of candidates) {
    try {
      await compactVerify(token, key as Parameters<typeof compactVerify>[1], { algorithms: ['RS256'] });
      return { verdict: 'valid', message: `signed by a key of ${keys.source} (RS256).` };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { verdict: 'invalid', message: `no key of ${keys.source} verifies it (${[...new Set(failures)].join('; ')}): the token was not signed by that key, or was changed after signing.` };
}

/** Everything said about `text` (a token, or a log line holding one), offline. */
export async function inspectToken(text: string, expected: TokenExpectations, keys?: VerificationKeys): Promise<TokenReading> {
  const token = tokenText(text);
  const decoded = decodeCompactJws(token);
  if (!decoded.ok) return { ok: false, message: decoded.problem.message };
  const { header, payload } = decoded.jws;
  const kind = classify(payload);
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  const verdicts: ClaimVerdict[] = [];
  if (header['alg'] !== 'RS256') verdicts.push({ claim: 'alg', verdict: 'error', message: `${quote(header['alg'])}: Outlook's tokens are RS256; refuse any other algorithm.` });
  for (const name of URL_HEADERS) {
    if (header[name] !== undefined) verdicts.push({ claim: name, verdict: 'warning', message: `${quote(header[name])}: not fetched. Take keys only from the issuer you trust, never from a URL the token names.` });
  }
  if (kind === 'legacy') verdicts.push(...legacyVerdicts(payload, expected));
  else if (kind === 'entra') verdicts.push(...entraVerdicts(payload, expected));
  else if (isSignedCardPayload(payload)) {
    verdicts.push({ claim: 'iss', verdict: 'error', message: `${quote(payload['iss'])}: this is a signed card (its payload carries the card), not an action token: read it with amcard decode or Decode JWS.` });
  } else verdicts.push({ claim: 'iss', verdict: 'error', message: `${quote(payload['iss'])}: neither the legacy issuer nor an Entra ID one; this is not an action token.` });
  verdicts.push(...timeVerdicts(payload, now));
  const signature: SignatureVerdict = keys === undefined
    ? { verdict: 'not checked', message: 'give the public key or JWKS file to check it (--key or --jwks).' }
    : await verifyAgainst(token, keys);
  return { ok: true, inspection: { kind, header, claims: payload, verdicts, signature, recipe: recipeFor(kind, payload, expected) } };
}

/** A JWKS file's text, read as one. */
export function parseJwks(text: string): JSONWebKeySet | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) && Array.isArray(value['keys']) ? (value as unknown as JSONWebKeySet) : undefined;
  } catch {
    return undefined;
  }
}

const KIND_LABEL: Readonly<Record<TokenKind, string>> = { legacy: 'legacy (substrate.office.com)', entra: 'Microsoft Entra ID', unknown: 'not an action token' };

/** The inspection as text, for amcard and the Inspect Action Token command. */
export function formatInspection(inspection: TokenInspection): string {
  const width = Math.max(...inspection.verdicts.map(({ claim }) => claim.length));
  return [
    `Token kind: ${KIND_LABEL[inspection.kind]}`,
    `Signature: ${inspection.signature.verdict}: ${inspection.signature.message}`,
    '',
    'Claims:',
    ...inspection.verdicts.map(({ claim, verdict, message }) => `  ${verdict.padEnd(7)} ${claim.padEnd(width)}  ${message}`),
    '',
    'Header:', JSON.stringify(inspection.header, null, 2),
    'Payload:', JSON.stringify(inspection.claims, null, 2),
    '',
    'Validate it in Node with jose:',
    inspection.recipe,
    '',
  ].join('\n');
}

/** Whether the token fails: a bad signature or a claim in error. */
export function inspectionFails(inspection: TokenInspection): boolean {
  return inspection.signature.verdict === 'invalid' || inspection.verdicts.some(({ verdict }) => verdict === 'error');
}
