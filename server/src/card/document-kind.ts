// What a JSON document is to Outlook, read off its root: the kinds of docs/rules.md § "Document kinds".
import { parseTree } from 'jsonc-parser';
import { propertyKeyName, propertyValue, stringProperty, type JsonDocument, type JsonNode } from './json-document';
import { findExcessiveNesting } from './nesting-guard';

/** The document kinds of docs/rules.md § "Document kinds"; undefined for anything else (AM001). */
export type DocumentKind = 'adaptiveCard' | 'messageCard' | 'signedEnvelope' | 'signedPayload' | 'invokeResponse' | 'responseEnvelope';

/** The `type` of a Universal Actions invoke response that carries a card in `value`. */
export const CARD_INVOKE_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';

export function detectDocumentKind(root: JsonNode | undefined): DocumentKind | undefined {
  if (root?.type !== 'object') return undefined;
  const type = stringProperty(root, 'type');
  if (type === 'AdaptiveCard') return 'adaptiveCard';
  const jsonLdType = stringProperty(root, '@type');
  if (jsonLdType === 'MessageCard') return 'messageCard';
  if (jsonLdType === 'SignedAdaptiveCard' || jsonLdType === 'SignedMessageCard') return 'signedEnvelope';
  if (propertyValue(root, 'adaptiveCardSerialized') !== undefined || propertyValue(root, 'messageCardSerialized') !== undefined) return 'signedPayload';
  if (type === CARD_INVOKE_RESPONSE_TYPE && propertyValue(root, 'statusCode') !== undefined) return 'invokeResponse';
  // docs/response-envelope.md: an HTTP answer written down, {"status": 200, "headers": {…}, "body": …}.
  if (propertyValue(root, 'type') === undefined && propertyValue(root, 'status')?.type === 'number' && propertyValue(root, 'headers')?.type === 'object') return 'responseEnvelope';
  return undefined;
}

/**
 * Whether a document is a response card (docs/rules.md § "Document kinds"): a card a service returns to replace a
 * delivered one, so Outlook does not check its `originator` again. An invoke response is one wherever it is; any
 * other kind is one in a response-card file (`actionableMessages.responseFiles`).
 */
export function isResponseCard(root: JsonNode | undefined, inResponseFile: boolean): boolean {
  const kind = detectDocumentKind(root);
  return kind === 'invokeResponse' || kind === 'responseEnvelope' || (inResponseFile && kind !== undefined);
}

/**
 * The Adaptive Card a document is, or carries as an invoke response's `value` or a response envelope's `body` (also
 * the card of an invoke response in the body); undefined for the other kinds and for a body written as a string.
 */
export function adaptiveCardOf(root: JsonNode | undefined): JsonNode | undefined {
  switch (detectDocumentKind(root)) {
    case 'adaptiveCard':
      return root;
    case 'invokeResponse': {
      const value = propertyValue(root, 'value');
      return stringProperty(value, 'type') === 'AdaptiveCard' ? value : undefined;
    }
    case 'responseEnvelope': {
      const body = propertyValue(root, 'body');
      return stringProperty(body, 'type') === 'AdaptiveCard' ? body : detectDocumentKind(body) === 'invokeResponse' ? adaptiveCardOf(body) : undefined;
    }
    default:
      return undefined;
  }
}

/** The header that asks Outlook to replace the card with the body's (docs/response-envelope.md). */
const CARD_UPDATE_HEADER_NAME = 'card-update-in-body';

/**
 * Whether a response envelope is about a card: its body is one (or an invoke response carrying one), or its headers
 * ask Outlook for a card update. Any HTTP answer written down has a numeric `status` and a `headers` object (a saved
 * API response, a mock server's fixture); only these are cards outside a response-card file.
 */
function envelopeSpeaksOfCard(root: JsonNode): boolean {
  if (adaptiveCardOf(root) !== undefined) return true;
  const headers = propertyValue(root, 'headers')?.children ?? [];
  return headers.some((header) => propertyKeyName(header)?.toLowerCase() === CARD_UPDATE_HEADER_NAME);
}

/** Whether a root is a card by its content alone, wherever the file is: one of the kinds, an envelope about a card. */
function isCardByContent(root: JsonNode | undefined): boolean {
  const kind = detectDocumentKind(root);
  return kind === 'responseEnvelope' ? envelopeSpeaksOfCard(root!) : kind !== undefined;
}

/**
 * Whether the text's root is a card by its content (isCardByContent). Parsed leniently, so a card stays recognised
 * while it is being typed and has syntax errors.
 */
export function looksLikeCard(text: string): boolean {
  // A text nested too deep for the parser's stack is no card anyone is editing.
  if (findExcessiveNesting(text) >= 0) return false;
  return isCardByContent(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }));
}

/**
 * looksLikeCard of a document already parsed: a strict tree's root is read directly, without parsing the text again;
 * only a text with a syntax error is parsed leniently.
 */
export function isCardDocument(document: JsonDocument): boolean {
  return document.root === undefined ? looksLikeCard(document.text) : isCardByContent(document.root);
}
