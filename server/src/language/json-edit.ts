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
  readonly indentUnit: string;
  /** The indentation of a property on its own line, for an object that has none yet. */
  readonly propertyIndent: string;
  readonly closingIndent: string;
  /** The text between a key and its value, e.g. ": ". */
  readonly colon: string;
  /** The text between two properties on one line, comma included, e.g. ", ". */
  readonly separator: string;
  /** The space inside the braces of a one-line object, "" or " ". */
  readonly padding: string;
}

/** Whether the object spreads over several lines: a line break in the text around or between its properties. */
function isMultiline(text: string, object: JsonNode): boolean {
  const properties = object.children ?? [];
  if (properties.length === 0) return /[\r\n]/.test(text.slice(object.offset, object.offset + object.length));
  let from = object.offset + 1;
  for (const property of properties) {
    if (/[\r\n]/.test(text.slice(from, property.offset))) return true;
    from = property.offset + property.length;
  }
  return /[\r\n]/.test(text.slice(from, object.offset + object.length - 1));
}

function layoutOf(text: string, object: JsonNode): ObjectLayout {
  const properties = object.children ?? [];
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const indentUnit = indentUnitOf(text);
  const objectIndent = indentationOfLine(text, object.offset);
  const first = properties[0];
  const opening = first ? text.slice(object.offset + 1, first.offset) : '';
  const firstKey = first?.children?.[0];
  const firstValue = first?.children?.[1];
  const colon = firstKey && firstValue ? text.slice(firstKey.offset + firstKey.length, firstValue.offset) : ': ';
  const between = properties[1] ? text.slice(first!.offset + first!.length, properties[1].offset) : ', ';
  return {
    multiline: isMultiline(text, object),
    eol,
    indentUnit,
    propertyIndent: properties.map((property) => leadingWhitespace(text, property.offset)).find((indent) => indent !== undefined) ?? objectIndent + indentUnit,
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

/** A property of the edited object as it will be written: an original one (possibly with a new value) or a new one. */
interface Entry {
  readonly key: unknown;
  readonly text: string;
  /** The original property; undefined for a new one. */
  readonly property?: JsonNode;
  /** For a new property: the entry it follows, whose line's indentation it takes. */
  readonly anchor?: JsonNode;
}

/**
 * Changes an object's properties and returns the smallest edit that does it. Everything the change does not touch
 * keeps its text: the properties, and the text between them (line breaks, blank lines, several properties on a
 * line). A new property takes the place after its anchor, on a line of its own indented like the anchor's in a
 * multi-line object, after a separator like the object's own in a one-line object; a new value is laid out the same
 * way, with the document's indentation step.
 */
export function editObject(text: string, object: JsonNode, changes: ObjectChanges): TextEdit {
  const layout = layoutOf(text, object);
  const lineIndent = (node: JsonNode | undefined): string =>
    (node && leadingWhitespace(text, node.offset)) ?? layout.propertyIndent;
  const serialize = (value: unknown, indent: string): string =>
    layout.multiline ? JSON.stringify(value, null, layout.indentUnit).split('\n').join(layout.eol + indent) : JSON.stringify(value);
  const remove = new Set(changes.remove ?? []);
  const pending = new Map(Object.entries(changes.set ?? {}));
  const properties = object.children ?? [];
  // Of duplicate names the last is the one read (propertyValue), so a value is set there.
  const lastWithName = new Map(properties.map((property) => [property.children?.[0]?.value, property]));
  const entries: Entry[] = [];
  for (const property of properties) {
    const [key, value] = property.children ?? [];
    if (remove.has(key?.value)) continue;
    if (key && value && pending.has(key.value) && lastWithName.get(key.value) === property) {
      const newValue = serialize(pending.get(key.value), indentationOfLine(text, property.offset));
      entries.push({ key: key.value, property, text: text.slice(property.offset, value.offset) + newValue });
      pending.delete(key.value);
    } else {
      entries.push({ key: key?.value, property, text: text.slice(property.offset, property.offset + property.length) });
    }
  }
  for (const [key, value] of pending) {
    const anchorIndex = (changes.after ?? []).map((name) => entries.findIndex((entry) => entry.key === name)).find((index) => index >= 0);
    let position = anchorIndex === undefined ? entries.length : anchorIndex + 1;
    while (entries[position] !== undefined && entries[position]!.property === undefined) position++;
    const anchor = entries[position - 1]?.property ?? entries[position - 1]?.anchor;
    const indent = layout.multiline ? lineIndent(anchor) : '';
    entries.splice(position, 0, { key, anchor, text: JSON.stringify(key) + layout.colon + serialize(value, indent) });
  }
  const original = text.slice(object.offset, object.offset + object.length);
  return minimalEdit(object.offset, original, rewrite(text, object, layout, entries, lineIndent));
}

/** The object's new text: `entries` joined by the original text around and between the original properties. */
function rewrite(text: string, object: JsonNode, layout: ObjectLayout, entries: readonly Entry[], lineIndent: (node: JsonNode | undefined) => string): string {
  if (entries.length === 0) return '{}';
  const properties = object.children ?? [];
  if (properties.length === 0) {
    const texts = entries.map((entry) => entry.text);
    return layout.multiline
      ? `{${layout.eol}${texts.map((t) => layout.propertyIndent + t).join(',' + layout.eol)}${layout.eol}${layout.closingIndent}}`
      : `{${layout.padding}${texts.join(layout.separator)}${layout.padding}}`;
  }
  const first = properties[0]!;
  const last = properties[properties.length - 1]!;
  /** The original text before `property`: from the end of the one before it (or the brace) to its start. */
  const originalBefore = (property: JsonNode): string => {
    const index = properties.indexOf(property);
    const from = index === 0 ? object.offset + 1 : properties[index - 1]!.offset + properties[index - 1]!.length;
    return text.slice(from, property.offset);
  };
  let result = '{' + text.slice(object.offset + 1, first.offset);
  entries.forEach((entry, index) => {
    if (index > 0) {
      const previous = entries[index - 1]!;
      // An original property after an original one keeps the text that stood after that one (of properties removed
      // between them, the first one's place); anything next to a new property gets a separator like the object's own.
      if (entry.property !== undefined && previous.property !== undefined) result += originalBefore(properties[properties.indexOf(previous.property) + 1]!);
      else result += layout.multiline ? `,${layout.eol}${lineIndent(entry.property ?? entry.anchor ?? previous.property)}` : layout.separator;
    }
    result += entry.text;
  });
  return result + text.slice(last.offset + last.length, object.offset + object.length);
}
