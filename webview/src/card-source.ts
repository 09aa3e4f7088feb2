// What the preview renders for a document: the Adaptive Card inside it (plain, in a signed-card JWS payload, in a
// JSON-LD signed-card envelope or in a Universal Actions invoke response, docs/rules.md § "Document kinds"), expanded with a data file when one is given. Pure:
// no DOM, no renderer.
import {
  bodyValue, CARD_INVOKE_RESPONSE_TYPE, decodeCompactJws, expandTemplate, findExcessiveNesting, isJsonObject, isResponseEnvelopeShape,
  kindOfValue, MAX_NESTING_DEPTH, parseJsonText, readEnvelope, signedEnvelopeToken, signedEnvelopeTokenProperty, TemplateError, type JsonObject,
  type TextPosition
} from '../../server/src/card';
import type { NamedText } from './protocol';

export { isJsonObject, type JsonObject };

export type CardOrigin = 'card' | 'signed payload' | 'signed envelope' | 'invoke response' | 'response envelope';

export interface CardDescription {
  readonly origin: CardOrigin;
  /** The data file the card was expanded with, when it is a template expanded with one. */
  readonly dataFileName?: string;
  /** The card's `version` as written, when it is a string. */
  readonly version?: string;
}

export type CardSource =
  | { readonly kind: 'card'; readonly card: JsonObject; readonly description: CardDescription }
  /**
   * The document, or the template's data file (`fileName`), does not parse: the preview keeps its last good render,
   * as it does while the user types in either.
   */
  | { readonly kind: 'syntax'; readonly message: string; readonly position: TextPosition; readonly fileName?: string }
  /** The document parses but holds nothing the preview can render; `message` says why. */
  | { readonly kind: 'problem'; readonly message: string };

const LEGACY_MESSAGE_CARD = 'This is a legacy MessageCard: Outlook still shows it, but the preview renders only Adaptive Cards. Convert it to an Adaptive Card (AM080).';

type Unwrapped = { readonly ok: true; readonly card: JsonObject; readonly origin: CardOrigin } | { readonly ok: false; readonly message: string };

function cardOfPayload(payload: JsonObject, origin: CardOrigin): Unwrapped {
  const serialized = payload['adaptiveCardSerialized'];
  if (serialized === undefined) {
    return 'messageCardSerialized' in payload
      ? { ok: false, message: LEGACY_MESSAGE_CARD }
      : { ok: false, message: 'The signed-card payload has no adaptiveCardSerialized claim.' };
  }
  if (typeof serialized !== 'string') {
    return { ok: false, message: `adaptiveCardSerialized is ${kindOfValue(serialized)}; it must be the card as a JSON string.` };
  }
  if (findExcessiveNesting(serialized) >= 0) return { ok: false, message: `adaptiveCardSerialized nests deeper than ${MAX_NESTING_DEPTH} levels.` };
  let card: unknown;
  try {
    card = JSON.parse(serialized);
  } catch (error) {
    return { ok: false, message: `adaptiveCardSerialized is not JSON: ${(error as Error).message}.` };
  }
  if (!isJsonObject(card)) return { ok: false, message: `adaptiveCardSerialized holds ${kindOfValue(card)}, not a card object.` };
  return { ok: true, card, origin };
}

function unwrap(root: JsonObject): Unwrapped {
  const tokenProperty = signedEnvelopeTokenProperty(root);
  if (tokenProperty !== undefined) {
    const token = signedEnvelopeToken(root);
    if (token === undefined) return { ok: false, message: `The ${String(root['@type'])} envelope has no ${tokenProperty} string holding the JWS.` };
    const decoded = decodeCompactJws(token);
    if (!decoded.ok) return { ok: false, message: `The envelope's ${tokenProperty} cannot be decoded: ${decoded.problem.message}` };
    return cardOfPayload(decoded.jws.payload, 'signed envelope');
  }
  if ('adaptiveCardSerialized' in root || 'messageCardSerialized' in root) return cardOfPayload(root, 'signed payload');
  if (root['type'] === CARD_INVOKE_RESPONSE_TYPE && 'statusCode' in root) {
    const value = root['value'];
    if (isJsonObject(value)) return { ok: true, card: value, origin: 'invoke response' };
    return { ok: false, message: `The invoke response's "value" is ${value === undefined ? 'missing' : kindOfValue(value)}; it must be the card.` };
  }
  if (isResponseEnvelopeShape(root)) return cardOfEnvelope(root);
  return { ok: true, card: root, origin: 'card' };
}

/** The card in a response envelope's body (docs/response-envelope.md), or in the invoke response there. */
function cardOfEnvelope(root: JsonObject): Unwrapped {
  const envelope = readEnvelope(root);
  if (typeof envelope === 'string') return { ok: false, message: `The response envelope cannot be read: ${envelope}` };
  const body = bodyValue(envelope.body);
  if (!isJsonObject(body)) return { ok: false, message: `The response envelope's body is ${kindOfValue(body)}; the preview shows a body that is a card.` };
  if (body['type'] === CARD_INVOKE_RESPONSE_TYPE) return unwrap(body);
  return { ok: true, card: body, origin: 'response envelope' };
}

function checkCard(card: JsonObject, where: string): string | undefined {
  if (card['@type'] === 'MessageCard') return LEGACY_MESSAGE_CARD;
  if (card['type'] !== 'AdaptiveCard') {
    const type = card['type'];
    return typeof type === 'string'
      ? `${where} has "type": ${JSON.stringify(type)}; an Adaptive Card has "type": "AdaptiveCard".`
      : `${where} has no "type": "AdaptiveCard".`;
  }
  return undefined;
}

/** The template expanded with its data (server/src/card/template.ts, as signing and the email expand it). */
function expand(card: JsonObject, data: NamedText): { readonly ok: true; readonly card: JsonObject } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, card: expandTemplate(card, data) };
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The card to render for a document's text, and the data file beside it when there is one. */
export function readCardSource(text: string, data?: NamedText): CardSource {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { kind: 'syntax', message: parsed.message, position: parsed.position };
  if (!isJsonObject(parsed.value)) return { kind: 'problem', message: `The document is ${kindOfValue(parsed.value)}; a card is a JSON object.` };
  const unwrapped = unwrap(parsed.value);
  if (!unwrapped.ok) return { kind: 'problem', message: unwrapped.message };
  const where = { card: 'The document', 'signed payload': 'The signed card', 'signed envelope': 'The signed card', 'invoke response': "The invoke response's value", 'response envelope': "The response envelope's body" }[unwrapped.origin];
  const problem = checkCard(unwrapped.card, where);
  if (problem !== undefined) return { kind: 'problem', message: problem };
  let card = unwrapped.card;
  if (data !== undefined) {
    const dataParsed = parseJsonText(data.text);
    if (!dataParsed.ok) return { kind: 'syntax', message: `The data file does not parse: ${dataParsed.message}`, position: dataParsed.position, fileName: data.fileName };
    const expanded = expand(card, data);
    if (!expanded.ok) return { kind: 'problem', message: expanded.message };
    const expandedProblem = checkCard(expanded.card, 'The expanded template');
    if (expandedProblem !== undefined) return { kind: 'problem', message: expandedProblem };
    card = expanded.card;
  }
  const version = card['version'];
  return {
    kind: 'card',
    card,
    description: {
      origin: unwrapped.origin,
      ...(data === undefined ? {} : { dataFileName: data.fileName }),
      ...(typeof version === 'string' ? { version } : {}),
    },
  };
}
