// Completion, hover and quick fixes on a card of more than 5 MB, over stdio with the real server: each answers, from
// the parse the server keeps for the document's version, and answers again after an edit (a new version).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, editedText, positionAt, uriOf, type CompletionItem, type Diagnostic } from './lsp-client';

interface Hover { contents: { kind: string; value: string } }

const MIN_BYTES = 5 * 1024 * 1024;

/** A 1.0 card of more than 5 MB: many containers of text and inputs, and one Action.Submit (AM030) at the end. */
function largeCard(): string {
  const body: unknown[] = [{ type: 'TextBlock', text: 'Pending approvals', weight: 'bolder' }];
  let text = '';
  for (let i = 0; text.length < MIN_BYTES; i += 1000) {
    for (let j = i; j < i + 1000; j++) {
      body.push({
        type: 'Container',
        items: [
          { type: 'TextBlock', text: `Expense report ${j} from the travel budget of the quarter`, wrap: true },
          { type: 'Input.Text', id: `comment${j}`, placeholder: 'Comment', isMultiline: true },
          { type: 'Input.Date', id: `due${j}`, placeholder: 'Due date' },
        ],
      });
    }
    text = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body, actions: [{ type: 'Action.Submit', title: 'Send' }] }, null, 2);
  }
  return text;
}

describe('lsp: language features on a card over 5 MB', () => {
  let client: LspClient;
  const uri = uriOf('large.card.json');
  let text: string;
  let diagnostics: Diagnostic[];
  before(async () => {
    client = await LspClient.start({ settings: {}, timeoutMs: 120_000 });
    text = largeCard();
    assert.ok(text.length > MIN_BYTES, `${text.length} characters`);
    diagnostics = await client.openAndWait(uri, text);
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('completes a property name of the last element', async () => {
    const offset = text.lastIndexOf('"placeholder"') + 1;
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('isRequired') || labels.includes('label'), labels.join());
  });

  it('completes an element type at the end of the card for its version', async () => {
    const offset = text.lastIndexOf('"Input.Date"') + 1;
    const labels = (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) })).map((item) => item.label);
    assert.ok(labels.includes('"Input.Text"'), labels.join());
    assert.ok(!labels.includes('"Action.Execute"'), 'an action type is no element');
  });

  it('shows the schema documentation of a property on hover', async () => {
    const offset = text.lastIndexOf('"isMultiline"') + 2;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });
    assert.ok(hover !== null && /line/i.test(hover.contents.value), JSON.stringify(hover));
  });

  it('offers the quick fixes of Action.Submit, whose edit posts the inputs', async () => {
    const submit = diagnostics.filter((diagnostic) => diagnostic.code === 'AM030');
    assert.equal(submit.length, 1, diagnostics.map((d) => d.code).join());
    const actions = await client.codeActions(uri, submit);
    const http = actions.find((action) => action.title.includes('Action.Http'));
    assert.ok(http, actions.map((action) => action.title).join());
    assert.ok(editedText(text, uri, http).includes('{{due0.value}}'));
  });

  it('answers again after an edit, from the new version', async () => {
    const edited = text.replace('"Pending approvals"', '"Pending approvals today"');
    await client.changeAndWait(uri, edited);
    const offset = edited.lastIndexOf('"isMultiline"') + 2;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(edited, offset) });
    assert.ok(hover !== null && /line/i.test(hover.contents.value), JSON.stringify(hover));
  });
});
