// What VS Code's JSON support gives a .json file, served by our server for cards: formatting, folding, selection
// ranges and symbols, over the wire, for a card sent in the card language and one sent as json.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits, LspClient, positionAt, textIn, uriOf, type Range, type TextEdit } from './lsp-client';

interface FoldingRange { startLine: number; endLine: number; kind?: string }
interface SelectionRange { range: Range; parent?: SelectionRange }
interface DocumentSymbol { name: string; range: Range; children?: DocumentSymbol[] }

const CARD = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }], actions: [{ type: 'Action.Http', title: 'Go' }] };
const UNFORMATTED = JSON.stringify(CARD);
/** Two spaces per level, as JSON.stringify writes it: lines 3-8 are the body array, 4-7 its TextBlock. */
const FORMATTED = JSON.stringify(CARD, null, 2);
const STRUCTURE_METHODS = ['textDocument/formatting', 'textDocument/rangeFormatting', 'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/documentSymbol'];

/** The ranges of a selection range chain, innermost first. */
function chain(selection: SelectionRange | undefined): Range[] {
  const ranges: Range[] = [];
  for (let current = selection; current !== undefined; current = current.parent) ranges.push(current.range);
  return ranges;
}

describe('lsp: formatting, folding, selection ranges and symbols of cards', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  const format = (uri: string, options: { tabSize: number; insertSpaces: boolean }) =>
    client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });

  // A name that no `actionableMessages.files` glob matches: the card language alone makes it a card.
  for (const [languageId, fileName] of [['adaptive-card', 'structure-language.json'], ['json', 'structure-named.card.json']] as const) {
    describe(`a card sent as ${languageId}`, () => {
      const uri = uriOf(fileName);
      before(async () => { await client.openAndWait(uri, UNFORMATTED, languageId); });

      it('formats the document with the editor\'s tab size and spaces or tabs', async () => {
        assert.equal(applyTextEdits(UNFORMATTED, (await format(uri, { tabSize: 2, insertSpaces: true }))!), FORMATTED);
        assert.equal(applyTextEdits(UNFORMATTED, (await format(uri, { tabSize: 4, insertSpaces: true }))!), JSON.stringify(CARD, null, 4));
        assert.equal(applyTextEdits(UNFORMATTED, (await format(uri, { tabSize: 4, insertSpaces: false }))!), JSON.stringify(CARD, null, '\t'));
      });

      it('formats a range and leaves the rest of the document as it is', async () => {
        const text = '{\n  "type": "AdaptiveCard",\n  "version":"1.0",\n  "body": [{"type":"TextBlock","text":"Hi"}]\n}';
        const rangeUri = uriOf(`range-${fileName}`);
        await client.openAndWait(rangeUri, text, languageId);
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } };
        const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: rangeUri }, range, options: { tabSize: 2, insertSpaces: true } });
        assert.equal(applyTextEdits(text, edits), text.replace('"version":"1.0"', '"version": "1.0"'));
        await client.close(rangeUri);
      });

      it('folds objects and arrays from their opening line to the line before their end', async () => {
        await client.changeAndWait(uri, FORMATTED);
        const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const lines = ranges.map((range) => `${range.startLine}-${range.endLine}`).sort();
        assert.deepEqual(lines, ['0-14', '10-12', '3-7', '4-6', '9-13']);
        assert.equal(ranges.find((range) => range.startLine === 3)?.kind, 'array');
      });

      it('expands the selection from a value to its property, object, array and the card', async () => {
        await client.changeAndWait(uri, FORMATTED);
        const position = positionAt(FORMATTED, FORMATTED.indexOf('TextBlock') + 2);
        const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [position] });
        const texts = chain(selection).map((range) => textIn(FORMATTED, range));
        assert.equal(texts[0], 'TextBlock');
        assert.ok(texts.includes('"TextBlock"'), texts.join(' | '));
        assert.ok(texts.includes('"type": "TextBlock"'), texts.join(' | '));
        assert.ok(texts.includes(JSON.stringify(CARD.body[0], null, 2).replace(/\n/g, '\n    ')), 'the TextBlock object');
        assert.ok(texts.some((text) => text.startsWith('"body": [')), 'the body property');
        assert.equal(texts[texts.length - 1], FORMATTED);
      });

      it('lists the card\'s properties and array items as a symbol tree for the Outline', async () => {
        await client.changeAndWait(uri, FORMATTED);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepEqual(symbols.map((symbol) => symbol.name), ['type', 'version', 'body', 'actions']);
        const body = symbols.find((symbol) => symbol.name === 'body')!;
        assert.equal(body.range.start.line, 3);
        assert.deepEqual(body.children?.[0]?.children?.map((symbol) => symbol.name), ['type', 'text']);
      });
    });
  }

  it('validates a document sent in the card language whatever its name and content', async () => {
    const diagnostics = await client.openAndWait(uriOf('structure-empty.json'), '{}', 'adaptive-card');
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'actionable-messages' && typeof diagnostic.code === 'string'));
  });

  it('leaves JSON that is no card to the editor\'s JSON support', async () => {
    const uri = uriOf('structure-package.json');
    const text = '{"name":"x","version":"1.0.0"}';
    await client.open(uri, text, 'json');
    assert.deepEqual(await format(uri, { tabSize: 2, insertSpaces: true }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 3 }] }), null);
  });

  it('answers a 10,000-deep card with nothing (the 10 MB case: test/unit/structure-features.test.ts)', async () => {
    const uri = uriOf('structure-deep.json');
    await client.open(uri, `{"type": "AdaptiveCard", "body": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'adaptive-card');
    assert.deepEqual(await format(uri, { tabSize: 2, insertSpaces: true }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 3 }] }), null);
    await client.close(uri);
  });

  it('announces the features for every document it is sent when the client cannot register them per language', () => {
    for (const provider of ['documentFormattingProvider', 'documentRangeFormattingProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'documentSymbolProvider']) {
      assert.equal(client.serverCapabilities[provider], true, provider);
    }
    assert.deepEqual(client.registrations.filter((registration) => STRUCTURE_METHODS.includes(registration.method)), []);
  });
});

describe('lsp: structure features registered for the card language only', () => {
  it('registers them for adaptive-card documents when the client allows, so JSON files keep one formatter and Outline', async () => {
    const dynamic = { dynamicRegistration: true };
    const client = await LspClient.start({
      settings: {},
      textDocumentCapabilities: { formatting: dynamic, rangeFormatting: dynamic, foldingRange: dynamic, selectionRange: dynamic, documentSymbol: dynamic },
    });
    try {
      // A request answered after `initialized` was handled: the registration was sent before it.
      await client.openAndWait(uriOf('structure-dynamic.card.json'), UNFORMATTED, 'adaptive-card');
      const structure = client.registrations.filter((registration) => STRUCTURE_METHODS.includes(registration.method));
      assert.deepEqual(structure.map((registration) => registration.method).sort(), [...STRUCTURE_METHODS].sort());
      for (const registration of structure) assert.deepEqual(registration.registerOptions?.documentSelector, [{ language: 'adaptive-card' }]);
      for (const provider of ['documentFormattingProvider', 'foldingRangeProvider', 'documentSymbolProvider']) assert.equal(client.serverCapabilities[provider], undefined, provider);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
