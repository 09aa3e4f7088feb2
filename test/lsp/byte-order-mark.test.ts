// A client may send a file saved as "UTF-8 with BOM" with U+FEFF as its first character. The server reads it as
// the start of the text, not as a syntax error, and its positions count it as the client's do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits, LspClient, positionAt, textIn, uriOf, type CodeAction, type Diagnostic, type Range, type TextEdit } from './lsp-client';

const BOM = '\uFEFF';
const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** AM010 on "AdaptiveCard" (line 1) and AM030 on "Action.Submit" (line 9) without a BOM. */
const SUBMIT_CARD = pretty({
  type: 'AdaptiveCard', version: '1.0',
  body: [{ type: 'TextBlock', text: 'Hi' }],
  actions: [{ type: 'Action.Submit', title: 'Send' }],
});

interface Hover { contents: { kind: string; value: string }; range?: Range }

/** Code, covered text and range of each diagnostic, sorted by code. */
function described(text: string, diagnostics: readonly Diagnostic[]): { code: string; covers: string; range: Range }[] {
  return diagnostics
    .map((d) => ({ code: String(d.code), covers: textIn(text, d.range), range: d.range }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

describe('lsp: a document that starts with a byte order mark', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('gets the findings of the same text without it, no syntax error, at the same places', async () => {
    const plain = described(SUBMIT_CARD, await client.openAndWait(uriOf('bom-plain.card.json'), SUBMIT_CARD));
    const text = BOM + SUBMIT_CARD;
    const withBom = described(text, await client.openAndWait(uriOf('bom.card.json'), text));
    assert.deepEqual(withBom.map((d) => d.code), ['AM010', 'AM030']);
    // The BOM sits on line 0 only, so the findings on later lines keep their positions exactly.
    assert.deepEqual(withBom, plain);
  });

  it('counts the BOM in positions on its own line', async () => {
    const line = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: 'contoso', body: [{ type: 'TextBlock', text: 'Hi' }] });
    const text = BOM + line;
    const [am012, ...others] = await client.openAndWait(uriOf('bom-line.card.json'), text);
    assert.deepEqual(others, []);
    assert.equal(am012!.code, 'AM012');
    assert.equal(textIn(text, am012!.range), '"contoso"');
    assert.equal(am012!.range.start.character, line.indexOf('"contoso"') + 1);
  });

  it('reports a real syntax error where it is, not at the BOM', async () => {
    const text = `${BOM}{"type": "AdaptiveCard",}`;
    const [syntax] = await client.openAndWait(uriOf('bom-syntax.card.json'), text);
    assert.equal(syntax!.code, 'syntax');
    assert.equal(textIn(text, syntax!.range), '}');
  });

  it('recognises a .json file as a card by its content', async () => {
    const text = BOM + SUBMIT_CARD;
    const diagnostics = await client.openAndWait(uriOf('bom-alert.json'), text);
    assert.deepEqual(diagnostics.map((d) => String(d.code)).sort(), ['AM010', 'AM030']);
  });

  it('applies a quick fix at the right place, and the card is then clean', async () => {
    const uri = uriOf('bom-fix.card.json');
    const text = BOM + pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }], actions: [{ type: 'Action.Submit', title: 'Send' }] });
    const diagnostics = await client.openAndWait(uri, text);
    const actions = await client.codeActions(uri, diagnostics.filter((d) => d.code === 'AM030'));
    const http = actions.find((action: CodeAction) => /Action\.Http/.test(action.title));
    assert.ok(http, `an Action.Http fix among ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyTextEdits(text, http.edit!.changes![uri]!);
    assert.ok(fixed.startsWith(BOM), 'the BOM stays');
    assert.equal(JSON.parse(fixed.slice(1)).actions[0].type, 'Action.Http');
    assert.deepEqual(await client.changeAndWait(uri, fixed), []);
  });

  describe('completion, hover and the structure features', () => {
    const uri = uriOf('bom-structure.card.json');
    const line = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }] });
    const text = BOM + line;
    before(async () => { await client.openAndWait(uri, text); });

    it('hovers a property', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf('"version"') + 3) });
      assert.ok(hover, 'a hover over "version"');
      assert.equal(textIn(text, hover.range!), '"version"');
    });

    it('completes a property name', async () => {
      const typing = text.replace('"body"', '"ver');
      const typingUri = uriOf('bom-typing.card.json');
      await client.openAndWait(typingUri, typing);
      const items = await client.request<{ label: string }[] | null>('textDocument/completion', { textDocument: { uri: typingUri }, position: positionAt(typing, typing.indexOf('"ver') + 4) });
      assert.ok(items?.some((item) => item.label === 'hideOriginalBody'), JSON.stringify(items?.map((item) => item.label)));
    });

    it('formats the document, keeping the BOM', async () => {
      const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      assert.equal(applyTextEdits(text, edits), BOM + JSON.stringify(JSON.parse(line), null, 2));
    });

    it('outlines it', async () => {
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((symbol) => symbol.name), ['type', 'version', 'originator', 'body']);
    });
  });
});
