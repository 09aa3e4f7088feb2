// The markup that Outlook shows as plain text in a TextBlock (docs/rules.md § AM074, § AM075), found by scans that
// read each character a bounded number of times. The regexes they replace, /<\s*\/?\s*[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?\s*>/
// and /!\[[^\]]*\]\([^)]*\)/, match the same first occurrence, but retry at every "<" or "![" and scan to the end of
// the text from each, so a long run of "<a " or "![" took seconds.

/** A piece of markup and where it starts in the text. */
export interface Markup {
  readonly index: number;
  readonly text: string;
}

const WHITESPACE = /^\s$/;

/** One character of the regex class \s (tested alone, so nothing can backtrack). */
function isWhitespace(character: string): boolean {
  return WHITESPACE.test(character);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isWhitespace(text[at]!)) at++;
  return at;
}

/**
 * Where the tag opened by the "<" at `open` ends (the index after its ">"), or why not: `retryFrom` is where the next
 * tag can start, the "<" that interrupted this one.
 */
function tagEnd(text: string, open: number): { end: number } | { retryFrom: number } {
  let at = skipWhitespace(text, open + 1);
  if (text[at] === '/') at = skipWhitespace(text, at + 1);
  if (!isAsciiLetter(text.charCodeAt(at))) return { retryFrom: open + 1 };
  at++;
  while (isAsciiLetter(text.charCodeAt(at)) || isAsciiDigit(text.charCodeAt(at))) at++;
  // After the name: ">", "/>" with optional whitespace between, or whitespace and attributes up to the next ">".
  if (text[at] === '>') return { end: at + 1 };
  if (text[at] === '/') {
    const close = skipWhitespace(text, at + 1);
    return text[close] === '>' ? { end: close + 1 } : { retryFrom: open + 1 };
  }
  if (!isWhitespace(text[at] ?? '')) return { retryFrom: open + 1 };
  for (let scan = at + 1; scan < text.length; scan++) {
    if (text[scan] === '>') return { end: scan + 1 };
    if (text[scan] === '<') return { retryFrom: scan };
  }
  return { retryFrom: text.length };
}

/** The first HTML tag (`<b>`, `</b>`, `<br/>`, `<a href="…">`) in `text`. */
export function findHtmlTag(text: string): Markup | undefined {
  for (let open = text.indexOf('<'); open >= 0; ) {
    const found = tagEnd(text, open);
    if ('end' in found) return { index: open, text: text.slice(open, found.end) };
    open = text.indexOf('<', found.retryFrom);
  }
  return undefined;
}

/** The first Markdown image, `![alt](url)`, in `text`: alt text without "]", a URL without ")". */
export function findMarkdownImage(text: string): Markup | undefined {
  for (let start = text.indexOf('!['); start >= 0; ) {
    const altEnd = text.indexOf(']', start + 2);
    if (altEnd < 0) return undefined;
    if (text[altEnd + 1] === '(') {
      const urlEnd = text.indexOf(')', altEnd + 2);
      return urlEnd < 0 ? undefined : { index: start, text: text.slice(start, urlEnd + 1) };
    }
    // Every "![" before this "]" ends its alt text here too, so the next candidate starts after it.
    start = text.indexOf('![', altEnd + 1);
  }
  return undefined;
}
