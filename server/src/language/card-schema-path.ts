// Where in a document completion and hover apply the card schema: at its Adaptive Card (card/document-kind.ts), so a
// MessageCard gets no Adaptive Card proposals and an invoke response's `value` gets them, not its wrapper. The
// service picks a schema by a document's address, so the address names that path.
import { getNodePath, type JSONPath } from 'jsonc-parser';
import { adaptiveCardOf, detectDocumentKind, type JsonNode, presentValue } from '../card';
import { isAdaptiveCardSchemaUri } from '../rules';

/** Whether `card` names in "$schema" a schema other than the Adaptive Cards one (AM006): it gets none of ours. */
function namesAnotherSchema(card: JsonNode | undefined): boolean {
  const schema = presentValue(card, '$schema');
  return schema !== undefined && !(schema.type === 'string' && isAdaptiveCardSchemaUri(schema.value as string));
}

/**
 * The path of the document's Adaptive Card; the root of a document of no known kind, most often a card being
 * started; undefined where no Adaptive Card is (a MessageCard, a signed envelope, a response whose card is a string)
 * and for a card whose "$schema" is another schema's (AM006), as the rule reads it: the service's own reading of
 * "$schema" drops a "#" and an empty value, and took such cards for ours.
 */
export function cardSchemaPath(root: JsonNode | undefined): JSONPath | undefined {
  if (detectDocumentKind(root) === undefined) return namesAnotherSchema(root) ? undefined : [];
  const card = adaptiveCardOf(root);
  return card === undefined || namesAnotherSchema(card) ? undefined : getNodePath(card);
}

/** The file name in the address of a document whose card is at `path`, which the service matches schemas by. */
export function cardSchemaFileName(path: JSONPath | undefined): string {
  return path === undefined ? 'no-card.json' : `card-at-${path.join('.') || 'root'}.json`;
}
