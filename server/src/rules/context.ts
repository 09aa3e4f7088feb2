import type { CardModel, JsonNode } from '../card';
import type { ServiceSettings } from './settings';
import type { RuleId } from './catalog';

/** A node a finding points to besides its own, with what it is ("the earlier Input.Text with this id"). */
export interface RelatedNode {
  readonly node: JsonNode;
  readonly message: string;
}

/**
 * What a rule sees besides the document. Rules report on the node that is wrong: the value node for a bad
 * value, the key node for a property that must not be there, and the object's `"type"` value (or the object
 * itself when it has none) for a problem of the whole element or action, such as a missing property.
 */
export interface RuleContext {
  readonly settings: ServiceSettings;
  /** `related`: other nodes the problem involves, each with what it is; a context without positions for them drops them. */
  report(rule: RuleId, node: JsonNode, message: string, related?: readonly RelatedNode[]): void;
  /**
   * Reports `length` characters from `start` of the decoded value of string node `node` (one token in a URL, say);
   * the context maps them past escape sequences onto the JSON text. Contexts that cannot do that leave it out.
   */
  reportInString?(rule: RuleId, node: JsonNode, start: number, length: number, message: string): void;
}

/**
 * A rule of the Adaptive Card mode: reads the card model and reports through the context. Rules run on every element
 * and action of every card, and `amcard lint` runs them mostly before V8 has optimized them: their loops over the
 * model and over properties are indexed, since until then a for-of loop allocates an iterator and a result object per
 * item (and `const [a, b] = pair` an iterator too).
 */
export type AdaptiveRule = (model: CardModel, ctx: RuleContext) => void;

/** Reports part of a string value where the context supports it, else the whole string node. */
export function reportSubstring(ctx: RuleContext, rule: RuleId, node: JsonNode, start: number, length: number, message: string): void {
  if (ctx.reportInString) ctx.reportInString(rule, node, start, length, message);
  else ctx.report(rule, node, message);
}
