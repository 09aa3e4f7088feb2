// The limits of the structure features (formatting, folding, selection ranges, symbols): huge, deep or
// indentation-heavy documents get nothing at once instead of stalling the editor. Their results are tested over
// LSP (test/lsp/structure.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-json-languageservice';
import { cardDocumentSymbols, cardFoldingRanges, cardSelectionRanges, formatCard } from '../../server/src/language';
import { FORMATTING_MAX_INDENTATION, indentationExceeds } from '../../server/src/language/formatting';
import { LANGUAGE_FEATURES_MAX_DEPTH, STRUCTURE_FEATURES_MAX_LENGTH } from '../../server/src/language/feature-limits';

const documentOf = (text: string) => TextDocument.create('test://card.json', 'json', 0, text);
const SPACES_2 = { tabSize: 2, insertSpaces: true };

/** A card whose body nests `levels` arrays, one bracket a line (so that each array folds). */
function nested(levels: number): string {
  return `{"type": "AdaptiveCard", "body":\n${'[\n'.repeat(levels)}${']\n'.repeat(levels)}}`;
}

function answers(text: string): { format: number; folding: number; selection: boolean; symbols: number } {
  const document = documentOf(text);
  return {
    format: formatCard(document, undefined, SPACES_2).length,
    folding: cardFoldingRanges(document).length,
    selection: cardSelectionRanges(document, [{ line: 0, character: 3 }]) !== undefined,
    symbols: cardDocumentSymbols(document).length,
  };
}

describe('structure features: limits', () => {
  it('answer up to the nesting limit of completion and hover, and give nothing past it', () => {
    const within = answers(nested(LANGUAGE_FEATURES_MAX_DEPTH - 1));
    assert.ok(within.format > 0 && within.folding > 0 && within.selection && within.symbols > 0, JSON.stringify(within));
    assert.deepEqual(answers(nested(LANGUAGE_FEATURES_MAX_DEPTH + 1)), { format: 0, folding: 0, selection: false, symbols: 0 });
    assert.deepEqual(answers(nested(10_000)), { format: 0, folding: 0, selection: false, symbols: 0 });
  });

  it('give nothing for a 10 MB card', () => {
    const body = Array.from({ length: 300_000 }, (_, i) => ({ type: 'TextBlock', text: `line ${i}` }));
    const huge = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body }, null, 1);
    assert.ok(huge.length > 10_000_000 && huge.length > STRUCTURE_FEATURES_MAX_LENGTH);
    assert.deepEqual(answers(huge), { format: 0, folding: 0, selection: false, symbols: 0 });
  });

  it('count the indentation formatting would write: one level per enclosing bracket, per bracket and comma outside strings', () => {
    // { at 0, [ at 1, "," at 2, ] at 1, } at 0: four levels.
    assert.ok(indentationExceeds('{"a": [1, 2]}', 1, 3));
    assert.ok(!indentationExceeds('{"a": [1, 2]}', 1, 4));
    assert.ok(indentationExceeds('{"a": [1, 2]}', 4, 15), 'four spaces per level');
    assert.ok(!indentationExceeds('{"a": "[[[,,,\\"[[["}', 1, 0), 'brackets, commas and escaped quotes in strings do not count');
  });

  it('format nothing when the indentation to write is past its limit, within the length and depth limits', () => {
    const group = `${'['.repeat(LANGUAGE_FEATURES_MAX_DEPTH - 2)}${']'.repeat(LANGUAGE_FEATURES_MAX_DEPTH - 2)},`;
    const brackets = `[${group.repeat(Math.floor((STRUCTURE_FEATURES_MAX_LENGTH - 16) / group.length))}0]`;
    assert.ok(brackets.length <= STRUCTURE_FEATURES_MAX_LENGTH);
    assert.ok(indentationExceeds(brackets, 2, FORMATTING_MAX_INDENTATION));
    assert.deepEqual(formatCard(documentOf(brackets), undefined, SPACES_2), []);
    assert.ok(cardSelectionRanges(documentOf(brackets), [{ line: 0, character: 3 }]) !== undefined, 'the other features have no such cost and still answer');
  });
});
