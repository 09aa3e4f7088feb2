import type { JsonNode } from '../json-document';
import type { ServiceSettings } from '../settings';
import type { RuleId } from './catalog';

/**
 * What a rule sees besides the document. Rules report on the node that is wrong: the value node for a bad
 * value, the key node for a property that must not be there, and the object's `"type"` value (or the object
 * itself when it has none) for a problem of the whole element or action, such as a missing property.
 */
export interface RuleContext {
  readonly settings: ServiceSettings;
  report(rule: RuleId, node: JsonNode, message: string): void;
}
