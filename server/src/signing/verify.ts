// Decoding and verifying a signed card (docs/rules.md § "Signed cards"): the compact JWS is checked for syntax, held to
// RS256 only, verified with jose against the configured public keys, and its payload is run through the signed-card
// rules.
import { constants, createHash, createPublicKey, publicDecrypt, type KeyObject } from 'node:crypto';
import { base64url, compactVerify, errors } from 'jose';
import { visit } from 'jsonc-parser';
import { type Severity, validateText } from '../rules';
import { decodeCompactJws, findExcessiveNesting } from '../card';
import { degenerateRsaKeyReason } from './degenerate-rsa-key';

/** Tokens longer than this are refused before decoding: a signed card is a few KiB, and a huge one would only cost time. */
export const MAX_TOKEN_LENGTH = 256 * 1024;

/** The one algorithm Outlook's signed cards use ([OL-SEC] § "SignedCardPayload"). */
export const ACCEPTED_ALGORITHM = 'RS256';

/** Codes of the problems found before the claims are checked; claim problems carry their rule id (AM090…) instead. */
export type TokenProblemCode = 'jws-size' | 'jws-syntax' | 'jws-algorithm' | 'jws-header' | 'jws-signature' | 'jws-key' | 'jws-duplicate-name';

export interface DecodeProblem {
  /** A TokenProblemCode, or the id of the rule that found the problem in the payload (AM090, AM094, …). */
  readonly code: string;
  readonly message: string;
  /** Token problems are errors; rule findings keep their rule's severity. */
  readonly severity: Severity;
}

export interface DecodedSignedCard {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The card carried in the payload, pretty-printed; undefined when the payload holds no parseable card. */
  cardText: string | undefined;
  cardKind: 'adaptiveCard' | 'messageCard' | undefined;
  /** true: valid with one of the keys; false: rejected or invalid (a problem says why); null: no key to check with. */
  verified: boolean | null;
  problems: DecodeProblem[];
}

export interface DecodeOptions {
  readonly publicKeys: readonly KeyObject[];
  /** The configured From address; a different `sender` claim is AM094. */
  readonly sender?: string;
}

const HMAC_ALGORITHMS = new Set(['HS256', 'HS384', 'HS512']);

function tokenProblem(code: TokenProblemCode, message: string): DecodeProblem {
  return { code, message, severity: 'error' };
}

function rejected(problem: DecodeProblem, header: Record<string, unknown> = {}, payload: Record<string, unknown> = {}): DecodedSignedCard {
  return { header, payload, cardText: undefined, cardKind: undefined, verified: false, problems: [problem] };
}

function kibibytes(length: number): string {
  return `${(length / 1024).toFixed(1)} KiB`;
}

function sizeProblem(token: string): DecodeProblem {
  const segments = token.split('.', 4);
  const largest = segments.length === 3
    ? ` (header ${kibibytes(segments[0]!.length)}, payload ${kibibytes(segments[1]!.length)}, signature ${kibibytes(segments[2]!.length)})`
    : '';
  return tokenProblem('jws-size', `The token is ${kibibytes(token.length)}${largest}, over the limit of ${kibibytes(MAX_TOKEN_LENGTH)} for a signed card: it was not decoded. A signed card's payload is the card JSON plus a few claims; check that the right text was passed.`);
}

/** Why the protected header is unacceptable, or undefined: RS256, no critical extensions, base64url payload. */
function headerProblem(header: Record<string, unknown>): DecodeProblem | undefined {
  const algorithm = header['alg'];
  if (algorithm === undefined) return tokenProblem('jws-algorithm', `The JWS header has no "alg": a signed card must say "alg": "${ACCEPTED_ALGORITHM}".`);
  if (typeof algorithm !== 'string') return tokenProblem('jws-algorithm', `The JWS header's "alg" must be the string "${ACCEPTED_ALGORITHM}", not ${JSON.stringify(algorithm)}.`);
  if (algorithm.toLowerCase() === 'none') {
    return tokenProblem('jws-algorithm', `The JWS header says "alg": "${algorithm}": the token is unsigned, and an unsigned card proves nothing about its sender. Only ${ACCEPTED_ALGORITHM} is accepted.`);
  }
  if (HMAC_ALGORITHMS.has(algorithm)) {
    return tokenProblem('jws-algorithm', `The JWS header says "alg": "${algorithm}", an HMAC with a shared secret: anyone who knows the secret (such as a public key used as one) can forge it. Only ${ACCEPTED_ALGORITHM} (an RSA signature checked with your public key) is accepted.`);
  }
  if (algorithm !== ACCEPTED_ALGORITHM) {
    return tokenProblem('jws-algorithm', `The JWS header says "alg": "${algorithm}"; signed cards must use ${ACCEPTED_ALGORITHM} (RSA PKCS#1 v1.5 with SHA-256), the only algorithm Outlook accepts.`);
  }
  if (header['crit'] !== undefined) {
    return tokenProblem('jws-header', `The JWS header has "crit": ${JSON.stringify(header['crit'])}, critical extensions that must be understood to verify the token (RFC 7515 § 4.1.11); a signed card uses none, so the token is refused.`);
  }
  if (header['b64'] === false) {
    return tokenProblem('jws-header', 'The JWS header has "b64": false, an unencoded payload (RFC 7797) that Outlook does not support: the payload must be base64url-encoded JSON.');
  }
  return undefined;
}

