// Reading email back in tests: HTML with parse5 (a spec-conformant parser), messages with a small RFC 5322 / 2047 reader.
import assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function elements(root: Node, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node): void => {
    if (isElement(node) && node.tagName === tagName) found.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child);
    if (isElement(node) && node.tagName === 'template') visit((node as DefaultTreeAdapterTypes.Template).content);
  };
  visit(root);
  return found;
}

export function only(root: Node, tagName: string): Element {
  const found = elements(root, tagName);
  assert.equal(found.length, 1, `expected one <${tagName}>, found ${found.length}`);
  return found[0]!;
}

export function textOf(node: Node): string {
  if ('value' in node && (node as DefaultTreeAdapterTypes.TextNode).nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function parsed(html: string) {
  const document = parse(html);
  const htmlElement = only(document, 'html');
  return { document, head: only(htmlElement, 'head'), body: only(htmlElement, 'body') };
}

/** The card as Outlook reads it: the text of the one script element, which must be in <head>. */
export function scriptCard(html: string): { type: string | undefined; value: unknown } {
  const { document, head } = parsed(html);
  const script = only(document, 'script');
  assert.equal(elements(head, 'script').length, 1, 'the script is in <head>');
  return { type: attr(script, 'type'), value: JSON.parse(textOf(script)) };
}

export interface ParsedMessage {
  /** Lower-case header name -> unfolded value with RFC 2047 encoded words decoded. */
  readonly headers: Map<string, string>;
  readonly rawHeaders: Map<string, string>;
  readonly body: string;
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/** RFC 2047 decoding of B words in UTF-8; whitespace between adjacent encoded words is dropped (§ 6.2). */
function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(ENCODED_WORD, (_word, charset: string, encoding: string, text: string) => {
    assert.equal(charset.toUpperCase(), 'UTF-8');
    assert.equal(encoding.toUpperCase(), 'B');
    // Each word must hold whole characters: fatal decoding fails on a split UTF-8 sequence.
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  });
}

export function parseMessage(message: string): ParsedMessage {
  assert.doesNotMatch(message.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF');
  for (const line of message.split('\r\n')) assert.ok(line.length <= 76, `line longer than 76: ${JSON.stringify(line)}`);
  const split = message.indexOf('\r\n\r\n');
  assert.ok(split > 0, 'headers and body are separated by an empty line');
  const rawHeaders = new Map<string, string>();
  for (const field of message.slice(0, split).split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    const name = field.slice(0, colon).toLowerCase();
    assert.ok(!rawHeaders.has(name), `header ${name} appears once`);
    rawHeaders.set(name, field.slice(colon + 1).replace(/\r\n/g, '').trim());
  }
  const headers = new Map([...rawHeaders].map(([name, value]) => [name, decodeWords(value)]));
  assert.equal(headers.get('content-transfer-encoding'), 'base64');
  const encoded = message.slice(split + 4);
  assert.match(encoded, /^[A-Za-z0-9+/=\r\n]*$/);
  return { headers, rawHeaders, body: Buffer.from(encoded.replace(/\r\n/g, ''), 'base64').toString('utf8') };
}

/** The JWS of the signed-card section and the section's type (SignedAdaptiveCard or SignedMessageCard). */
export function signedSection(html: string): { type: string | undefined; token: string } {
  const section = only(parsed(html).body, 'section');
  return { type: attr(section, 'itemtype'), token: textOf(only(section, 'div')) };
}
