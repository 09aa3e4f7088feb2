// The card kernel: JSON parsed with positions (strict, and leniently for the preview), document kinds, the card model
// and versions, value formats, the `{{id.value}}` input tokens and the inputs' values, the JWS compact reader, the
// signed envelope, and templates with their data files. Browser-safe (the preview bundles it)
// and below every other room: it imports no other room and nothing of Node.
export {
  ACTION_TYPES, ELEMENT_TYPES, actionsWithAutoInvoke, buildCardModel, compareVersion, idNode, isAdaptiveCardObject, isInput, parseVersion,
  parseVersionText, targetIdNode, typeNodeOf, type ActionRef, type CardModel, type ElementRef, type Version
} from './card-model';
export {
  CARD_STATUS_HEADER, CARD_UPDATE_HEADER, ERROR_INVOKE_RESPONSE_TYPE, GENERIC_FAILURE_MESSAGE, MESSAGE_INVOKE_RESPONSE_TYPE,
  bodyValue, headerValue, isInvokeResponseShape, isResponseEnvelopeShape, outcomeOfHttpResponse, outcomeOfInvokeResponse, readActionResponse,
  readEnvelope, type ActionOutcome, type ActionResponse, type ActionStatusMessage, type ResponseEnvelope
} from './action-response';
export { adaptiveCardOf, CARD_INVOKE_RESPONSE_TYPE, detectDocumentKind, isCardDocument, isResponseCard, looksLikeCard, type DocumentKind } from './document-kind';
export { InputError } from './errors';
export {
  DEFAULT_CONTENT_TYPE, buildHttpRequest, correlationIdOf, formatHttpRequest, substituteInputs, withOutlookHeaders, type HttpHeader,
  type HttpRequest, type OutlookRequestContext
} from './http-request';
export { initialInputValues, withGivenValues, type InputValues } from './input-values';
export {
  ACTION_INVOKE_NAME, OUTLOOK_CHANNEL_ID, buildExecuteInvoke, buildInvokeActivity, executeInvokeFrom, type ChannelAccount, type ExecuteInvoke,
  type InvokeContext, type InvokeTrigger
} from './invoke-activity';
export { describeValue, isEmail, isGuid } from './formats';
export {
  VALUE_SUFFIX, bracedTokens, inputIdOf, inputToken, isSubstitutableId, replaceBracedTokens, substituteInputTokens, substitutableIdFrom,
  valueReferenceName, type BracedToken
} from './input-tokens';
export {
  arrayItems, byteOrderMarkAsSpace, isMissing, parseJsonDocument, plainValue, presentPropertiesNamed, presentValue, propertyKey,
  propertyKeyName, propertyKeyNode, propertyValue, propertyValueNode, stringProperty, type JsonDocument, type JsonNode
} from './json-document';
export {
  formatPosition, isJsonObject, kindOfValue, parseJsonText, type JsonObject, type JsonTextResult, type TextPosition
} from './json-text';
export { decodeCompactJws } from './jws-compact';
export { MAX_NESTING_DEPTH, findExcessiveNesting } from './nesting-guard';
export { PositionLocator, type Range } from './positions';
export { signedEnvelopeToken, signedEnvelopeTokenProperty } from './signed-envelope';
export { rawOffsetInString } from './string-offsets';
export {
  TemplateError, cardTextToSend, expandTemplate, firstTemplateExpression, type CardToSend, type TemplateData,
  type TemplateDataSource
} from './template';
export { dataFileFor, describeDataFiles } from './template-data-file';
