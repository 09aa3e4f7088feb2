// The value formats of docs/rules.md § "Conventions", shared by the Adaptive Card, MessageCard and signed-card rules.
import type { JsonNode } from './json-document';

/** docs/rules.md § "Conventions", GUID: hex digits in 8-4-4-4-12 groups, no braces. */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

const WHITESPACE = /\s/;

/**
 * docs/rules.md § "Conventions", email address: a deliberately loose check, what /^[^@\s]+@[^@\s]+\.[^@\s]+$/
 * accepts: no whitespace, one `@` after a non-empty local part, and a dot inside the domain. Written out because that
 * regex backtracks quadratically on a long run of dots (an originator or a signed card's sender is the user's text).
 */
export function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return at > 0 && !domain.includes('@') && dot > 0 && dot < domain.length - 1 && !WHITESPACE.test(value);
}

/** A short description of a JSON value for messages, e.g. `the number 1`, `the string "v1.0"`. */
export function describeValue(node: JsonNode): string {
  switch (node.type) {
    case 'string': return `the string ${JSON.stringify(node.value)}`;
    case 'number': return `the number ${String(node.value)}`;
    case 'boolean': return `the boolean ${String(node.value)}`;
    case 'null': return 'null';
    case 'array': return 'an array';
    default: return 'an object';
  }
}
