// An RFC 5322 message with one text/html part (RFC 2045 MIME headers, RFC 2047 encoded words), ready for any SMTP
// client: CRLF line ends, lines of at most 76 characters, every header value checked before it is written.
import { randomUUID } from 'node:crypto';
import { InputError } from '../card';

/** A header value that cannot be written: a line break (header injection), a control character or a bad address. */
export class EmlInputError extends InputError {
  static override readonly code = 'ERR_EML_INPUT';
}

export interface EmlInput {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly date?: Date;
}

const CRLF = '\r\n';
const BASE64_LINE_LENGTH = 76;
/** UTF-8 bytes per encoded word: 48 base64 characters, so `=?UTF-8?B?...?=` is 60 and a folded line stays under 76. */
const ENCODED_WORD_BYTES = 36;
/** Longest header line written without encoded words (RFC 5322 § 2.1.1 recommends 78). */
const PLAIN_HEADER_LINE = 76;

// RFC 5322 § 3.2.3 atext.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_CHARACTERS = /^[A-Za-z0-9-]+$/;
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function describeCharacter(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Line breaks would end the header and start a new one (header injection); other controls corrupt it. */
function checkHeaderText(value: string, where: string): void {
  const lineBreak = /[\r\n]/.exec(value);
  if (lineBreak) {
    throw new EmlInputError(`${where} contains a line break (${lineBreak[0] === '\r' ? 'CR' : 'LF'}) at position ${lineBreak.index + 1}: a header value must be one line; a line break would start another header (header injection).`);
  }
  const control = /[\u0000-\u0008\u000b-\u001f\u007f]/.exec(value);
  if (control) throw new EmlInputError(`${where} contains the control character ${describeCharacter(control[0])} at position ${control.index + 1}.`);
}

/**
 * Two or more dot-separated labels of letters, digits and hyphens, no label starting or ending with a hyphen. Label by
 * label: in one pattern, `[A-Za-z0-9-]*[A-Za-z0-9]` would give characters back and forth (docs/architecture.md § "No
 * user text meets a backtracking pattern").
 */
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL_CHARACTERS.test(label) && !label.startsWith('-') && !label.endsWith('-'));
}

/** RFC 5321 § 4.5.3.1: at most 64 octets before the @, and 254 in all (a path of 256 with its angle brackets). */
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;
/** How much of a value a message quotes: enough to recognise it, not a 100 KB line. */
const QUOTED_LENGTH = 60;

function quoted(text: string): string {
  return `"${text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text}"`;
}

function checkAddress(address: string, where: string): void {
  const at = address.lastIndexOf('@');
  if (at < 0) throw new EmlInputError(`${where}: ${quoted(address)} is not an email address: it has no @.`);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > MAX_LOCAL_PART_LENGTH || address.length > MAX_ADDRESS_LENGTH) {
    throw new EmlInputError(`${where}: ${quoted(address)} is too long for an email address: ${local.length} characters before the @ and ${address.length} in all, where mail servers take at most ${MAX_LOCAL_PART_LENGTH} and ${MAX_ADDRESS_LENGTH} (RFC 5321 § 4.5.3.1).`);
  }
  const nonAscii = /[^\x00-\x7f]/.exec(address);
  if (nonAscii) throw new EmlInputError(`${where}: "${address}" has the non-ASCII character ${describeCharacter(nonAscii[0])}; write the domain in its xn-- (punycode) form.`);
  if (!LOCAL_PART.test(local)) {
    throw new EmlInputError(`${where}: "${address}" is not an email address: the part before @ ("${local}") may only have letters, digits, dots (not first, last or doubled) and !#$%&'*+/=?^_\`{|}~-.`);
  }
  if (!isDomain(domain)) {
    throw new EmlInputError(`${where}: "${address}" is not an email address: the domain "${domain}" must be dot-separated labels of letters, digits and hyphens, like contoso.example.`);
  }
}

