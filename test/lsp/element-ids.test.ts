// Go to Definition, Find All References, Rename and highlights of element ids, over the wire: an input's id and the
// {{id.value}} tokens of Action.Http url, body and header values that name it (in any case), and the targetElements
// of Action.ToggleVisibility that name an element.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits, LspClient, positionAt, textIn, uriOf, type Range, type TextEdit } from './lsp-client';

interface Location { uri: string; range: Range }

const TEXT = JSON.stringify({
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [
    { type: 'Container', id: 'details', items: [{ type: 'Input.Text', id: 'comment', label: 'Comment' }] },
    { type: 'Input.Text', id: 'my-note', label: 'Note' },
  ],
  actions: [
    {
      type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/approve?c={{Comment.value}}',
      body: '{"comment": "{{comment.value}}", "missing": "{{nobody.value}}"}', headers: [{ name: 'X-Comment', value: '{{COMMENT.value}}' }],
    },
    { type: 'Action.ToggleVisibility', title: 'More', targetElements: ['details', { elementId: 'comment' }, 'nowhere'] },
  ],
}, null, 2);
const URI = uriOf('element-ids.card.json');

/** The position of the `index`-th character of `needle`, at its `occurrence`-th place in TEXT. */
function at(needle: string, index = 1, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) offset = TEXT.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is in the card`);
  return positionAt(TEXT, offset + index);
}

function texts(locations: Location[] | null): string[] {
  return (locations ?? []).map((location) => `${location.range.start.line}:${location.range.start.character} ${textIn(TEXT, location.range)}`);
}

describe('lsp: definition, references and rename of element ids', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: {} });
    await client.openAndWait(URI, TEXT, 'json');
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  const request = <T>(method: string, position: { line: number; character: number }, extra: object = {}) =>
    client.request<T>(method, { textDocument: { uri: URI }, position, ...extra });

  it('goes from a token in the url, the body or a header, in any case, to the input\'s id', async () => {
    const definition = `${at('"comment"', 1).line}:${at('"comment"', 1).character} comment`;
    for (const [needle, occurrence] of [['{{Comment', 0], ['{{comment', 0], ['{{COMMENT', 0]] as const) {
      const locations = await request<Location[]>('textDocument/definition', at(needle, 4, occurrence));
      assert.deepEqual(texts(locations), [definition], needle);
      assert.ok(locations.every((location) => location.uri === URI));
    }
  });

  it('goes from a toggle target to the element with that id, a Container or an input', async () => {
    assert.deepEqual(texts(await request<Location[]>('textDocument/definition', at('"details"', 3, 1))), [`${at('"details"', 1).line}:${at('"details"', 1).character} details`]);
    assert.deepEqual(texts(await request<Location[]>('textDocument/definition', at('"elementId": "comment"', 16))), [`${at('"comment"', 1).line}:${at('"comment"', 1).character} comment`]);
  });

  it('finds every use of an input\'s id: its tokens in any case and its toggle target, with or without the declaration', async () => {
    const withDeclaration = await request<Location[]>('textDocument/references', at('"comment"', 3), { context: { includeDeclaration: true } });
    assert.deepEqual(texts(withDeclaration).map((entry) => entry.split(' ')[1]), ['comment', 'Comment', 'comment', 'COMMENT', 'comment']);
    const without = await request<Location[]>('textDocument/references', at('{{COMMENT', 3), { context: { includeDeclaration: false } });
    assert.deepEqual(texts(without).map((entry) => entry.split(' ')[1]), ['Comment', 'comment', 'COMMENT', 'comment']);
  });

  it('highlights an id\'s occurrences as the cursor rests on one: the id as written (write), its uses as read', async () => {
    const highlights = await request<{ range: Range; kind: number }[]>('textDocument/documentHighlight', at('{{COMMENT', 3));
    assert.deepEqual(highlights.map((highlight) => `${highlight.kind} ${textIn(TEXT, highlight.range)}`), ['3 comment', '2 Comment', '2 comment', '2 COMMENT', '2 comment']);
    assert.equal(await request('textDocument/documentHighlight', at('"Send"', 2)), null);
  });

  it('hover on a token says which input\'s value it stands for, over the whole token; one that names none keeps its AM046 link', async () => {
    const shown = await request<{ contents: { value: string }; range: Range }>('textDocument/hover', at('{{Comment', 5));
    assert.equal(shown.contents.value, '`{{Comment.value}}` is replaced with what the user entered in the Input.Text `comment` when the action is sent.');
    assert.equal(textIn(TEXT, shown.range), '{{Comment.value}}');
    const unknown = await request<{ contents: { value: string } }>('textDocument/hover', at('{{nobody', 5));
    assert.doesNotMatch(unknown.contents.value, /is replaced with/);
    assert.match(unknown.contents.value, /AM046/);
  });

  it('answers nothing where no element id is, for a token or target that names no element, and off a card', async () => {
    assert.equal(await request('textDocument/definition', at('"Send"', 2)), null);
    assert.equal(await request('textDocument/definition', at('{{nobody', 4)), null);
    assert.equal(await request('textDocument/definition', at('"nowhere"', 3)), null);
    assert.equal(await request('textDocument/prepareRename', at('"Send"', 2)), null);
    const plain = uriOf('element-ids-plain.json');
    await client.open(plain, '{"id": "comment", "value": "{{comment.value}}"}', 'json');
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: plain }, position: { line: 0, character: 10 } }), null);
  });

  it('renames an input everywhere it is named, from a token, and keeps the rest of the text', async () => {
    const prepared = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at('{{Comment', 4));
    assert.equal(prepared.placeholder, 'Comment');
    assert.equal(textIn(TEXT, prepared.range), 'Comment');
    const edit = await request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', at('{{Comment', 4), { newName: 'reason' });
    assert.deepEqual(Object.keys(edit.changes), [URI]);
    const renamed = applyTextEdits(TEXT, edit.changes[URI]!);
    const card = JSON.parse(renamed) as { body: { items?: { id: string }[]; id: string }[]; actions: { url?: string; body?: string; headers?: { value: string }[]; targetElements?: unknown[] }[] };
    assert.equal(card.body[0]!.items![0]!.id, 'reason');
    assert.equal(card.actions[0]!.url, 'https://api.contoso.example/approve?c={{reason.value}}');
    assert.equal(card.actions[0]!.body, '{"comment": "{{reason.value}}", "missing": "{{nobody.value}}"}');
    assert.equal(card.actions[0]!.headers![0]!.value, '{{reason.value}}');
    assert.deepEqual(card.actions[1]!.targetElements, ['details', { elementId: 'reason' }, 'nowhere']);
    // Five places, each "comment" (7 characters) made "reason" (6), and nothing else changed.
    assert.equal(edit.changes[URI]!.length, 5);
    assert.equal(renamed.length, TEXT.length - 5);
  });

  it('renames a Container and its toggle target, with a name tokens could not hold', async () => {
    const edit = await request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', at('"details"', 3), { newName: 'more-details' });
    const card = JSON.parse(applyTextEdits(TEXT, edit.changes[URI]!)) as { body: { id: string }[]; actions: { targetElements?: unknown[] }[] };
    assert.equal(card.body[0]!.id, 'more-details');
    assert.deepEqual(card.actions[1]!.targetElements, ['more-details', { elementId: 'comment' }, 'nowhere']);
  });

  it('refuses a new input id that tokens cannot name, and an element id that JSON would need to escape, naming why', async () => {
    await assert.rejects(request('textDocument/rename', at('"comment"', 3), { newName: 'my reason' }), /letters, digits, _, \$ and @/);
    await assert.rejects(request('textDocument/rename', at('"details"', 3), { newName: 'a"b' }), /quotes, backslashes and control characters/);
    await assert.rejects(request('textDocument/rename', at('"details"', 3), { newName: '  ' }), /cannot be empty/);
  });

  it('renames an input whose id no token can name, through its own id only', async () => {
    const edit = await request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', at('"my-note"', 3), { newName: 'note' });
    assert.equal(edit.changes[URI]!.length, 1);
  });
});

describe('lsp: related information of AM061', () => {
  const DUPLICATE = JSON.stringify({
    type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
    body: [{ type: 'TextBlock', id: 'email', text: 'E' }, { type: 'Input.Text', id: 'Email', label: 'Email' }],
  });

  for (const relatedInformation of [true, false]) {
    it(relatedInformation ? 'points to the earlier id for a client that shows related places' : 'sends none to a client that does not say it shows them', async () => {
      const client = await LspClient.start({ settings: {}, textDocumentCapabilities: { publishDiagnostics: { codeDescriptionSupport: true, relatedInformation } } });
      try {
        const uri = uriOf(`duplicate-${relatedInformation}.card.json`);
        const diagnostics = await client.openAndWait(uri, DUPLICATE, 'json');
        const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'AM061')!;
        assert.equal(textIn(DUPLICATE, duplicate.range), '"Email"');
        if (!relatedInformation) {
          assert.equal(duplicate.relatedInformation, undefined);
          return;
        }
        assert.equal(duplicate.relatedInformation?.length, 1);
        const [earlier] = duplicate.relatedInformation!;
        assert.equal(earlier!.location.uri, uri);
        assert.equal(textIn(DUPLICATE, earlier!.location.range), '"email"');
        assert.equal(earlier!.message, 'The earlier TextBlock with the id "email"');
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }
});
