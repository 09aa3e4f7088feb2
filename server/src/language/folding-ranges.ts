// Folding of a card's objects, arrays and multi-line comments, as VS Code's JSON support folds them.
import type { FoldingRange, TextDocument } from 'vscode-json-languageservice';
import { structureService, withinStructureLimits } from './structure-service';

/** VS Code's own limit when the client names none: more ranges than anyone unfolds by hand. */
export const DEFAULT_FOLDING_RANGE_LIMIT = 5000;

/** The folding ranges of `document`, at most `rangeLimit` of them; none past the structure limits. */
export function cardFoldingRanges(document: TextDocument, rangeLimit = DEFAULT_FOLDING_RANGE_LIMIT): FoldingRange[] {
  return withinStructureLimits(document) ? structureService.getFoldingRanges(document, { rangeLimit }) : [];
}
