// The value formats of docs/rules.md § "Conventions", shared by the Adaptive Card, MessageCard and signed-card rules.
import type { JsonNode } from './json-document';

/** docs/rules.md § "Conventions", GUID: hex digits in 8-4-4-4-12 groups, no braces. */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** docs/rules.md § "Conventions", email address: a deliberately loose check. */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
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
