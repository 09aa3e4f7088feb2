import { findNodeAtOffset } from 'jsonc-parser';
import type { JsonNode } from '../card';

/** A replacement of `length` characters at `offset` of the text the edit was computed for. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/** The node that covers exactly `offset`..`offset + length`, or undefined when no node does (e.g. a stale range). */
export function nodeAtRange(root: JsonNode, offset: number, length: number): JsonNode | undefined {
  let node = findNodeAtOffset(root, offset, false);
  while (node && node.offset === offset && node.length < length) node = node.parent;
  return node && node.offset === offset && node.length === length ? node : undefined;
}

/** The smallest single edit that turns `before` (found at `offset`) into `after`. */
export function minimalEdit(offset: number, before: string, after: string): TextEdit {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { offset: offset + prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}

export function replaceNode(node: JsonNode, value: unknown): TextEdit {
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value) };
}

/**
 * Removes an array item, or a property of an object, together with the comma that separates it from its neighbour.
 */
export function removeEntry(item: JsonNode): TextEdit {
  const siblings = item.parent?.children ?? [item];
  const index = siblings.indexOf(item);
  if (siblings.length === 1) {
    const container = item.parent!;
    return { offset: container.offset + 1, length: container.length - 2, newText: '' };
  }
  if (index > 0) {
    const previous = siblings[index - 1];
    const start = previous.offset + previous.length;
    return { offset: start, length: item.offset + item.length - start, newText: '' };
  }
  return { offset: item.offset, length: siblings[1].offset - item.offset, newText: '' };
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

function indentationOfLine(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))![0];
}

/** Whitespace before `offset` on its line, when nothing else precedes it there. */
function leadingWhitespace(text: string, offset: number): string | undefined {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The document's indentation step: a tab, or the smallest indentation in spaces (two when nothing is indented). */
export function indentUnitOf(text: string): string {
  let smallest = Infinity;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    if (match[1].startsWith('\t')) return '\t';
    smallest = Math.min(smallest, match[1].length);
  }
  return ' '.repeat(Number.isFinite(smallest) ? smallest : 2);
}

interface ObjectLayout {
  readonly multiline: boolean;
  readonly eol: string;
  readonly propertyIndent: string;
  readonly closingIndent: string;
  readonly indentUnit: string;
  /** The text between a key and its value, e.g. ": ". */
  readonly colon: string;
  /** The text between two properties on one line, e.g. ", ". */
  readonly separator: string;
  /** The space inside the braces of a one-line object, "" or " ". */
  readonly padding: string;
}

function layoutOf(text: string, object: JsonNode): ObjectLayout {
  const properties = object.children ?? [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indentUnit = indentUnitOf(text);
  const objectIndent = indentationOfLine(text, object.offset);
  const first = properties[0];
  const opening = first ? text.slice(object.offset + 1, first.offset) : '';
  const multiline = first ? /[\r\n]/.test(opening) : /[\r\n]/.test(text);
  const firstKey = first?.children?.[0];
  const firstValue = first?.children?.[1];
  const colon = firstKey && firstValue ? text.slice(firstKey.offset + firstKey.length, firstValue.offset) : ': ';
  const between = properties[1] ? text.slice(first!.offset + first!.length, properties[1].offset) : ', ';
  return {
    multiline,
    eol,
    indentUnit,
    propertyIndent: (first && leadingWhitespace(text, first.offset)) ?? objectIndent + indentUnit,
    closingIndent: leadingWhitespace(text, object.offset + object.length - 1) ?? objectIndent,
    colon: /^[ \t]*:[ \t]*$/.test(colon) ? colon : ': ',
    separator: /^[ \t]*,[ \t]*$/.test(between) ? between : ', ',
    padding: /^[ \t]*$/.test(opening) ? opening : '',
  };
}

/** What to do to an object's properties; properties not named keep their text. */
export interface ObjectChanges {
  /** New values by key: an existing property keeps its place, a new one goes after the first present key of `after`. */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly after?: readonly string[];
  readonly remove?: readonly string[];
}

/**
 * Rewrites an object's properties in the object's own layout (one line or one property per line, with the
 * document's indentation) and returns the smallest edit that does it, so untouched properties stay as they are.
 */
export function editObject(text: string, object: JsonNode, changes: ObjectChanges): TextEdit {
  const layout = layoutOf(text, object);
  const serialize = (value: unknown): string =>
    layout.multiline ? JSON.stringify(value, null, layout.indentUnit).split('\n').join(layout.eol + layout.propertyIndent) : JSON.stringify(value);
  const remove = new Set(changes.remove ?? []);
  const entries: { key: unknown; text: string; inserted?: boolean }[] = [];
  const pending = new Map(Object.entries(changes.set ?? {}));
  const properties = object.children ?? [];
  // Of duplicate names the last is the one read (propertyValue), so a value is set there.
  const lastWithName = new Map(properties.map((property) => [property.children?.[0]?.value, property]));
  for (const property of properties) {
    const [key, value] = property.children ?? [];
    if (remove.has(key?.value)) continue;
    if (key && value && pending.has(key.value) && lastWithName.get(key.value) === property) {
      entries.push({ key: key.value, text: text.slice(property.offset, value.offset) + serialize(pending.get(key.value)) });
      pending.delete(key.value);
    } else {
      entries.push({ key: key?.value, text: text.slice(property.offset, property.offset + property.length) });
    }
  }
  for (const [key, value] of pending) {
    const newEntry = { key, text: JSON.stringify(key) + layout.colon + serialize(value), inserted: true };
    const anchor = (changes.after ?? []).map((name) => entries.findIndex((entry) => entry.key === name)).find((index) => index >= 0);
    let position = anchor === undefined ? entries.length : anchor + 1;
    while (entries[position]?.inserted) position++;
    entries.splice(position, 0, newEntry);
  }
  const texts = entries.map((entry) => entry.text);
  const rewritten =
    texts.length === 0 ? '{}' :
    layout.multiline ? `{${layout.eol}${texts.map((t) => layout.propertyIndent + t).join(',' + layout.eol)}${layout.eol}${layout.closingIndent}}` :
    `{${layout.padding}${texts.join(layout.separator)}${layout.padding}}`;
  return minimalEdit(object.offset, text.slice(object.offset, object.offset + object.length), rewritten);
}
