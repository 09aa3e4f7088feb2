// The card kernel: JSON parsed with positions, document kinds, the card model and versions, value formats, the
// `{{id.value}}` input tokens, the JWS compact reader and the signed envelope. Browser-safe (the preview bundles it)
// and below every other room: it imports no other room and nothing of Node.
export {
  ACTION_TYPES, ELEMENT_TYPES, buildCardModel, compareVersion, idNode, isAdaptiveCardObject, parseVersion,
  parseVersionText, typeNodeOf, type ActionRef, type CardModel, type ElementRef, type Version
} from './card-model';
export { adaptiveCardOf, CARD_INVOKE_RESPONSE_TYPE, detectDocumentKind, isResponseCard, looksLikeCard, type DocumentKind } from './document-kind';
export { InputError } from './errors';
export { describeValue, isEmail, isGuid } from './formats';
export {
  bracedTokens, inputIdOf, inputToken, isSubstitutableId, replaceBracedTokens, substituteInputTokens, substitutableIdFrom, valueReferenceName,
  wholeInputTokenId, type BracedToken
} from './input-tokens';
export {
  arrayItems, byteOrderMarkAsSpace, isMissing, parseJsonDocument, presentValue, propertyKey, propertyValue, stringProperty,
  type JsonDocument, type JsonNode
} from './json-document';
export { decodeCompactJws } from './jws-compact';
export { MAX_NESTING_DEPTH, findExcessiveNesting } from './nesting-guard';
export { PositionLocator, type Range } from './positions';
export { signedEnvelopeToken, signedEnvelopeTokenProperty } from './signed-envelope';
export { rawOffsetInString } from './string-offsets';
