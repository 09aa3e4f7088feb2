import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting-guard';
import { buildStrictTree, StrictProperty } from './strict-tree';

export type { JsonNode };

export interface SyntaxProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/**
 * A document parsed once, with positions; every check of the service reads this. It has a tree or, when the text
 * is not strict JSON, its first syntax problem: docs/rules.md § "Conventions" reports one `syntax` diagnostic, whatever
 * follows it.
 */
export type JsonDocument =
  | { readonly text: string; readonly root: JsonNode; readonly syntaxProblem: undefined }
  | { readonly text: string; readonly root: undefined; readonly syntaxProblem: SyntaxProblem };

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol: JSON allows only strings in double quotes, numbers, true, false, null, objects and arrays (no NaN, Infinity or single quotes).',
  InvalidNumberFormat: 'Invalid number format.',
  PropertyNameExpected: 'Property name expected: property names are strings in double quotes, and a trailing comma is not allowed.',
  ValueExpected: 'Value expected: a trailing comma or a missing value.',
  ColonExpected: 'Colon expected after the property name.',
  CommaExpected: 'Comma expected between values.',
  CloseBraceExpected: 'Closing brace } expected.',
  CloseBracketExpected: 'Closing bracket ] expected.',
  EndOfFileExpected: 'End of file expected: only one JSON value is allowed.',
  InvalidCommentToken: 'Comments are not allowed in JSON.',
  UnexpectedEndOfComment: 'Unexpected end of comment.',
  UnexpectedEndOfString: 'Unterminated string.',
  UnexpectedEndOfNumber: 'Unexpected end of number.',
  InvalidUnicode: 'Invalid unicode escape sequence.',
  InvalidEscapeCharacter: 'Invalid escape character in string.',
  InvalidCharacter: 'Invalid character in string: control characters must be escaped.',
};

function describe(error: ParseError): SyntaxProblem {
  const code = printParseErrorCode(error.error);
  return { offset: error.offset, length: error.length, message: SYNTAX_MESSAGES[code] ?? code };
}

function tooDeep(text: string, offset: number): JsonDocument {
  return {
    text,
    root: undefined,
    syntaxProblem: { offset, length: 1, message: `Nesting deeper than ${MAX_NESTING_DEPTH} levels: no card nests this deep; the document is not analysed.` },
  };
}

/**
 * `text` with a byte order mark (U+FEFF) as its first character read as a space. An editor may send a file saved as
 * "UTF-8 with BOM" with it; JSON parsers stop at it, and the space keeps every offset counting it, as the editor's
 * positions do.
 */
export function byteOrderMarkAsSpace(text: string): string {
  return text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
}

const EMPTY_DOCUMENT = 'The document is empty: a card is a JSON object.';

/** Nothing but JSON's whitespace (RFC 8259: space, tab, line feed, carriage return), or nothing at all. */
const JSON_WHITESPACE_ONLY = /^[ \t\n\r]*$/;

/** Parses `text` as strict JSON; a leading byte order mark is whitespace (byteOrderMarkAsSpace). */
export function parseJsonDocument(text: string): JsonDocument {
  const json = byteOrderMarkAsSpace(text);
  const strict = buildStrictTree(json, MAX_NESTING_DEPTH);
  if (strict !== undefined) return 'root' in strict ? { text, root: strict.root, syntaxProblem: undefined } : tooDeep(text, strict.tooDeepAt);
  // Not strict JSON. parseTree would call an empty file "Value expected", which reads as a missing value after a comma.
  if (JSON_WHITESPACE_ONLY.test(json)) return { text, root: undefined, syntaxProblem: { offset: 0, length: text.length, message: EMPTY_DOCUMENT } };
  // parseTree names the first problem. It recurses per level, so the depth is checked first.
  const tooDeepAt = findExcessiveNesting(json);
  if (tooDeepAt >= 0) return tooDeep(text, tooDeepAt);
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, PARSE_OPTIONS);
  if (errors.length > 0 || root === undefined) {
    const problem = errors.length > 0 ? describe(errors[0]) : { offset: 0, length: text.length, message: EMPTY_DOCUMENT };
    return { text, root: undefined, syntaxProblem: problem };
  }
  return { text, root, syntaxProblem: undefined };
}

