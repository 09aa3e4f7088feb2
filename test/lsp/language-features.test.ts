// Completion and hover over the wire, for card documents only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits, LspClient, positionAt, textIn, uriOf, type CompletionItem, type Range } from './lsp-client';

interface Hover { contents: { kind: string; value: string }; range?: Range }

const CLASS = 7;
const PROPERTY = 10;
const SNIPPET_FORMAT = 2;

const v10 = '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": ""}], "actions": [{"type": ""}]}';
const v14 = v10.replace('"1.0"', '"1.4"');

describe('lsp: completion and hover', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  const completeAt = (uri: string, text: string, offset: number) =>
    client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });

  it('completes element and action types for the card version, replacing the typed value', async () => {
    const uri = uriOf('complete.card.json');
    await client.openAndWait(uri, v10);
    const actionTypeOffset = v10.lastIndexOf('""') + 1;
    const labels10 = (await completeAt(uri, v10, actionTypeOffset))!.map((item) => item.label);
    assert.ok(labels10.includes('"Action.Http"'), labels10.join());
    assert.ok(!labels10.includes('"Action.Execute"'), 'Action.Execute needs 1.4');
    const elementItems = (await completeAt(uri, v10, v10.indexOf('""') + 1))!;
    const textBlock = elementItems.find((item) => item.label === '"TextBlock"')!;
    assert.equal(textBlock.kind, CLASS);
    assert.equal(textIn(v10, textBlock.textEdit!.range), '""');
    assert.equal(applyTextEdits(v10, [textBlock.textEdit!]), v10.replace('"body": [{"type": ""}]', '"body": [{"type": "TextBlock"}]'));

    await client.changeAndWait(uri, v14);
    const labels14 = (await completeAt(uri, v14, v14.lastIndexOf('""') + 1))!.map((item) => item.label);
    assert.ok(labels14.includes('"Action.Execute"'), labels14.join());
  });

  it('completes property names with markdown documentation, as snippets only for clients that take them', async () => {
    const uri = uriOf('properties.card.json');
    const text = '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", "text": "x", }]}';
    await client.openAndWait(uri, text);
    const items = (await completeAt(uri, text, text.indexOf(', }') + 2))!;
    const wrap = items.find((item) => item.label === 'wrap');
    assert.ok(wrap, items.map((item) => item.label).join());
    assert.equal(wrap.kind, PROPERTY);
    assert.equal(wrap.documentation?.kind, 'markdown');
    assert.notEqual(wrap.insertTextFormat, SNIPPET_FORMAT, 'the test client did not announce snippet support');
    assert.doesNotMatch(wrap.textEdit!.newText, /\$\d|\$\{/);
    assert.match(wrap.textEdit!.newText, /^"wrap": /);
  });

  it('hovers with the schema documentation of a property, over the property name', async () => {
    const uri = uriOf('hover.card.json');
    await client.openAndWait(uri, v10);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(v10, v10.indexOf('"version"') + 3) });
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /1\.4/);
    assert.equal(textIn(v10, hover.range!), '"version"');
  });

  it('offers nothing in JSON documents that are not cards', async () => {
    const uri = uriOf('tsconfig.json');
    const text = '{"compilerOptions": {"type": ""}}';
    await client.open(uri, text);
    assert.deepEqual(await completeAt(uri, text, text.indexOf('""') + 1), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, 3) }), null);
  });
});
