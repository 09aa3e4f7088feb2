// How far the language features go: vscode-json-languageservice recurses per nesting level, so past a depth they
// answer nothing rather than overflow the stack; past a length they answer nothing rather than make the editor wait.
import { findExcessiveNesting } from '../card';

/** Real cards nest a few dozen levels. */
export const LANGUAGE_FEATURES_MAX_DEPTH = 256;
/**
 * Completion, hover and quick fixes read the document parsed once per version (ParsedDocument) and then look at the
 * place asked about only, so their cost per request does not grow with the card. The first request on a version
 * parses the whole text for vscode-json-languageservice, about a second per 5 MB on two cores: 8 MiB is above the
 * 5 MB cards issue 13 asks for and twice the 4 MiB that amcard reads, and a larger document (the robustness suite's
 * 10 MB ones) is no card anyone edits; it gets no completion or hover instead of a wait of seconds per edit.
 */
export const LANGUAGE_FEATURES_MAX_LENGTH = 8 * 1024 * 1024;
/**
 * A card being typed has a few syntax errors at a time. vscode-json-languageservice's parse records each with its
 * line and column, about a microsecond apiece: a text with a million (a megabyte of commas) took 0.7-1.2 s of CPU
 * per version. Past this many, the text is no card being edited and completion and hover answer nothing.
 */
export const LANGUAGE_FEATURES_MAX_SYNTAX_ERRORS = 10_000;
/**
 * Formatting, folding, selection ranges and symbols answer with something for every line or node of the document,
 * and formatting repeats the indentation of every level on every line: past this length they answer nothing, so the
 * editor never waits on a result it would not show. Completion, hover and quick fixes have no length limit: they read
 * the document parsed once per version (ParsedDocument) and look at the place asked about only.
 */
export const STRUCTURE_FEATURES_MAX_LENGTH = 512 * 1024;

export function tooDeepForLanguageFeatures(text: string): boolean {
  return findExcessiveNesting(text, LANGUAGE_FEATURES_MAX_DEPTH) >= 0;
}

/** Whether completion and hover answer nothing for `text`: too long or too deep. */
export function beyondLanguageFeatureLimits(text: string): boolean {
  return text.length > LANGUAGE_FEATURES_MAX_LENGTH || tooDeepForLanguageFeatures(text);
}
