// docs/rules.md § "Input substitution": the `{{id.value}}` input tokens of Action.Http url, body and header values.
// The one grammar the rules (AM046/AM047), the quick fixes and the preview's substitution share.
// syntaxes/card-tokens.injection.json writes it again as a TextMate regex for colouring;
// test/unit/input-tokens.test.ts holds the two to the same strings.
// Text is scanned with indexOf and compared with slices; the one regex is a single character class, which cannot
// backtrack, so no user text meets a backtracking regex.

/** Any character an input id may not have in a token: ids are letters, digits, `_`, `$` and `@`. */
const NOT_ID_CHARACTER = /[^A-Za-z0-9_$@]/g;
/** After the id, in any case (`{{comment.VALUE}}` is substituted too). */
export const VALUE_SUFFIX = '.value';
/** Adaptive Card text functions, `{{DATE(…)}}` / `{{TIME(…)}}`, are not input tokens. */
const TEXT_FUNCTIONS = ['DATE(', 'TIME('];

interface TokenText {
  /** Where the token's `{{` is in the scanned string. */
  readonly offset: number;
  /** The token as written, `{{` to `}}`. */
  readonly text: string;
  /** What the braces enclose. */
  readonly inner: string;
}

/** A `{{…}}` of a string: an input token naming `inputId`, a text function, or neither (which Outlook sends verbatim). */
export type BracedToken =
  | (TokenText & { readonly kind: 'input'; readonly inputId: string })
  | (TokenText & { readonly kind: 'textFunction' | 'other' });

/** Whether a `{{id.value}}` token can name an input of this id (`search` ignores the global flag). */
export function isSubstitutableId(id: string): boolean {
  return id.length > 0 && id.search(NOT_ID_CHARACTER) < 0;
}

/** The id without the characters a token cannot name (empty when none is left). */
export function substitutableIdFrom(id: string): string {
  return id.replace(NOT_ID_CHARACTER, '');
}

/** The token that substitutes the value of the input `id`. */
export function inputToken(id: string): string {
  return `{{${id}${VALUE_SUFFIX}}}`;
}

/** What stands before a `.value` suffix (in any case) between the braces, id or not; undefined without the suffix. */
export function valueReferenceName(inner: string): string | undefined {
  return inner.slice(-VALUE_SUFFIX.length).toLowerCase() === VALUE_SUFFIX ? inner.slice(0, -VALUE_SUFFIX.length) : undefined;
}

/** The id that the text between the braces names, as written, when it is `<id>.value`; undefined otherwise. */
export function inputIdOf(inner: string): string | undefined {
  const name = valueReferenceName(inner);
  return name !== undefined && isSubstitutableId(name) ? name : undefined;
}

function classify(offset: number, text: string, inner: string): BracedToken {
  const inputId = inputIdOf(inner);
  if (inputId !== undefined) return { offset, text, inner, kind: 'input', inputId };
  return { offset, text, inner, kind: TEXT_FUNCTIONS.some((name) => inner.startsWith(name)) ? 'textFunction' : 'other' };
}

/** The `{{…}}` tokens of `value`, left to right: each `{{` up to the first `}}` after it (non-greedy, as docs/rules.md § AM047 says). */
export function bracedTokens(value: string): BracedToken[] {
  const tokens: BracedToken[] = [];
  for (let start = value.indexOf('{{'); start >= 0; ) {
    const end = value.indexOf('}}', start + 2);
    if (end < 0) break;
    tokens.push(classify(start, value.slice(start, end + 2), value.slice(start + 2, end)));
    start = value.indexOf('{{', end + 2);
  }
  return tokens;
}

/** `value` with each `{{…}}` token replaced by `replacementOf(token)`; a token it gives undefined for stays as written. */
export function replaceBracedTokens(value: string, replacementOf: (token: BracedToken) => string | undefined): string {
  let replaced = '';
  let copiedUpTo = 0;
  for (const token of bracedTokens(value)) {
    const replacement = replacementOf(token);
    if (replacement === undefined) continue;
    replaced += value.slice(copiedUpTo, token.offset) + replacement;
    copiedUpTo = token.offset + token.text.length;
  }
  return replaced + value.slice(copiedUpTo);
}

/**
 * `value` with each input token replaced by `valueOf(its id)`, written as it comes (encoding is the caller's);
 * a token whose value is undefined, and every other `{{…}}`, stays as written.
 */
export function substituteInputTokens(value: string, valueOf: (inputId: string) => string | undefined): string {
  return replaceBracedTokens(value, (token) => (token.kind === 'input' ? valueOf(token.inputId) : undefined));
}
