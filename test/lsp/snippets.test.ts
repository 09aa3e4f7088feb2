// Element and action snippets over the wire, from the real server process, to a client that takes snippets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withoutTabStops } from '../../server/src/language/snippets/snippet-syntax';
import { applyTextEdits, LspClient, positionAt, uriOf, type CompletionItem } from './lsp-client';

const SNIPPET_KIND = 15;
const SNIPPET_FORMAT = 2;
const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

function card(version: string, action: object): string {
  return JSON.stringify({
    type: 'AdaptiveCard', version, originator: ORIGINATOR,
    body: [{ type: 'TextBlock', id: 'details', text: 'Details', wrap: true }, { type: 'Input.Text', id: 'comment' }],
    actions: [action],
  }, null, 2);
}

const CARDS: Record<string, string> = {
  '1.0': card('1.0', { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/send', body: '{{comment.value}}' }),
  '1.4': card('1.4', { type: 'Action.Execute', title: 'Send', verb: 'send' }),
};

/** The card with `typed` as a new last line of the array `arrayName`, and the offset after it. */
function typing(text: string, arrayName: 'body' | 'actions', typed: string): { text: string; offset: number } {
  const arrayEnd = text.indexOf('\n  ]', text.indexOf(`"${arrayName}": [`));
  return { text: `${text.slice(0, arrayEnd)},\n    ${typed}${text.slice(arrayEnd)}`, offset: arrayEnd + 6 + typed.length };
}

describe('lsp: element and action snippets', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ snippetSupport: true }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  async function snippetsAt(uri: string, text: string, offset: number): Promise<CompletionItem[]> {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    return items.filter((item) => item.kind === SNIPPET_KIND);
  }

  it('offers Action.Http and not Action.Execute in a 1.0 actions array, the reverse at 1.4; elements in body', async () => {
    const uri = uriOf('snippet-offers.card.json');
    await client.openAndWait(uri, CARDS['1.0']);
    for (const [version, offered, refused] of [['1.0', 'Action.Http', 'Action.Execute'], ['1.4', 'Action.Execute', 'Action.Http']]) {
      const inActions = typing(CARDS[version], 'actions', '');
      await client.changeAndWait(uri, inActions.text);
      const labels = (await snippetsAt(uri, inActions.text, inActions.offset)).map((item) => item.label);
      assert.ok(labels.includes(offered) && !labels.includes(refused), `${version}: ${labels.join()}`);
      assert.ok(!labels.includes('TextBlock') && !labels.includes('Action.Submit'));
      const inBody = typing(CARDS[version], 'body', 'Te');
      await client.changeAndWait(uri, inBody.text);
      const elements = await snippetsAt(uri, inBody.text, inBody.offset);
      const textBlock = elements.find((item) => item.label === 'TextBlock');
      assert.ok(textBlock, elements.map((item) => item.label).join());
      assert.ok(!elements.some((item) => item.label.startsWith('Action.') || item.label === 'Input.Time'));
      assert.equal(textBlock.insertTextFormat, SNIPPET_FORMAT);
      assert.match(textBlock.textEdit!.newText, /\$\{1:Text\}/);
      assert.equal(textBlock.documentation?.kind, 'markdown');
      assert.match(textBlock.documentation!.value, /```json/);
    }
  });

  for (const version of ['1.0', '1.4']) {
    it(`each snippet offered at ${version}, inserted with its defaults, leaves the card without a diagnostic`, async () => {
      const uri = uriOf(`snippet-insert-${version}.card.json`);
      assert.deepEqual(await client.openAndWait(uri, CARDS[version]), []);
      for (const arrayName of ['body', 'actions'] as const) {
        const all = typing(CARDS[version], arrayName, '');
        await client.changeAndWait(uri, all.text);
        const labels = (await snippetsAt(uri, all.text, all.offset)).map((item) => item.label);
        assert.ok(labels.length >= 7, labels.join());
        for (const label of labels) {
          const typed = typing(CARDS[version], arrayName, label.slice(0, 5));
          await client.changeAndWait(uri, typed.text);
          const item = (await snippetsAt(uri, typed.text, typed.offset)).find((candidate) => candidate.label === label)!;
          const edits = [{ ...item.textEdit!, newText: withoutTabStops(item.textEdit!.newText) }, ...(item.additionalTextEdits ?? [])];
          const inserted = applyTextEdits(typed.text, edits);
          const diagnostics = await client.changeAndWait(uri, inserted);
          assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.message}`), [], `${label}:\n${inserted}`);
        }
      }
    });
  }
});
