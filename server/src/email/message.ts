// MIME messages (.eml): telling one from other decode input, and reading its HTML body with postal-mime, which
// handles the headers, multipart nesting, forwarded messages, transfer encodings and charsets.
import PostalMime from 'postal-mime';
import { InputError } from '../card';

const HEADER_LINE = /^[!-9;-~]+:/;
const CONTINUATION_LINE = /^[ \t]/;

/** Multipart nesting deeper than this is refused: real mail nests three or four levels. */
const MAX_NESTING = 32;

/** The header lines before the first empty line; a message without one is all headers. */
function headerLines(message: string): string[] {
  if (/^\r?\n/.test(message)) return [];
  const end = /\r?\n\r?\n/.exec(message);
  return (end ? message.slice(0, end.index) : message).split(/\r?\n/);
}

/**
 * Whether `text` starts like an RFC 5322 message: a header block (fields and folded continuation lines) that names
 * a MIME or mail header, then an empty line.
 */
export function looksLikeMimeMessage(text: string): boolean {
  if (!/\r?\n\r?\n/.test(text)) return false;
  const lines = headerLines(text.replace(/^\uFEFF/, ''));
  if (!lines.every((line, index) => HEADER_LINE.test(line) || (index > 0 && CONTINUATION_LINE.test(line)))) return false;
  return lines.some((line) => /^(mime-version|content-type|from|to|subject|date|received|message-id|return-path):/i.test(line));
}

/**
 * A message postal-mime cannot read, such as one nested deeper than MAX_NESTING; the message is postal-mime's
 * reason, and the caller names the input.
 */
export class MimeMessageError extends InputError {
  static override readonly code = 'ERR_MIME_MESSAGE';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function withoutByteOrderMark(message: string | Uint8Array): string | Uint8Array {
  if (typeof message === 'string') return message.replace(/^\uFEFF/, '');
  return UTF8_BOM.every((byte, index) => message[index] === byte) ? message.subarray(UTF8_BOM.length) : message;
}

/**
 * The HTML body of a MIME message, decoded from its transfer encoding and charset: its inline text/html parts
 * (forwarded messages' included) joined in message order. Bytes are read as the message's charsets say; a string
 * is taken as already decoded text.
 */
export async function htmlOfMessage(message: string | Uint8Array): Promise<string> {
  try {
    const email = await PostalMime.parse(withoutByteOrderMark(message), { maxNestingDepth: MAX_NESTING });
    return email.html ?? '';
  } catch (error) {
    throw new MimeMessageError((error as Error).message);
  }
}
