// The editor's features on top of the rules: completion, hover, quick fixes, edits, findings carried over while a
// document is invalid, and which documents are cards. Imports card/, rules/ and settings/.
export { carryOver } from './carry-over';
export { ORIGINATOR_PLACEHOLDER, quickFixes } from './code-actions';
export { type CompletionEntry } from './completion-entry';
export { looksLikeCard, matchesCardFiles } from './document-selector';
export { complete, hover } from './language-features';
export { withoutTabStops } from './snippets/snippet-syntax';