function signatureSyntaxProblem(signature: string): DecodeProblem | undefined {
  if (signature === '') return tokenProblem('jws-syntax', `The JWS signature segment is empty: the token is unsigned. Sign it with ${ACCEPTED_ALGORITHM} and your private key.`);
  try {
    if (signature.length % 4 !== 1 && base64url.decode(signature).length > 0) return undefined;
  } catch {
    // Falls through to the message below.
  }
  return tokenProblem('jws-syntax', `The JWS signature segment (${signature.length} characters) is not valid base64url: it is truncated or has a stray character.`);
}

/** The SHA-256 DigestInfo prefix (RFC 8017 § 9.2) that an RS256 signature wraps around the hash. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Why a signature failed with `key`: if the key opens the signature to a SHA-256 DigestInfo, the key's owner did sign,
 * but other bytes than these, so the header or payload was changed afterwards. Otherwise another key made it.
 */
function signatureMismatchReason(token: string, signature: string, key: KeyObject): 'changed' | 'other-key' {
  try {
    const opened = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, base64url.decode(signature));
    const signingInput = token.slice(0, token.lastIndexOf('.'));
    const digest = createHash('sha256').update(signingInput, 'ascii').digest();
    const wrapsSha256 = opened.length === SHA256_DIGEST_INFO.length + digest.length && opened.subarray(0, SHA256_DIGEST_INFO.length).equals(SHA256_DIGEST_INFO);
    return wrapsSha256 && !opened.subarray(SHA256_DIGEST_INFO.length).equals(digest) ? 'changed' : 'other-key';
  } catch {
    return 'other-key';
  }
}

function keyLabel(index: number, count: number): string {
  return count === 1 ? 'the configured public key' : `public key ${index + 1}`;
}

/** jose's verdict for each key in turn; the first that verifies wins. */
async function verifySignature(token: string, signature: string, keys: readonly KeyObject[]): Promise<{ verified: boolean; problem?: DecodeProblem }> {
  const reasons: string[] = [];
  let signatureMismatch = false;
  for (const [index, configuredKey] of keys.entries()) {
    const label = keyLabel(index, keys.length);
    let key: KeyObject;
    try {
      key = configuredKey.type === 'private' ? createPublicKey(configuredKey) : configuredKey;
    } catch (error) {
      reasons.push(`${label} is unusable (${(error as Error).message})`);
      continue;
    }
    if (key.asymmetricKeyType !== 'rsa') {
      reasons.push(`${label} is not an RSA key (${key.asymmetricKeyType ?? key.type}), so it cannot check an ${ACCEPTED_ALGORITHM} signature`);
      continue;
    }
    const degenerate = degenerateRsaKeyReason(key);
    if (degenerate !== undefined) {
      reasons.push(`${label} is refused: ${degenerate.replace(/\.$/, '')}`);
      continue;
    }
    try {
      await compactVerify(token, key, { algorithms: [ACCEPTED_ALGORITHM] });
      return { verified: true };
    } catch (error) {
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) {
        reasons.push(`${label} cannot check it (${(error as Error).message})`);
        continue;
      }
      signatureMismatch = true;
      if (signatureMismatchReason(token, signature, key) === 'changed') {
        reasons.push(`the private key matching ${label} signed different bytes: the header or payload was changed after signing`);
      } else {
        reasons.push(`the signature was made with another key than the private key matching ${label} (or the signature is damaged)`);
      }
    }
  }
  return { verified: false, problem: tokenProblem(signatureMismatch ? 'jws-signature' : 'jws-key', `The signature does not verify: ${reasons.join('; ')}.`) };
}

/**
 * Member names that occur twice in one object of `json`, quoted; those of nested objects say so. JSON nested too
 * deep for the recursive visitor is left to the payload rules, which report its depth.
 */
