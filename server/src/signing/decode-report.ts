// The one decode behind the Decode JWS command and `amcard decode`: what the input holds (email/'s readDecodeInput),
// every token decoded and verified, every card script checked, the token problems split from the rule findings and
// `iat` read as a date, all once. The two front ends only render the report.
import type { KeyObject } from 'node:crypto';
import { readDecodeInput } from '../email';
import { type ServiceSettings, validateText } from '../rules';
import { type DecodeProblem, type DecodedSignedCard, decodeSignedCard } from './verify';

/**
 * What to decode: a text or a file's bytes that may hold any input (read with readDecodeInput; bytes let an .eml's
 * charsets decide its text), or a text given as the JWS itself.
 */
export type DecodeSubject = { readonly text: string } | { readonly bytes: Uint8Array } | { readonly token: string };

export interface DecodeReportOptions {
  /** Parsed keys, or a loader called only once the input holds something to decode (an input problem comes first). */
  readonly publicKeys: readonly KeyObject[] | (() => Promise<readonly KeyObject[]>);
  /** What the card scripts are checked with; its `sender` is also the one a signed card's "sender" claim must match. */
  readonly settings: ServiceSettings;
}

export type SignatureVerdict =
  | { readonly status: 'valid' }
  /** `reason`: the token problems' messages, which say why it was refused or does not verify. */
  | { readonly status: 'invalid'; readonly reason: string }
  /** No public key to check with. */
  | { readonly status: 'not-checked' };

export interface DecodedCard {
  /** undefined for a card script whose JSON object is neither (AM001 says so): it is shown all the same. */
  readonly kind: 'adaptiveCard' | 'messageCard' | undefined;
  /** The card JSON, pretty-printed. */
  readonly text: string;
}

/** A numeric `iat` claim, with its instant when it is one a Date can hold. */
export interface IssuedAt {
  readonly seconds: number;
  /** ISO 8601; undefined when `seconds` lies beyond the range of a Date (±8.64e15 ms around 1970). */
  readonly date: string | undefined;
}

interface Checked {
  /** Every problem in the decoder's order: the token problems (`jws-*`) first, then the rule findings. */
  readonly problems: readonly DecodeProblem[];
  /** The rule findings alone: `problems` without the token problems. */
  readonly findings: readonly DecodeProblem[];
  /** The card carried, when it is a JSON object. */
  readonly card: DecodedCard | undefined;
}

export interface SignedEntry extends Checked {
  readonly kind: 'signed';
  /** The protected header and the claims as decoded; empty when the token could not be decoded. */
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** The `iat` claim when it is a finite number. */
  readonly issuedAt: IssuedAt | undefined;
  readonly signature: SignatureVerdict;
}

/** An unsigned card from an email's card script: its rules ran, and there is no signature. */
export interface ScriptEntry extends Checked {
  readonly kind: 'script';
  /** The script's type attribute. */
  readonly mediaType: string | undefined;
  /** The script's text as found. */
  readonly text: string;
}

export type DecodeReport =
  /** `message` completes "<where the text came from> …", as readDecodeInput's does. */
  | { readonly kind: 'problem'; readonly message: string }
  | {
    /** What the input was: one JWS, a JSON-LD signed-card envelope, or an email with one entry per card, in order. */
    readonly kind: 'jws' | 'envelope' | 'email';
    readonly entries: readonly (SignedEntry | ScriptEntry)[];
    /** How many public keys the signatures were checked with. */
    readonly keyCount: number;
  };

/** A numeric `iat` read as seconds since 1970; the one guard for when it is a date. */
export function issuedAtOf(iat: unknown): IssuedAt | undefined {
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return undefined;
  const date = new Date(iat * 1000);
  return { seconds: iat, date: Number.isNaN(date.getTime()) ? undefined : date.toISOString() };
}

/** The verdict as the tri-state the scripting results and --json carry: true valid, false invalid, null not checked. */
export function verifiedOf(signature: SignatureVerdict): boolean | null {
  return signature.status === 'not-checked' ? null : signature.status === 'valid';
}

function isTokenProblem(problem: DecodeProblem): boolean {
  return problem.code.startsWith('jws-');
}

function verdictOf(decoded: DecodedSignedCard): SignatureVerdict {
  if (decoded.verified === true) return { status: 'valid' };
  if (decoded.verified === null) return { status: 'not-checked' };
  const reason = decoded.problems.filter(isTokenProblem).map((problem) => problem.message).join(' ');
  return { status: 'invalid', reason: reason || 'the signature does not verify.' };
}

async function signedEntry(token: string, publicKeys: readonly KeyObject[], sender: string | undefined): Promise<SignedEntry> {
  // The decoder runs the signed-card rules (AM090-AM095 and the inner card's) on the payload itself.
  const decoded = await decodeSignedCard(token, sender === undefined ? { publicKeys } : { publicKeys, sender });
  return {
    kind: 'signed',
    header: decoded.header,
    claims: decoded.payload,
    issuedAt: issuedAtOf(decoded.payload['iat']),
    signature: verdictOf(decoded),
    problems: decoded.problems,
    findings: decoded.problems.filter((problem) => !isTokenProblem(problem)),
    card: decoded.cardText === undefined || decoded.cardKind === undefined ? undefined : { kind: decoded.cardKind, text: decoded.cardText },
  };
}

/** The card a script holds, when its text is a JSON object: an Adaptive Card by "type", a MessageCard by "@type". */
function scriptCardOf(text: string): DecodedCard | undefined {
  let card: unknown;
  try {
    card = JSON.parse(text);
  } catch {
    return undefined; // The rules report the syntax error.
  }
  if (typeof card !== 'object' || card === null || Array.isArray(card)) return undefined;
  const { type, '@type': jsonLdType } = card as Record<string, unknown>;
  const kind = type === 'AdaptiveCard' ? 'adaptiveCard' : jsonLdType === 'MessageCard' ? 'messageCard' : undefined;
  return { kind, text: JSON.stringify(card, null, 2) };
}

function scriptEntry(text: string, mediaType: string | undefined, settings: ServiceSettings): ScriptEntry {
  const findings: DecodeProblem[] = validateText(text, settings).findings
    .map((finding) => ({ code: finding.rule, severity: finding.severity, message: finding.message }));
  return { kind: 'script', mediaType, text, problems: findings, findings, card: scriptCardOf(text) };
}

/**
 * Decodes every token and card that `subject` holds and checks each: the signature against the public keys, the
 * signed-card rules and the card's own rules. Only an input without anything to decode is a problem; every defect
 * of a token or card is in its entry. A key loader's errors are passed on.
 */
export async function decodeReport(subject: DecodeSubject, options: DecodeReportOptions): Promise<DecodeReport> {
  const read = 'token' in subject ? { kind: 'jws' as const, token: subject.token.trim() } : await readDecodeInput('bytes' in subject ? subject.bytes : subject.text);
  if (read.kind === 'problem') return read;
  const publicKeys = typeof options.publicKeys === 'function' ? await options.publicKeys() : options.publicKeys;
  const { sender } = options.settings;
  const entries: (SignedEntry | ScriptEntry)[] = [];
  if (read.kind === 'email') {
    for (const card of read.cards) {
      entries.push(card.kind === 'signed' ? await signedEntry(card.text, publicKeys, sender) : scriptEntry(card.text, card.mediaType, options.settings));
    }
  } else {
    entries.push(await signedEntry(read.token, publicKeys, sender));
  }
  return { kind: read.kind, entries, keyCount: publicKeys.length };
}