/**
 * The name of a property node (its key's value). The strict tree's properties hold it in a field and make their key
 * node and `children` array only when asked (StrictProperty), so the walks that run on every property read it here.
 */
export function propertyKeyName(property: JsonNode): string | undefined {
  return property instanceof StrictProperty ? property.keyName : (property.children?.[0]?.value as string | undefined);
}

/** The key node of a property node (propertyKeyName says why this is no `children[0]`). */
export function propertyKeyNode(property: JsonNode): JsonNode | undefined {
  return property instanceof StrictProperty ? property.keyNode : property.children?.[0];
}

/** The value of a property node, undefined while it has none (propertyKeyName says why this is no `children[1]`). */
export function propertyValueNode(property: JsonNode): JsonNode | undefined {
  return property instanceof StrictProperty ? property.valueNode : property.children?.[1];
}

/**
 * The property named `name` of an object node; of duplicate names the last, whose value JSON.parse, Outlook and
 * plainValue read (the first let a card pass the rules as "version": "1.0" and be read as "1.4"). An indexed loop:
 * the rules call it on every element and action.
 */
function propertyNamed(node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  const properties = node.children;
  for (let index = properties.length - 1; index >= 0; index--) {
    if (propertyKeyName(properties[index]!) === name) return properties[index];
  }
  return undefined;
}

/**
 * The properties of `host` whose name `names` has and whose value is present (not null), in document order: AM022's
 * scan of most elements and actions.
 */
export function presentPropertiesNamed(host: JsonNode, names: { has(name: string): boolean }): JsonNode[] {
  const found: JsonNode[] = [];
  const properties = host.children ?? [];
  for (let index = 0; index < properties.length; index++) {
    const property = properties[index]!;
    const name = propertyKeyName(property);
    if (name === undefined || !names.has(name)) continue;
    const value = propertyValueNode(property);
    if (value !== undefined && value.type !== 'null') found.push(property);
  }
  return found;
}

/** The value node of property `name` of an object node. */
export function propertyValue(node: JsonNode | undefined, name: string): JsonNode | undefined {
  const property = propertyNamed(node, name);
  return property === undefined ? undefined : propertyValueNode(property);
}

/** The key node of property `name` of an object node. */
export function propertyKey(node: JsonNode | undefined, name: string): JsonNode | undefined {
  const property = propertyNamed(node, name);
  return property === undefined ? undefined : propertyKeyNode(property);
}

/** The string value of property `name`, or undefined when absent or not a string. */
export function stringProperty(node: JsonNode | undefined, name: string): string | undefined {
  const value = propertyValue(node, name);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** "Missing" (docs/rules.md § "Conventions"): absent or null; for strings, also empty or whitespace-only. */
export function isMissing(value: JsonNode | undefined): boolean {
  return value === undefined || value.type === 'null' || (value.type === 'string' && (value.value as string).trim() === '');
}

/**
 * The value of property `name`, or undefined when it is absent or `null` ("Missing", docs/rules.md § "Conventions").
 */
export function presentValue(node: JsonNode | undefined, name: string): JsonNode | undefined {
  const value = propertyValue(node, name);
  return value?.type === 'null' ? undefined : value;
}

/**
 * The plain JavaScript value of a node, as JSON.parse gives it for the node's text: the last of duplicate keys wins
 * at the place of the first, and a "__proto__" key is an own property, not the prototype. Strings and numbers are
 * the tree's own, so nothing is parsed again.
 */
export function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      const properties = node.children ?? [];
      for (let index = 0; index < properties.length; index++) {
        const property = properties[index]!;
        const name = propertyKeyName(property);
        const value = propertyValueNode(property);
        if (name === undefined || value === undefined) continue;
        if (name === '__proto__') Object.defineProperty(object, name, { value: plainValue(value), writable: true, enumerable: true, configurable: true });
        else object[name] = plainValue(value);
      }
      return object;
    }
    case 'array': {
      const children = node.children ?? [];
      const array: unknown[] = new Array(children.length);
      for (let index = 0; index < children.length; index++) array[index] = plainValue(children[index]!);
      return array;
    }
    default:
      return node.value;
  }
}

export function arrayItems(node: JsonNode | undefined): readonly JsonNode[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}
