// Expand/Shrink Selection in a card: from a value to its property, its object, the enclosing array, and so on.
import type { Position, SelectionRange, TextDocument } from 'vscode-json-languageservice';
import { parsedWithinLimits, structureService } from './structure-service';

/** One selection range chain per position, or undefined past the structure limits. */
export function cardSelectionRanges(document: TextDocument, positions: Position[]): SelectionRange[] | undefined {
  const parsed = parsedWithinLimits(document);
  return parsed === undefined ? undefined : structureService.getSelectionRanges(document, positions, parsed);
}