function duplicateNames(json: string): string[] {
  if (findExcessiveNesting(json) >= 0) return [];
  const objects: Set<string>[] = [];
  const duplicates: string[] = [];
  visit(json, {
    onObjectBegin: () => {
      objects.push(new Set());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (name) => {
      const names = objects[objects.length - 1]!;
      if (names.has(name)) duplicates.push(objects.length === 1 ? `"${name}"` : `"${name}" (in a nested object)`);
      names.add(name);
    },
  });
  return duplicates;
}

/**
 * RFC 7515 § 5.2 lets a JWS with duplicate names be rejected; it must be here, because readers disagree on which
 * duplicate counts (JSON.parse takes the last, the rules look at the first), so a claim could pass the checks
 * while Outlook reads the other value.
 */
function duplicateNameProblem(headerJson: string, payloadJson: string): DecodeProblem | undefined {
  for (const [segment, json] of [['header', headerJson], ['payload', payloadJson]] as const) {
    const names = duplicateNames(json);
    if (names.length > 0) {
      return tokenProblem('jws-duplicate-name', `The JWS ${segment} has the member name${names.length > 1 ? 's' : ''} ${names.join(', ')} more than once: readers disagree on which value counts, so the token is refused (RFC 7515 § 5.2). Sign a ${segment} with each name once.`);
    }
  }
  return undefined;
}

/** The card a payload carries, pretty-printed, when its claim holds a JSON object. */
function innerCard(payload: Record<string, unknown>): Pick<DecodedSignedCard, 'cardText' | 'cardKind'> {
  const claims = [['adaptiveCardSerialized', 'adaptiveCard'], ['messageCardSerialized', 'messageCard']] as const;
  for (const [claim, kind] of claims) {
    const serialized = payload[claim];
    if (typeof serialized !== 'string') continue;
    try {
      const card: unknown = JSON.parse(serialized);
      if (typeof card === 'object' && card !== null && !Array.isArray(card)) return { cardText: JSON.stringify(card, null, 2), cardKind: kind };
    } catch {
      // AM091 reports it.
    }
  }
  return { cardText: undefined, cardKind: undefined };
}

/** The signed-card rules (AM090–AM095 and the inner card's rules) on the payload JSON. */
function claimProblems(payload: Record<string, unknown>, payloadJson: string, sender: string | undefined): DecodeProblem[] {
  if (!('adaptiveCardSerialized' in payload) && !('messageCardSerialized' in payload)) {
    const itself = payload['type'] === 'AdaptiveCard' || payload['@type'] === 'MessageCard'
      ? ' The payload is a card itself: sign {sender, originator, recipientsSerialized, adaptiveCardSerialized: <the card as a JSON string>, iat} instead.'
      : '';
    return [{ code: 'AM090', severity: 'error', message: `The JWS payload has no "adaptiveCardSerialized" (or "messageCardSerialized") claim, so it carries no card.${itself}` }];
  }
  const settings = sender === undefined ? {} : { sender };
  return validateText(payloadJson, settings).findings.map((finding) => ({ code: finding.rule, severity: finding.severity, message: finding.message }));
}

/**
 * Decodes a signed card's compact JWS and checks it: size, syntax, RS256 only, the signature against each public key,
 * then the payload's claims and card. Bad input never throws: every defect becomes a problem naming it.
 */
export async function decodeSignedCard(token: string, options: DecodeOptions): Promise<DecodedSignedCard> {
  const trimmed = token.trim();
  if (trimmed.length > MAX_TOKEN_LENGTH) return rejected(sizeProblem(trimmed));
  const decoded = decodeCompactJws(trimmed);
  if (!decoded.ok) return rejected(tokenProblem('jws-syntax', decoded.problem.message));
  const { header, payload, headerJson, payloadJson, signature } = decoded.jws;
  const headerCopy = { ...header };
  const payloadCopy = { ...payload };

  const unacceptable = headerProblem(headerCopy) ?? signatureSyntaxProblem(signature) ?? duplicateNameProblem(headerJson, payloadJson);
  if (unacceptable) return rejected(unacceptable, headerCopy, payloadCopy);

  const problems: DecodeProblem[] = [];
  let verified: boolean | null = null;
  if (options.publicKeys.length > 0) {
    const verdict = await verifySignature(trimmed, signature, options.publicKeys);
    verified = verdict.verified;
    if (verdict.problem) problems.push(verdict.problem);
  }
  problems.push(...claimProblems(payloadCopy, payloadJson, options.sender));
  return { header: headerCopy, payload: payloadCopy, ...innerCard(payloadCopy), verified, problems };
}
