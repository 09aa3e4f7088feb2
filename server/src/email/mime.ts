// Just enough MIME (RFC 2045/2046) to find the HTML of an email: headers with folding, multipart bodies (nested, and
// forwarded message/rfc822 parts), quoted-printable and base64 transfer encodings, and the part's charset.
// Written here rather than taken from postal-mime or mailparser because both parse asynchronously, and the email
// extraction is synchronous; mailparser also brings nodemailer and html-to-text, which nothing else needs.

/** Multipart nesting deeper than this is not followed: real mail nests three or four levels. */
const MAX_NESTING = 32;

interface Headers {
  readonly fields: ReadonlyMap<string, string>;
  readonly body: string;
}

interface ContentType {
  readonly mediaType: string;
  readonly parameters: ReadonlyMap<string, string>;
}

const HEADER_LINE = /^[!-9;-~]+:/;
const CONTINUATION_LINE = /^[ \t]/;

/** The header block ends at the first empty line; a message without one is all headers. */
function splitHeaders(message: string): { headerLines: string[]; body: string } {
  const noHeaders = /^\r?\n/.exec(message);
  if (noHeaders) return { headerLines: [], body: message.slice(noHeaders[0].length) };
  const end = /\r?\n\r?\n/.exec(message);
  const head = end ? message.slice(0, end.index) : message;
  return { headerLines: head.split(/\r?\n/), body: end ? message.slice(end.index + end[0].length) : '' };
}

/**
 * Whether `text` starts like an RFC 5322 message: a header block (fields and folded continuation lines) that names
 * a MIME or mail header, then an empty line.
 */
export function looksLikeMimeMessage(text: string): boolean {
  if (!/\r?\n\r?\n/.test(text)) return false;
  const { headerLines } = splitHeaders(text.replace(/^\uFEFF/, ''));
  if (!headerLines.every((line, index) => HEADER_LINE.test(line) || (index > 0 && CONTINUATION_LINE.test(line)))) return false;
  return headerLines.some((line) => /^(mime-version|content-type|from|to|subject|date|received|message-id|return-path):/i.test(line));
}

