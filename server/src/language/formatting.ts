// Format Document and Format Selection for cards, with the editor's indentation.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Range, TextDocument, TextEdit } from 'vscode-json-languageservice';
import { structureService, withinStructureLimits } from './structure-service';

/** The editor's formatting options that JSON formatting follows (LSP FormattingOptions carries these). */
export interface IndentationOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
  readonly insertFinalNewline?: boolean;
}

/**
 * Formatting writes every line's indentation anew, so its work grows with lines times depth: half a megabyte of
 * nested brackets would take a minute. Past this many indentation characters nothing is formatted; a generated card
 * of a megabyte needs a few hundred thousand.
 */
export const FORMATTING_MAX_INDENTATION = 4_000_000;

/**
 * Whether formatting would write more than `maxIndentation` indentation characters: each bracket and comma starts a
 * line indented by the brackets around it. Stops counting at the limit.
 */
export function indentationExceeds(text: string, indentWidth: number, maxIndentation: number): boolean {
  const maxLevels = maxIndentation / indentWidth;
  const scanner = createScanner(text, true);
  let depth = 0;
  let levels = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
    else if (token !== SyntaxKind.OpenBraceToken && token !== SyntaxKind.OpenBracketToken && token !== SyntaxKind.CommaToken) continue;
    levels += depth;
    if (levels > maxLevels) return true;
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
  }
  return false;
}

/** The edits that format `range` of `document` (all of it when undefined); none past the structure limits. */
export function formatCard(document: TextDocument, range: Range | undefined, options: IndentationOptions): TextEdit[] {
  const { tabSize, insertSpaces, insertFinalNewline = false } = options;
  const indentWidth = insertSpaces ? Math.max(1, tabSize) : 1;
  if (!withinStructureLimits(document) || indentationExceeds(document.getText(), indentWidth, FORMATTING_MAX_INDENTATION)) return [];
  return structureService.format(document, range, { tabSize, insertSpaces, insertFinalNewline });
}
