import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * The one guard in front of every parser that recurses once per nesting level: jsonc-parser's `parseTree`, `parse`,
 * `visit` and `getLocation`, and vscode-json-languageservice's parser. It reads the text with the scanner all of
 * them tokenise with (jsonc-parser's `createScanner(text, false)`), so a string, comment, escape or line break ends
 * exactly where theirs does, and a bracket counts only where they see one.
 *
 * Its depth is never below the depth either parser reaches, whatever their error recovery does:
 * - every opening bracket token is counted, also one a parser skips while recovering from an error;
 * - a closing bracket ends a level only when it matches the innermost counted one, which is the only closing
 *   token that ends a parser's level (the parsers skip a mismatched one, as in `[},[},…`);
 * - the parsers read one value and stop, so the count does too once the first value has closed, or when the text
 *   does not begin with a bracket (jsonc-parser skips unknown symbols and comments before it).
 * It counts more than a parser reaches only where that parser skips brackets after a syntax error.
 */

/** Deeper documents are reported instead of parsed: the parsers, and the walks over their trees, recurse per level. */
export const MAX_NESTING_DEPTH = 1000;

/** Tokens jsonc-parser's `visit` reads past before the first value (it reports the unknown symbols and comments). */
const BEFORE_VALUE: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia, SyntaxKind.Unknown,
]);

/** Offset of the bracket that opens level `maxDepth + 1` for the parsers, or -1 when they stay within `maxDepth`. */
export function findExcessiveNesting(text: string, maxDepth = MAX_NESTING_DEPTH): number {
  if (!hasMoreOpeningBrackets(text, maxDepth)) return -1;
  const scanner = createScanner(text, false);
  /** The closing token each open level waits for, innermost last. */
  const closers: SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (closers.length === maxDepth) return scanner.getTokenOffset();
      closers.push(kind === SyntaxKind.OpenBraceToken ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken);
    } else if (closers.length === 0) {
      if (!BEFORE_VALUE.has(kind)) return -1;
    } else if (kind === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return -1;
    }
  }
  return -1;
}

/** Whether the text has more than `count` `{` and `[` characters: fewer cannot nest deeper than `count`. */
function hasMoreOpeningBrackets(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x7b /* { */ || c === 0x5b /* [ */) && ++seen > count) return true;
  }
  return false;
}
