import { validate as validateCardValue } from './generated/card-schema';
import { type JsonNode, plainValue, propertyKeyName, propertyValueNode } from '../card';

/** One place where a card breaks the project's schema (server/schema/outlook-card.schema.json), rule id `schema`. */
export interface SchemaProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** The part of an ajv error object the messages use (see ajv's ErrorObject). */
interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: { readonly type?: string | readonly string[]; readonly allowedValues?: readonly string[]; readonly allowedValue?: unknown };
}

const validateCard = validateCardValue as unknown as ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };

/**
 * Checks an Adaptive Card against the schema compiled ahead of time. Findings of the Outlook rules win: a problem
 * whose property overlaps a node in `ruleReports` (equal, inside or around it) is dropped, so no place is reported twice.
 */
export function checkCardSchema(card: JsonNode, ruleReports: readonly TextRange[]): SchemaProblem[] {
  // Values built from the tree: about a quarter cheaper, with ajv, than a second JSON.parse of the card's text.
  if (validateCard(plainValue(card))) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validateCard.errors ?? []) {
    // An "if" error only says that the "then" branch failed; that branch's own errors say where and why.
    if (error.keyword === 'if') continue;
    const segments = pointerSegments(error.instancePath);
    const node = nodeAtPath(card, segments);
    if (node === undefined) continue;
    const key = `${node.offset}:${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const extent = node.parent?.type === 'property' ? node.parent : node;
    if (ruleReports.some((report) => overlaps(report, extent))) continue;
    problems.push({ offset: node.offset, length: node.length, message: describeError(error, segments, node) });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node at a JSON pointer; like JSON.parse, the last of duplicate keys wins. */
function nodeAtPath(root: JsonNode, segments: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of segments) {
    if (node?.type === 'object') {
      let value: JsonNode | undefined;
      for (const property of node.children ?? []) {
        if (propertyKeyName(property) === segment) value = propertyValueNode(property);
      }
      node = value;
    } else if (node?.type === 'array') {
      node = node.children?.[Number(segment)];
    } else {
      return undefined;
    }
  }
  return node;
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

function describeError(error: SchemaError, segments: readonly string[], node: JsonNode): string {
  const place = placeName(segments);
  switch (error.keyword) {
    case 'type': {
      const expected = [error.params.type ?? []].flat().filter((type) => type !== 'null');
      return `${place} must be ${expected.map(withArticle).join(' or ')}, not ${describeValue(node)}.`;
    }
    case 'enumIgnoreCase':
      return `${place} must be one of ${(error.params.allowedValues ?? []).map((v) => `"${v}"`).join(', ')} (in any case), not ${describeValue(node)}.`;
    case 'const':
      return `${place} must be ${JSON.stringify(error.params.allowedValue)}, not ${describeValue(node)}.`;
    default:
      return `${place} does not match the card schema (${error.keyword}).`;
  }
}

function placeName(segments: readonly string[]): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'The card';
  if (/^\d+$/.test(last)) return segments.length > 1 ? `Item ${last} of "${segments[segments.length - 2]}"` : `Item ${last}`;
  return `"${last}"`;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

const QUOTED_VALUE_LIMIT = 40;

function describeValue(node: JsonNode): string {
  switch (node.type) {
    case 'string': {
      const value = node.value as string;
      const shown = value.length > QUOTED_VALUE_LIMIT ? `${value.slice(0, QUOTED_VALUE_LIMIT)}…` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return withArticle(node.type);
  }
}
