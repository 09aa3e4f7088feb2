// Signing a card (docs/rules.md § "Signed cards", [OL-SEC] § "SignedCardPayload"): the payload claims built from a card
// and the mail's addresses, signed RS256 into a compact JWS with jose.
import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { describeValue, detectDocumentKind, InputError, isEmail, isGuid, type JsonNode, parseJsonDocument, PositionLocator, propertyValue } from '../card';

/** The card, the addresses or the key cannot make a signed card; the message names the problem and the input at fault. */
export class SigningInputError extends InputError {
  static override readonly code = 'ERR_SIGNING_INPUT';
}

export interface SignedCardPayload {
  sender: string;
  originator: string;
  /** JSON.stringify of every To and Cc address. */
  recipientsSerialized: string;
  /** The Adaptive Card, minified; exactly one of the two card claims is present. */
  adaptiveCardSerialized?: string;
  messageCardSerialized?: string;
  /** Signing time, seconds since 1970. */
  iat: number;
}

export interface SignedCardInput {
  readonly cardText: string;
  /** The From address of the mail. */
  readonly sender: string;
  /** All To and Cc addresses. */
  readonly recipients: readonly string[];
  /** The provider id; needed when the card has no "originator", and must agree with it when it has one. */
  readonly originator?: string;
  /** Defaults to now. */
  readonly iat?: number;
}

export const SIGNING_ALGORITHM = 'RS256';
export const MIN_SIGNING_KEY_BITS = 2048;

/**
 * "typ": "JWT" as the JWT libraries of Microsoft's signing samples write it: the payload is a JWT claims set (iat is a
 * NumericDate). Outlook documents no header besides the algorithm, and verifiers ignore typ.
 */
const PROTECTED_HEADER = { alg: SIGNING_ALGORITHM, typ: 'JWT' } as const;

type CardKind = 'adaptiveCard' | 'messageCard';

const CARD_CLAIM: Readonly<Record<CardKind, 'adaptiveCardSerialized' | 'messageCardSerialized'>> = {
  adaptiveCard: 'adaptiveCardSerialized',
  messageCard: 'messageCardSerialized',
};

/**
 * The card's JSON text without the whitespace between tokens. Tokens are kept exactly as written, so numbers such as
 * 1.0 or 1e400 and string escapes mean what they meant; a JSON.parse/JSON.stringify round trip would change them.
 * `text` must be strict JSON (parseJsonDocument found no problem).
 */
function minifyJson(text: string): string {
  const scanner = createScanner(text, true);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    tokens.push(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
  }
  return tokens.join('');
}

function parseCard(cardText: string): { kind: CardKind; root: JsonNode; text: string } {
  const text = cardText.replace(/^\uFEFF/, '');
  const document = parseJsonDocument(text);
  if (document.root === undefined) {
    const { line, character } = new PositionLocator(text).positionAt(document.syntaxProblem.offset);
    throw new SigningInputError(`The card is not valid JSON at line ${line + 1}, column ${character + 1}: ${document.syntaxProblem.message}`);
  }
  const kind = detectDocumentKind(document.root);
  if (kind === 'adaptiveCard' || kind === 'messageCard') return { kind, root: document.root, text };
  if (kind === 'signedPayload' || kind === 'signedEnvelope') {
    throw new SigningInputError(`This is already a signed card (${kind === 'signedPayload' ? 'a JWS payload' : 'a signed-card envelope'}), not a card: sign the Adaptive Card or MessageCard itself.`);
  }
  throw new SigningInputError('Only an Adaptive Card ("type": "AdaptiveCard") or a MessageCard ("@type": "MessageCard") can be signed; this JSON is neither.');
}

