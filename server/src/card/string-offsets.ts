import type { JsonNode } from './json-document';

/**
 * For one string node: the decoded offsets at which an escape sequence starts, and the raw offset of each.
 * Built once per node, so mapping many findings inside one long string stays linear.
 */
interface EscapeIndex {
  readonly decodedStarts: readonly number[];
  readonly rawStarts: readonly number[];
}

const indexes = new WeakMap<JsonNode, EscapeIndex>();

function escapeIndexOf(node: JsonNode, text: string): EscapeIndex {
  let index = indexes.get(node);
  if (index) return index;
  const decodedStarts: number[] = [];
  const rawStarts: number[] = [];
  const closingQuote = node.offset + node.length - 1;
  let decoded = 0;
  for (let raw = text.indexOf('\\', node.offset + 1); raw >= 0 && raw < closingQuote; raw = text.indexOf('\\', raw)) {
    decoded += raw - (rawStarts.length ? rawStarts[rawStarts.length - 1] + escapeLength(text, rawStarts[rawStarts.length - 1]) : node.offset + 1);
    decodedStarts.push(decoded);
    rawStarts.push(raw);
    decoded += 1;
    raw += escapeLength(text, raw);
  }
  index = { decodedStarts, rawStarts };
  indexes.set(node, index);
  return index;
}

/** `\"` is two characters of JSON text for one of value, `\u0041` six for one. */
function escapeLength(text: string, raw: number): number {
  return text.charCodeAt(raw + 1) === 0x75 /* u */ ? 6 : 2;
}

/**
 * The offset in `text` of the character at `decodedOffset` in the value of string node `node`. An offset at or
 * past the end of the value maps to the closing quote.
 */
export function rawOffsetInString(node: JsonNode, text: string, decodedOffset: number): number {
  const closingQuote = node.offset + node.length - 1;
  const { decodedStarts, rawStarts } = escapeIndexOf(node, text);
  // The last escape that starts before decodedOffset; characters after it map one to one.
  let low = 0;
  let high = decodedStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (decodedStarts[middle] < decodedOffset) low = middle + 1;
    else high = middle;
  }
  const raw = low === 0
    ? node.offset + 1 + decodedOffset
    : rawStarts[low - 1] + escapeLength(text, rawStarts[low - 1]) + (decodedOffset - decodedStarts[low - 1] - 1);
  return Math.min(raw, closingQuote);
}
