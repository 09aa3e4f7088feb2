// The RSAKeyValue XML of .NET's RSA.ToXmlString and of XML-DSig: one root with base64 text children.
// The grammar is this small, fixed shape, so a focused scanner gives better messages than a general XML library:
// an optional XML declaration, comments and whitespace between elements, attributes on the root (xmlns).
import { InputError } from '../card';

/** Element names in the order .NET writes them. */
export const RSA_KEY_VALUE_PARTS = ['Modulus', 'Exponent', 'P', 'Q', 'DP', 'DQ', 'InverseQ', 'D'] as const;
export type RsaKeyValuePart = (typeof RSA_KEY_VALUE_PARTS)[number];

/** What is wrong with the XML, and where (line:column). Never quotes element content. */
export class XmlKeyError extends InputError {
  static override readonly code = 'ERR_XML_KEY';
}

const PART_NAMES: ReadonlySet<string> = new Set(RSA_KEY_VALUE_PARTS);
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const WHITESPACE = /\s*/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')\s*/y;

class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  where(position = this.position): string {
    const before = this.text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return `line ${line}, column ${column}`;
  }

  fail(message: string, position = this.position): never {
    throw new XmlKeyError(`RSAKeyValue XML, ${this.where(position)}: ${message}`);
  }

  match(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.position += found[0].length;
    return found;
  }

  startsWith(literal: string): boolean {
    return this.text.startsWith(literal, this.position);
  }

  /** Whitespace and comments, which may sit between any two elements. */
  skipMisc(): void {
    for (;;) {
      this.match(WHITESPACE);
      if (!this.startsWith('<!--')) return;
      const end = this.text.indexOf('-->', this.position + 4);
      if (end < 0) this.fail('a comment "<!--" is never closed with "-->".');
      this.position = end + 3;
    }
  }

  expect(literal: string, what: string): void {
    if (!this.startsWith(literal)) this.fail(`expected ${what}.`);
    this.position += literal.length;
  }

  name(what: string): string {
    const found = this.match(NAME);
    if (!found) this.fail(`expected ${what}.`);
    return found[0];
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The base64 content of one part, standard alphabet; line breaks and spaces inside are allowed. */
function decodePart(scanner: Scanner, name: RsaKeyValuePart, content: string, start: number): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (compact === '') scanner.fail(`<${name}> is empty.`, start);
  if (compact.includes('&')) scanner.fail(`<${name}> contains an XML entity or character reference; it must hold plain base64.`, start);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const urlSafe = /^[A-Za-z0-9_-]+$/.test(compact) ? ' It looks like base64url (as in a JWK): RSAKeyValue uses standard base64 with + and /.' : '';
    scanner.fail(`<${name}> is not base64.${urlSafe}`, start);
  }
  if (compact.length % 4 !== 0) scanner.fail(`<${name}> is base64 of the wrong length (not a multiple of 4 characters); it looks truncated.`, start);
  return Buffer.from(compact, 'base64');
}

/**
 * The parts of an RSAKeyValue document, each decoded from base64; which parts are required is for the caller.
 * Unknown, duplicate and nested elements are refused, as is anything after the root element.
 */
export function parseRsaKeyValueXml(text: string): Partial<Record<RsaKeyValuePart, Buffer>> {
  const scanner = new Scanner(text.replace(/^\uFEFF/, ''));
  scanner.match(WHITESPACE);
  if (scanner.startsWith('<?xml')) {
    const end = scanner.text.indexOf('?>', scanner.position);
    if (end < 0) scanner.fail('the XML declaration "<?xml" is never closed with "?>".');
    scanner.position = end + 2;
  }
  scanner.skipMisc();
  const rootStart = scanner.position;
  scanner.expect('<', 'the <RSAKeyValue> element');
  const rootName = scanner.name('the <RSAKeyValue> element');
  if (localName(rootName) !== 'RSAKeyValue') scanner.fail(`the root element is <${rootName}>; expected <RSAKeyValue>.`, rootStart);
  scanner.match(WHITESPACE);
  while (scanner.match(ATTRIBUTE)) { /* attributes such as xmlns carry nothing the key needs */ }
  if (scanner.startsWith('/>')) scanner.fail('<RSAKeyValue/> is empty; it needs at least <Modulus> and <Exponent>.', rootStart);
  scanner.expect('>', `">" to end the <${rootName}> tag (attributes are name="value")`);

  const parts: Partial<Record<RsaKeyValuePart, Buffer>> = {};
  for (;;) {
    scanner.skipMisc();
    if (scanner.startsWith('</')) break;
    const elementStart = scanner.position;
    if (!scanner.startsWith('<')) {
      if (scanner.position >= scanner.text.length) scanner.fail(`the document ends inside <${rootName}>; the XML is truncated.`);
      scanner.fail('text directly inside <RSAKeyValue>; its content must be in elements such as <Modulus>.');
    }
    scanner.position++;
    const name = scanner.name('an element name after "<"');
    const part = localName(name);
    if (!PART_NAMES.has(part)) scanner.fail(`unknown element <${name}>; RSAKeyValue holds ${RSA_KEY_VALUE_PARTS.join(', ')}.`, elementStart);
    const known = part as RsaKeyValuePart;
    if (parts[known] !== undefined) scanner.fail(`<${name}> appears a second time.`, elementStart);
    scanner.match(WHITESPACE);
    scanner.expect('>', `">" to end the <${name}> tag`);
    const contentStart = scanner.position;
    const contentEnd = scanner.text.indexOf('<', contentStart);
    if (contentEnd < 0) scanner.fail(`<${name}> is never closed; the XML is truncated.`, elementStart);
    scanner.position = contentEnd;
    if (!scanner.startsWith(`</${name}`)) scanner.fail(`expected </${name}> to close <${name}>; elements inside it are not allowed.`);
    scanner.position += name.length + 2;
    scanner.match(WHITESPACE);
    scanner.expect('>', `">" to end the </${name}> tag`);
    parts[known] = decodePart(scanner, known, scanner.text.slice(contentStart, contentEnd), elementStart);
  }
  scanner.position += 2;
  const closing = scanner.name(`</${rootName}>`);
  if (closing !== rootName) scanner.fail(`</${closing}> closes <${rootName}>.`);
  scanner.match(WHITESPACE);
  scanner.expect('>', `">" to end the </${rootName}> tag`);
  scanner.skipMisc();
  if (scanner.position < scanner.text.length) scanner.fail('more text after </RSAKeyValue>; give one key.');
  return parts;
}