/** The originator claim: the card's and the given one must agree (case-insensitive); at least one is needed. */
function resolveOriginator(root: JsonNode, given: string | undefined): string {
  const cardValue = propertyValue(root, 'originator');
  if (cardValue !== undefined && cardValue.type !== 'string' && cardValue.type !== 'null') {
    throw new SigningInputError(`The card's "originator" must be a string (your provider id, a GUID), not ${describeValue(cardValue)}.`);
  }
  const fromCard = cardValue?.type === 'string' ? (cardValue.value as string).trim() || undefined : undefined;
  const fromInput = given?.trim() || undefined;
  if (fromCard !== undefined && !isGuid(fromCard)) {
    throw new SigningInputError(`The card's "originator" "${fromCard}" is not a GUID: it must be the provider id from the Actionable Email Developer Dashboard, e.g. 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a.`);
  }
  if (fromInput !== undefined && !isGuid(fromInput)) {
    throw new SigningInputError(`The originator "${fromInput}" is not a GUID: it must be the provider id from the Actionable Email Developer Dashboard, e.g. 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a.`);
  }
  if (fromCard !== undefined && fromInput !== undefined && fromCard.toLowerCase() !== fromInput.toLowerCase()) {
    throw new SigningInputError(`The card's "originator" ${fromCard} differs from the originator given for signing, ${fromInput}: both must be your provider id. Correct one of them, or leave the card's out.`);
  }
  const originator = fromCard ?? fromInput;
  if (originator === undefined) {
    throw new SigningInputError('No originator: the card has no "originator" and none was given. A signed card needs your provider id (a GUID) from the Actionable Email Developer Dashboard.');
  }
  return originator;
}

function checkSender(sender: string): string {
  const trimmed = sender.trim();
  if (trimmed === '') throw new SigningInputError('No sender: a signed card needs the From address of the mail.');
  if (!isEmail(trimmed)) throw new SigningInputError(`The sender "${trimmed}" is not an email address: it must be the From address of the mail.`);
  return trimmed;
}

function checkRecipients(recipients: readonly string[]): string[] {
  if (recipients.length === 0) throw new SigningInputError('No recipients: a signed card needs every To and Cc address of the mail.');
  return recipients.map((recipient, index) => {
    const trimmed = typeof recipient === 'string' ? recipient.trim() : '';
    if (trimmed === '') throw new SigningInputError(`Recipient ${index + 1} is empty: every To and Cc address must be an email address.`);
    if (!isEmail(trimmed)) throw new SigningInputError(`Recipient ${index + 1}, "${trimmed}", is not an email address.`);
    return trimmed;
  });
}

function checkIssuedAt(iat: number | undefined): number {
  if (iat === undefined) return Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(iat) || iat <= 0) {
    throw new SigningInputError(`The signing time "iat" must be a positive whole number of seconds since 1970, not ${String(iat)}.`);
  }
  return iat;
}

/** The claims [OL-SEC] requires for a card, checked: every problem is a SigningInputError. */
export function buildSignedCardPayload(input: SignedCardInput): SignedCardPayload {
  const card = parseCard(input.cardText);
  const originator = resolveOriginator(card.root, input.originator);
  const sender = checkSender(input.sender);
  const recipients = checkRecipients(input.recipients);
  const iat = checkIssuedAt(input.iat);
  const payload: SignedCardPayload = { originator, iat, sender, recipientsSerialized: JSON.stringify(recipients) };
  payload[CARD_CLAIM[card.kind]] = minifyJson(card.text);
  return payload;
}

function checkSigningKey(privateKey: KeyObject): void {
  if (privateKey.type !== 'private') {
    throw new SigningInputError(`Signing needs a private key; this is a ${privateKey.type} key.`);
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SigningInputError(`Signed cards use ${SIGNING_ALGORITHM}, which needs an RSA key; this is a ${privateKey.asymmetricKeyType ?? 'non-RSA'} key.`);
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_SIGNING_KEY_BITS) {
    throw new SigningInputError(`The RSA key has ${bits} bits; signing needs at least ${MIN_SIGNING_KEY_BITS}. Generate a new key pair.`);
  }
}

/** The payload as a compact JWS, RS256 with header {"alg":"RS256","typ":"JWT"}. */
export async function signPayload(payload: SignedCardPayload, privateKey: KeyObject): Promise<string> {
  checkSigningKey(privateKey);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(PROTECTED_HEADER).sign(privateKey);
}

/** buildSignedCardPayload, then signPayload; the key is checked before the card. */
export async function signCard(input: SignedCardInput, privateKey: KeyObject): Promise<{ payload: SignedCardPayload; jws: string }> {
  checkSigningKey(privateKey);
  const payload = buildSignedCardPayload(input);
  return { payload, jws: await signPayload(payload, privateKey) };
}
