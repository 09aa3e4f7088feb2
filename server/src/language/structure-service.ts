// What VS Code's JSON support gives every .json file and needs no schema: formatting, folding, selection ranges and
// symbols, from vscode-json-languageservice, for the card language whose files VS Code's JSON support no longer sees.
import { getLanguageService, type JSONDocument, type TextDocument } from 'vscode-json-languageservice';
import { parseForService } from './json-service-parse';
import { beyondLanguageFeatureLimits } from './language-features';

export const structureService = getLanguageService({});

/**
 * Whether the structure features answer for `document`: within the limits that completion and hover keep, as the
 * service recurses per nesting level and formatting repeats the indentation of every level on every line.
 */
export function withinStructureLimits(document: TextDocument): boolean {
  return !beyondLanguageFeatureLimits(document.getText());
}

/** The service's parse of `document`, or undefined past the limits. */
export function parsedWithinLimits(document: TextDocument): JSONDocument | undefined {
  return withinStructureLimits(document) ? parseForService(structureService, document) : undefined;
}