function parseHeaders(message: string): Headers {
  const { headerLines, body } = splitHeaders(message);
  const fields = new Map<string, string>();
  let current: string | undefined;
  for (const line of headerLines) {
    if (CONTINUATION_LINE.test(line) && current !== undefined) {
      fields.set(current, `${fields.get(current)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins; a later duplicate Content-Type is malformed mail.
    if (!fields.has(current)) fields.set(current, line.slice(colon + 1).trim());
    else current = undefined;
  }
  return { fields, body };
}

/** `type/subtype; name=value; name="quoted value"` (RFC 2045 § 5.1); the type defaults to text/plain. */
function parseContentType(value: string | undefined): ContentType {
  const parameters = new Map<string, string>();
  if (value === undefined) return { mediaType: 'text/plain', parameters };
  const [mediaType = '', ...rest] = value.split(';');
  const parameter = /^\s*([^=\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/;
  for (const part of splitParameters(rest.join(';'))) {
    const match = parameter.exec(part);
    if (match) parameters.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!);
  }
  return { mediaType: mediaType.trim().toLowerCase() || 'text/plain', parameters: joinContinuations(parameters) };
}

/** `%XX` escapes of an RFC 2231 extended value; the first section's `charset'language'` prefix is dropped. */
function decodeExtended(value: string, first: boolean): string {
  const text = first ? value.slice(value.indexOf("'", value.indexOf("'") + 1) + 1) : value;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * RFC 2231 § 3–4: a long value split as `name*0`, `name*1`, … (and `name*0*` for %-encoded sections) is one
 * parameter `name`; a parameter written whole wins.
 */
function joinContinuations(parameters: Map<string, string>): Map<string, string> {
  const sections = new Map<string, { index: number; value: string }[]>();
  for (const [key, value] of parameters) {
    const match = /^([^*]+)\*(\d+)?(\*)?$/.exec(key);
    if (!match) continue;
    // `name*` alone is one %-encoded section; `name*N*` one of several.
    const extended = match[2] === undefined || match[3] !== undefined;
    const index = match[2] === undefined ? 0 : Number(match[2]);
    const list = sections.get(match[1]!) ?? [];
    list.push({ index, value: extended ? decodeExtended(value, index === 0) : value });
    sections.set(match[1]!, list);
  }
  for (const [name, list] of sections) {
    if (!parameters.has(name)) parameters.set(name, list.sort((a, b) => a.index - b.index).map((section) => section.value).join(''));
  }
  return parameters;
}

/** Splits parameters at semicolons outside quoted strings (a boundary may contain ';'). */
function splitParameters(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\\' && quoted) {
      current += character + (text[index + 1] ?? '');
      index++;
      continue;
    }
    if (character === '"') quoted = !quoted;
    if (character === ';' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  parts.push(current);
  return parts;
}

/** Whether `line` is `--boundary` or `--boundary--`, then optional blanks: 'part', 'close', or undefined. */
function delimiterKind(line: string, boundary: string): 'part' | 'close' | undefined {
  if (!line.startsWith('--') || !line.startsWith(boundary, 2)) return undefined;
  const rest = withoutTrailingBlanks(line.slice(2 + boundary.length));
  return rest === '' ? 'part' : rest === '--' ? 'close' : undefined;
}

/**
 * The body parts between `--boundary` delimiter lines, up to the closing `--boundary--` (RFC 2046 § 5.1.1). A scan
 * of lines, not a pattern built from the boundary: a boundary of any length is only compared.
 */
function multipartBodies(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let start: number | undefined;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const kind = delimiterKind(body.slice(lineStart, lineEnd).replace(/\r$/, ''), boundary);
    if (kind !== undefined) {
      // The line break before a delimiter belongs to the delimiter.
      if (start !== undefined) parts.push(body.slice(start, Math.max(start, lineStart - (body[lineStart - 2] === '\r' ? 2 : 1))));
      if (kind === 'close') return parts;
      start = newline === -1 ? body.length : newline + 1;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (start !== undefined) parts.push(body.slice(start));
  return parts;
}

function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** Bytes of a quoted-printable body (RFC 2045 § 6.7): =XX escapes, soft line breaks; other characters as UTF-8. */
function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const lines = text.split(/\r?\n/).map(withoutTrailingBlanks);
  const unfolded = lines.map((line, index) => {
    if (line.endsWith('=')) return line.slice(0, -1);
    return index < lines.length - 1 ? `${line}\r\n` : line;
  }).join('');
  for (let index = 0; index < unfolded.length; index++) {
    const character = unfolded[index]!;
    const hex = character === '=' ? unfolded.slice(index + 1, index + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      const code = character.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else bytes.push(...encoder.encode(character));
    }
  }
  return Uint8Array.from(bytes);
}

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the best guess for card JSON and keeps ASCII intact.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeBody(body: string, transferEncoding: string | undefined, charset: string | undefined): string {
  switch (transferEncoding?.trim().toLowerCase()) {
    case 'base64':
      return decodeText(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset);
    case 'quoted-printable':
      return decodeText(decodeQuotedPrintable(body), charset);
    default:
      // 7bit, 8bit and binary bodies are already text: the file was read as UTF-8.
      return body;
  }
}

function collectHtmlParts(entity: string, depth: number, found: string[]): void {
  const { fields, body } = parseHeaders(entity);
  const contentType = parseContentType(fields.get('content-type'));
  const transferEncoding = fields.get('content-transfer-encoding');
  if (contentType.mediaType.startsWith('multipart/')) {
    const boundary = contentType.parameters.get('boundary');
    if (boundary === undefined || depth >= MAX_NESTING) return;
    for (const part of multipartBodies(body, boundary)) collectHtmlParts(part, depth + 1, found);
  } else if (contentType.mediaType === 'message/rfc822') {
    if (depth < MAX_NESTING) collectHtmlParts(decodeBody(body, transferEncoding, 'utf-8'), depth + 1, found);
  } else if (contentType.mediaType === 'text/html') {
    found.push(decodeBody(body, transferEncoding, contentType.parameters.get('charset')));
  }
}

/** The decoded text of every text/html part of a MIME message, in message order. */
export function htmlPartsOfMessage(message: string): string[] {
  const found: string[] = [];
  collectHtmlParts(message.replace(/^\uFEFF/, ''), 0, found);
  return found;
}
