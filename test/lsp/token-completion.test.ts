// Completion of {{id.value}} input tokens over the wire: after "{{" in an Action.Http url, body or header value, one
// proposal per input a token can name, whether "{" triggered it or the user asked (Ctrl+Space).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits, LspClient, positionAt, uriOf, type CompletionItem, type TextEdit } from './lsp-client';

const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [
    { type: 'TextBlock', text: 'Say {{' },
    { type: 'Input.Text', id: 'comment', label: 'Comment' },
    { type: 'Input.Date', id: 'dueDate', label: 'Due' },
    { type: 'Input.Text', id: 'not substitutable', label: 'Spaces' },
    { type: 'Input.Text', id: 'comment', label: 'Twice' },
  ],
  actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/x?c={{', body: '{"c": "{{comm}}", "d": "{{done.value}} {{"}', headers: [{ name: 'X', value: 'id {{d' }] }],
};
const TEXT = JSON.stringify(CARD, null, 2);
const URI = uriOf('token-completion.card.json');

/** The position right after the `occurrence`-th `needle` of TEXT, or `back` characters before that. */
function at(needle: string, back = 0, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) offset = TEXT.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is in the card`);
  return positionAt(TEXT, offset + needle.length - back);
}

describe('lsp: completion of {{id.value}} input tokens', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: {} });
    await client.openAndWait(URI, TEXT, 'json');
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  const complete = (position: { line: number; character: number }, triggerCharacter?: string) =>
    client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: URI }, position, context: triggerCharacter === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter },
    });

  it('offers each input a token can name, once, in document order, when the second "{" of a url\'s "{{" is typed', async () => {
    const items = await complete(at('x?c={{'), '{');
    assert.deepEqual(items.map((item) => item.label), ['{{comment.value}}', '{{dueDate.value}}']);
    assert.match(items[1]!.detail ?? '', /Input\.Date "dueDate"/);
    const edited = applyTextEdits(TEXT, [items[0]!.textEdit as TextEdit]);
    assert.equal((JSON.parse(edited) as typeof CARD).actions[0]!.url, 'https://api.contoso.example/x?c={{comment.value}}');
  });

  it('replaces a name begun after "{{" and the "}}" after the cursor, in the body', async () => {
    const items = await complete(at('{{comm'));
    const edited = applyTextEdits(TEXT, [items.find((item) => item.label === '{{comment.value}}')!.textEdit as TextEdit]);
    assert.equal((JSON.parse(edited) as typeof CARD).actions[0]!.body, '{"c": "{{comment.value}}", "d": "{{done.value}} {{"}');
  });

  it('offers them in a header value, and after a closed token in the same string', async () => {
    assert.equal((await complete(at('id {{d'))).length, 2);
    assert.equal((await complete(at('{{done.value}} {{'))).length, 2);
  });

  it('offers none after a closed token, outside the places Outlook substitutes, and for a "{" that starts an object', async () => {
    assert.deepEqual(await complete(at('{{done.value}}'), '{'), []);
    assert.deepEqual(await complete(at('Say {{'), '{'), []);
    assert.ok(!(await complete(at('Say {{'))).some((item) => item.label.startsWith('{{')));
    assert.deepEqual(await complete(at('"body": [', 0), '{'), []);
  });
});
