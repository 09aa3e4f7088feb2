// What a JSON document is to Outlook, read off its root: the four kinds of docs/rules.md § "Document kinds".
import { propertyValue, stringProperty, type JsonNode } from './json-document';

/** The document kinds of docs/rules.md § "Document kinds"; undefined for anything else (AM001). */
export type DocumentKind = 'adaptiveCard' | 'messageCard' | 'signedEnvelope' | 'signedPayload';

export function detectDocumentKind(root: JsonNode | undefined): DocumentKind | undefined {
  if (root?.type !== 'object') return undefined;
  if (stringProperty(root, 'type') === 'AdaptiveCard') return 'adaptiveCard';
  const jsonLdType = stringProperty(root, '@type');
  if (jsonLdType === 'MessageCard') return 'messageCard';
  if (jsonLdType === 'SignedAdaptiveCard' || jsonLdType === 'SignedMessageCard') return 'signedEnvelope';
  if (propertyValue(root, 'adaptiveCardSerialized') !== undefined || propertyValue(root, 'messageCardSerialized') !== undefined) return 'signedPayload';
  return undefined;
}
