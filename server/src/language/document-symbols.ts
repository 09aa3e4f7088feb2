// The Outline and breadcrumbs of a card: its properties and array items as a tree of symbols.
import type { DocumentSymbol, TextDocument } from 'vscode-json-languageservice';
import { parsedWithinLimits, structureService } from './structure-service';

/** VS Code's JSON support shows at most this many symbols too: a longer Outline is no overview. */
export const DOCUMENT_SYMBOL_LIMIT = 5000;

/** The symbol tree of `document`, at most DOCUMENT_SYMBOL_LIMIT symbols; none past the structure limits. */
export function cardDocumentSymbols(document: TextDocument): DocumentSymbol[] {
  const parsed = parsedWithinLimits(document);
  return parsed === undefined ? [] : structureService.findDocumentSymbols2(document, parsed, { resultLimit: DOCUMENT_SYMBOL_LIMIT });
}
