// The editor's features on top of the rules: completion, hover, quick fixes, edits, findings carried over while a
// document is invalid, the wait before validating a change, which documents are cards, the JSON structure
// features (formatting, folding, selection ranges, symbols), and definition, references and rename of element ids.
// Imports card/, rules/ and settings/.
export { carryOver } from './carry-over';
export { ValidationCosts } from './change-debounce';
export { ORIGINATOR_PLACEHOLDER, quickFixes } from './code-actions';
export { type CompletionEntry } from './completion-entry';
export { CARD_LANGUAGE_ID, isDeclaredCard, type CardFileGlobs } from './document-selector';
export { cardDocumentSymbols } from './document-symbols';
export { cardFoldingRanges } from './folding-ranges';
export { formatCard } from './formatting';
export { elementIdUsesAt, invalidNewIdReason, type ElementIdUses, type TextSpan } from './element-ids';
export { complete, hover } from './language-features';
export { ParsedDocument, ParsedDocuments } from './parsed-document';
export { cardSelectionRanges } from './selection-ranges';
export { withoutTabStops } from './snippets/snippet-syntax';
export { inputTokenCompletions } from './token-completion';
