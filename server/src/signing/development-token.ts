// Development action tokens (docs/action-tokens.md): JWTs with the claims of the bearer token Outlook puts on an
// Action.Http request, in the legacy or the Entra ID shape, signed RS256 by a local development key. They are not
// Microsoft's signature: a service trusts them only through the development JWKS this module writes.
import { createHash, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, SignJWT, type JWK, type JWTPayload } from 'jose';
import { InputError, isEmail, isGuid } from '../card';
import { generateKeyPair, readPrivateKey } from './rsa-keys';

/** The claim set Outlook sends: the legacy (EAT) one of substrate.office.com, or Microsoft Entra ID's v2.0 one. */
export type TokenShape = 'legacy' | 'entra';
export const TOKEN_SHAPES: readonly TokenShape[] = ['legacy', 'entra'];

/** The app id of Microsoft's Actionable Messages service: `appid` of legacy tokens, `azp`/`appid` of Entra ID tokens. */
export const ACTIONS_APP_ID = '48af08dc-f6d2-435f-b2a7-069abd99c086';
export const LEGACY_ISSUER = 'https://substrate.office.com/sts/';
export const entraIssuer = (tenant: string): string => `https://login.microsoftonline.com/${tenant}/v2.0`;
/** Where production keys come from, for the validation recipe of each shape. */
export const LEGACY_JWKS_URL = 'https://substrate.office.com/sts/common/discovery/keys';
export const entraJwksUrl = (tenant: string): string => `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`;

/** How long a development token is valid: Outlook's tokens are short-lived too. */
export const DEVELOPMENT_TOKEN_LIFETIME_SECONDS = 5 * 60;
const ALGORITHM = 'RS256';

/** A development token cannot be made from these values; the message names the value at fault. */
export class DevelopmentTokenError extends InputError {
  static override readonly code = 'ERR_DEVELOPMENT_TOKEN';
}

export interface DevelopmentTokenRequest {
  readonly shape: TokenShape;
  /** The card's registered host, e.g. https://api.contoso.com: the legacy `aud` is its base URL. */
  readonly targetUrl: string;
  /** The acting user's email: legacy `sub`, Entra `preferred_username` and `upn`. */
  readonly actingUser: string;
  /** The mail's sender (legacy `sender`). */
  readonly sender?: string;
  /** Entra ID: the tenant id (`tid`, and the issuer's path). */
  readonly tenant?: string;
  /** Entra ID: the service's app id or App ID URI (`aud`). */
  readonly audience?: string;
  /** Entra ID: `scp`, the scope the service exposes to the Actions app. */
  readonly scope?: string;
  /** Seconds since 1970; defaults to now. */
  readonly issuedAt?: number;
}

/** The scope a development Entra ID token carries when none is configured. */
export const DEFAULT_ENTRA_SCOPE = 'user_impersonation';

/** The base URL (scheme, host and port) of `url`, as the legacy `aud` carries it. */
export function baseUrlOf(url: string, what = 'the action URL'): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DevelopmentTokenError(`${what} "${url}" is not an absolute URL.`);
  }
  return parsed.origin;
}

/** A stable object id for a user, so the same user gets the same `oid` in every development token. */
function objectIdOf(user: string): string {
  const hex = createHash('sha256').update(`actionable-message-studio:${user.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new DevelopmentTokenError(`An Entra ID development token needs ${what}.`);
  return value.trim();
}

/** The claims of a development token of `request.shape`, as Outlook's token of that shape carries them. */
export function developmentTokenClaims(request: DevelopmentTokenRequest): JWTPayload {
  if (!isEmail(request.actingUser)) throw new DevelopmentTokenError(`The acting user "${request.actingUser}" is not an email address.`);
  const iat = request.issuedAt ?? Math.floor(Date.now() / 1000);
  const times = { iat, nbf: iat, exp: iat + DEVELOPMENT_TOKEN_LIFETIME_SECONDS };
  if (request.shape === 'legacy') {
    const sender = request.sender ?? request.actingUser;
    if (!isEmail(sender)) throw new DevelopmentTokenError(`The sender "${sender}" is not an email address.`);
    return { iss: LEGACY_ISSUER, aud: baseUrlOf(request.targetUrl), sub: request.actingUser, sender, appid: ACTIONS_APP_ID, ...times };
  }
  const tenant = required(request.tenant, 'a tenant id');
  if (!isGuid(tenant)) throw new DevelopmentTokenError(`The tenant id "${tenant}" is not a GUID.`);
  return {
    iss: entraIssuer(tenant),
    aud: required(request.audience, "an audience (the service's app id or App ID URI)"),
    azp: ACTIONS_APP_ID,
    appid: ACTIONS_APP_ID,
    scp: request.scope ?? DEFAULT_ENTRA_SCOPE,
    tid: tenant,
    oid: objectIdOf(request.actingUser),
    preferred_username: request.actingUser,
    upn: request.actingUser,
    ver: '2.0',
    ...times,
  };
}

/** The local development key: its private key, and the public JWK with the `kid` every token names. */
export interface DevelopmentKey {
  readonly privateKey: KeyObject;
  readonly publicJwk: JWK & { readonly kid: string };
}

async function developmentKeyOf(privateKey: KeyObject): Promise<DevelopmentKey> {
  const { kty, n, e } = privateKey.export({ format: 'jwk' });
  const jwk = { kty: kty!, n: n!, e: e! };
  return { privateKey, publicJwk: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALGORITHM, use: 'sig' } };
}

export async function createDevelopmentKey(): Promise<DevelopmentKey> {
  return developmentKeyOf((await generateKeyPair()).privateKey);
}

/** The development key kept as text (the private JWK, which never leaves the key file or secret storage). */
export function serializeDevelopmentKey(key: DevelopmentKey): string {
  return `${JSON.stringify(key.privateKey.export({ format: 'jwk' }))}\n`;
}

export async function readDevelopmentKey(text: string, source: string): Promise<DevelopmentKey> {
  return developmentKeyOf(readPrivateKey(text, source));
}

/** The JWKS a service trusts in development: the development key's public half, and nothing private. */
export function developmentJwks(key: DevelopmentKey): string {
  return `${JSON.stringify({ keys: [key.publicJwk] }, null, 2)}\n`;
}

/** A development token: `claims` signed RS256 by the development key, with its `kid` in the header. */
export async function signDevelopmentToken(claims: JWTPayload, key: DevelopmentKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: key.publicJwk.kid }).sign(key.privateKey);
}
