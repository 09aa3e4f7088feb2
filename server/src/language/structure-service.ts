// What VS Code's JSON support gives every .json file and needs no schema: formatting, folding, selection ranges and
// symbols, from vscode-json-languageservice, for the card language whose files VS Code's JSON support no longer sees.
import { getLanguageService, type JSONDocument, type TextDocument } from 'vscode-json-languageservice';
import { parseForService } from './json-service-parse';
import { STRUCTURE_FEATURES_MAX_LENGTH, tooDeepForLanguageFeatures } from './feature-limits';

export const structureService = getLanguageService({});

/** Whether the structure features answer for `document`: within their length and the depth of every feature. */
export function withinStructureLimits(document: TextDocument): boolean {
  const text = document.getText();
  return text.length <= STRUCTURE_FEATURES_MAX_LENGTH && !tooDeepForLanguageFeatures(text);
}

/** The service's parse of `document`, or undefined past the limits. */
export function parsedWithinLimits(document: TextDocument): JSONDocument | undefined {
  return withinStructureLimits(document) ? parseForService(structureService, document) : undefined;
}