function base64Words(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    // Whole characters per word (RFC 2047 § 5): a UTF-8 sequence is never split between two encoded words.
    if (Buffer.byteLength(chunk + character) > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`);
}

/**
 * Text for an unstructured header (Subject): as it is when it is printable ASCII, fits on one line and could not be
 * mistaken for an encoded word; else RFC 2047 encoded words, one per folded line.
 */
function unstructuredValue(text: string, headerName: string): string {
  const plain = /^[\x20-\x7e]*$/.test(text) && !text.includes('=?') && headerName.length + 2 + text.length <= PLAIN_HEADER_LINE;
  return plain ? text : base64Words(text).join(`${CRLF} `);
}

/** Room on a mailbox header's first line for its name: "From: " is the longest of From, To and Cc. */
const MAILBOX_HEADER_NAME_ROOM = 'From: '.length;

/**
 * A display name as it is when it is printable ASCII and fits on a line after the header's name; else RFC 2047
 * encoded words, one per folded line.
 */
function displayName(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name) && !name.includes('=?')) {
    const phrase = ATOM_PHRASE.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
    if (MAILBOX_HEADER_NAME_ROOM + phrase.length <= PLAIN_HEADER_LINE) return phrase;
  }
  return base64Words(name).join(`${CRLF} `);
}

export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

/**
 * Reads `ana@contoso.example` or `Ana Lima <ana@contoso.example>` (the name may be in double quotes); throws
 * EmlInputError naming `where` for a line break, a control character or an invalid address.
 */
export function parseMailbox(value: string, where: string): Mailbox {
  checkHeaderText(value, where);
  const trimmed = value.trim();
  const named = displayNameForm(trimmed);
  const address = (named ? named.address : trimmed).trim();
  if (address === '') throw new EmlInputError(`${where} is empty: give an email address like ana@contoso.example.`);
  checkAddress(address, where);
  return { name: named ? named.name.trim().replace(/^"(.*)"$/s, '$1') : '', address };
}

/**
 * `Name <address>`: the text ends with ">", and the address is what lies between it and the last "<", with no "<" or
 * ">" inside. Found by index: the pattern /^(.*?)\s*<([^<>]*)>$/s tried every split of a run of spaces (a 40 KB
 * address took seconds).
 */
function displayNameForm(text: string): { name: string; address: string } | undefined {
  if (!text.endsWith('>')) return undefined;
  const open = text.lastIndexOf('<');
  const address = text.slice(open + 1, -1);
  if (open < 0 || address.includes('>')) return undefined;
  return { name: text.slice(0, open), address };
}

/** `name <address>`, the address on a folded line of its own when the name's last line leaves no room for it. */
function formatMailbox({ name, address }: Mailbox): string {
  if (name === '') return address;
  const phrase = displayName(name);
  const lastLine = phrase.slice(phrase.lastIndexOf('\n') + 1);
  const fits = MAILBOX_HEADER_NAME_ROOM + lastLine.length + ` <${address}>`.length <= PLAIN_HEADER_LINE;
  return `${phrase}${fits ? ' ' : `${CRLF} `}<${address}>`;
}

function mailboxList(values: readonly string[], header: string): string {
  return values.map((value, index) => formatMailbox(parseMailbox(value, values.length === 1 ? `The ${header} address` : `${header} address ${index + 1}`))).join(`,${CRLF} `);
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** RFC 5322 § 3.3 date-time in UTC, e.g. `Mon, 03 Jun 2024 12:00:00 +0000`. */
function rfc5322Date(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new EmlInputError('The Date is not a valid date.');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} `
    + `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += BASE64_LINE_LENGTH) lines.push(encoded.slice(start, start + BASE64_LINE_LENGTH));
  return lines.join(CRLF);
}

/**
 * The message as text with CRLF line ends. The HTML part is base64 (lines of 76) after its line breaks are made CRLF,
 * the canonical form of text/* (RFC 2046 § 4.1.1). Throws EmlInputError, naming the header and the problem, for a
 * line break or control character in an address or the subject, an invalid address, or no To address.
 */
export function emlMessage(input: EmlInput): string {
  if (input.to.length === 0) throw new EmlInputError('The message needs at least one To address.');
  checkHeaderText(input.subject, 'The Subject');
  const from = parseMailbox(input.from, 'The From address');
  const headers = [
    'MIME-Version: 1.0',
    `Date: ${rfc5322Date(input.date ?? new Date())}`,
    `From: ${formatMailbox(from)}`,
    `To: ${mailboxList(input.to, 'To')}`,
  ];
  if (input.cc !== undefined && input.cc.length > 0) headers.push(`Cc: ${mailboxList(input.cc, 'Cc')}`);
  headers.push(
    `Subject: ${unstructuredValue(input.subject, 'Subject')}`,
    `Message-ID: <${randomUUID()}@${from.address.slice(from.address.lastIndexOf('@') + 1)}>`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  );
  const canonicalHtml = input.html.replace(/\r\n|\r|\n/g, CRLF);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${base64Lines(canonicalHtml)}${CRLF}`;
}
