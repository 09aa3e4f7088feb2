import type { JsonNode } from './json-document';

/**
 * The offset in `text` of the character at `decodedOffset` in the value of string node `node`. Escape sequences
 * make the two differ: `\"` is two characters of JSON text for one of value, `\u0041` six for one. An offset at
 * or past the end of the value maps to the closing quote.
 */
export function rawOffsetInString(node: JsonNode, text: string, decodedOffset: number): number {
  const closingQuote = node.offset + node.length - 1;
  let raw = node.offset + 1;
  for (let decoded = 0; decoded < decodedOffset && raw < closingQuote; decoded++) {
    if (text.charCodeAt(raw) !== 0x5c /* \ */) raw += 1;
    else raw += text.charCodeAt(raw + 1) === 0x75 /* u */ ? 6 : 2;
  }
  return Math.min(raw, closingQuote);
}
