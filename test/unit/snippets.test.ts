// Element and action snippets in completion, through the real service: which are offered where, and that each,
// inserted with its defaults where a user types its name, leaves the card as clean as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/language/language-features';
import { ParsedDocument } from '../../server/src/language/parsed-document';
import type { CompletionEntry } from '../../server/src/language/completion-entry';
import { ELEMENT_TYPES, ACTION_TYPES } from '../../server/src/card/card-model';
import { CARD_SNIPPETS } from '../../server/src/language/snippets/card-snippets';
import { withoutTabStops } from '../../server/src/language/snippets/snippet-syntax';
import { findings } from './helpers';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** A clean card of `version` with one element id to toggle and an input whose id a new input must not take. */
function baseCard(version: string, action: object): string {
  return JSON.stringify({
    type: 'AdaptiveCard', version, originator: ORIGINATOR,
    body: [
      { type: 'TextBlock', id: 'details', text: 'Details', wrap: true },
      { type: 'Input.Text', id: 'comment', placeholder: 'Comment' },
    ],
    actions: [action],
  }, null, 2);
}

const HTTP = { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/send', body: '{{comment.value}}' };
const EXECUTE = { type: 'Action.Execute', title: 'Send', verb: 'send' };
const CARDS = { '1.0': baseCard('1.0', HTTP), '1.4': baseCard('1.4', EXECUTE) };

/** Completion where `typed` is typed as a new last item of the array named `arrayName`. */
async function completeTyping(card: string, arrayName: 'body' | 'actions', typed: string): Promise<{ text: string; offset: number; entries: CompletionEntry[] }> {
  const arrayStart = card.indexOf(`"${arrayName}": [`);
  const arrayEnd = card.indexOf('\n  ]', arrayStart);
  const text = `${card.slice(0, arrayEnd)}\n    ${typed}${card.slice(arrayEnd)}`;
  const offset = arrayEnd + 5 + typed.length;
  return { text, offset, entries: await complete(new ParsedDocument(text), offset) };
}

const snippetLabels = (entries: readonly CompletionEntry[]): string[] => entries.filter((e) => e.kind === 'snippet').map((e) => e.label).sort();

/** The text after accepting `entry` and pressing Tab through its stops. */
function accept(text: string, entry: CompletionEntry): string {
  const edits = [{ offset: entry.replaceOffset, length: entry.replaceLength, newText: withoutTabStops(entry.insertText) }, ...(entry.additionalEdits ?? [])];
  return edits.sort((a, b) => b.offset - a.offset).reduce((result, edit) => result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length), text);
}

describe('element and action snippets', () => {
  it('cover the Outlook element and action types, never Input.Time or Action.Submit', () => {
    for (const snippet of CARD_SNIPPETS) {
      assert.ok((snippet.slot === 'element' ? ELEMENT_TYPES : ACTION_TYPES).has(snippet.type), snippet.type);
    }
    const types = new Set(CARD_SNIPPETS.map((snippet) => snippet.type));
    assert.deepEqual([...ELEMENT_TYPES, ...ACTION_TYPES].filter((type) => !types.has(type)), ['Input.Time']);
  });

  it('offers Action.Http and not Action.Execute in a 1.0 actions array, the reverse at 1.4, and no elements there', async () => {
    const at10 = snippetLabels((await completeTyping(CARDS['1.0'], 'actions', '')).entries);
    assert.ok(at10.includes('Action.Http') && !at10.includes('Action.Execute'), at10.join());
    const at14 = snippetLabels((await completeTyping(CARDS['1.4'], 'actions', '')).entries);
    assert.ok(at14.includes('Action.Execute') && !at14.includes('Action.Http'), at14.join());
    assert.ok(!at14.includes('TextBlock'));
  });

  it('offers the elements of the version in body and items: RichTextBlock and Media only at 1.4', async () => {
    const at10 = snippetLabels((await completeTyping(CARDS['1.0'], 'body', '')).entries);
    assert.deepEqual(at10, [...ELEMENT_TYPES].filter((type) => !['Input.Time', 'Media', 'RichTextBlock'].includes(type)).sort());
    const at14 = snippetLabels((await completeTyping(CARDS['1.4'], 'body', '')).entries);
    assert.deepEqual(at14, [...ELEMENT_TYPES].filter((type) => type !== 'Input.Time').sort());
    const container = '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "Container", "items": [ Fact ]}]}';
    const entries = await complete(new ParsedDocument(container), container.indexOf('Fact') + 4);
    assert.ok(snippetLabels(entries).includes('FactSet'));
  });

  it('are snippets with tab stops, a documentation preview, and replace the typed word', async () => {
    const { text, offset, entries } = await completeTyping(CARDS['1.0'], 'body', 'TextB');
    const textBlock = entries.find((e) => e.label === 'TextBlock' && e.kind === 'snippet')!;
    assert.equal(textBlock.insertTextIsSnippet, true);
    assert.match(textBlock.insertText, /\$\{1:Text\}/);
    assert.match(textBlock.documentation!, /```json\n\{ "type": "TextBlock", "text": "Text", "wrap": true \}\n```/);
    assert.equal(text.slice(textBlock.replaceOffset, textBlock.replaceOffset + textBlock.replaceLength), 'TextB');
    assert.equal(textBlock.replaceOffset + textBlock.replaceLength, offset);
  });

  for (const version of ['1.0', '1.4'] as const) {
    it(`each snippet offered at ${version}, accepted where its name is typed, adds no finding`, async () => {
      assert.deepEqual(findings(CARDS[version]), []);
      for (const arrayName of ['body', 'actions'] as const) {
        const offered = (await completeTyping(CARDS[version], arrayName, '')).entries.filter((e) => e.kind === 'snippet');
        assert.ok(offered.length > 5);
        for (const { label } of offered) {
          const { text, entries } = await completeTyping(CARDS[version], arrayName, label.slice(0, 4));
          const entry = entries.find((e) => e.kind === 'snippet' && e.label === label)!;
          const result = accept(text, entry);
          assert.deepEqual(findings(result).map((f) => `${f.rule} ${f.message}`), [], `${label} at ${version}:\n${result}`);
        }
      }
    });
  }

  it('separates the new item from its neighbours with commas', async () => {
    const text = '{"type": "AdaptiveCard", "version": "1.0", "originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a", "body": [{"type": "TextBlock", "text": "a"}  Fact  {"type": "TextBlock", "text": "b"}]}';
    const entries = await complete(new ParsedDocument(text), text.indexOf('Fact') + 4);
    const result = accept(text, entries.find((e) => e.label === 'FactSet')!);
    assert.deepEqual(findings(result), []);
  });

  it('give a new input an id no other element has', async () => {
    const { entries } = await completeTyping(CARDS['1.0'], 'body', 'Input');
    assert.match(entries.find((e) => e.label === 'Input.Text')!.insertText, /"id": "\$\{1:comment2\}"/);
    const toggle = (await completeTyping(CARDS['1.0'], 'actions', 'Action')).entries.find((e) => e.label === 'Action.ToggleVisibility')!;
    assert.match(toggle.insertText, /"targetElements": \["\$\{2:details\}"\]/);
  });

  it('offer no Action.ToggleVisibility while no element has an id: any target would be AM055', async () => {
    const withoutIds = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Details' }], actions: [HTTP] }, null, 2);
    const { entries } = await completeTyping(withoutIds, 'actions', 'Action');
    assert.ok(entries.some((e) => e.label === 'Action.OpenUrl'), 'the other action snippets are offered');
    assert.ok(!entries.some((e) => e.label === 'Action.ToggleVisibility'), snippetLabels(entries).join());
  });

  it('give inputs a label in a 1.4 card and none in a 1.0 card (labels came with 1.3)', async () => {
    const inputs = (entries: readonly CompletionEntry[]) => entries.filter((e) => e.kind === 'snippet' && e.label.startsWith('Input.'));
    const at14 = inputs((await completeTyping(CARDS['1.4'], 'body', 'Input')).entries);
    assert.equal(at14.length, 5);
    for (const entry of at14) assert.match(entry.insertText, /"label": "\$\{2:[A-Z]\w+\}"/, entry.label);
    assert.match(at14.find((e) => e.label === 'Input.Text')!.insertText, /"id": "\$\{1:comment2\}", "label": "\$\{2:Comment\}"/);
    const at10 = inputs((await completeTyping(CARDS['1.0'], 'body', 'Input')).entries);
    assert.equal(at10.length, 5);
    for (const entry of at10) assert.doesNotMatch(entry.insertText, /"label"/, entry.label);
  });

  it('make Action.Http a POST with a body and a Content-Type header', async () => {
    const http = (await completeTyping(CARDS['1.0'], 'actions', 'Act')).entries.find((e) => e.label === 'Action.Http')!;
    const inserted = JSON.parse(withoutTabStops(http.insertText).replace(/,$/, '')) as Record<string, unknown>;
    assert.equal(inserted.method, 'POST');
    assert.equal(typeof inserted.body, 'string');
    assert.deepEqual(inserted.headers, [{ name: 'Content-Type', value: 'application/json' }]);
  });

  it('are offered in a card with "$schema" too', async () => {
    const withSchema = CARDS['1.0'].replace('{\n', '{\n  "$schema": "https://adaptivecards.io/schemas/adaptive-card.json",\n');
    assert.ok(snippetLabels((await completeTyping(withSchema, 'actions', 'Act')).entries).includes('Action.Http'));
  });

  it('are not offered outside element and action arrays, nor in other JSON', async () => {
    const inFacts = '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "FactSet", "facts": [ ]}]}';
    assert.deepEqual(snippetLabels(await complete(new ParsedDocument(inFacts), inFacts.indexOf('[ ]') + 1)), []);
    const messageCard = '{"@type": "MessageCard", "potentialAction": [{"@type": "ActionCard", "actions": [ ]}]}';
    assert.deepEqual(snippetLabels(await complete(new ParsedDocument(messageCard), messageCard.indexOf('[ ]') + 1)), []);
    const inString = '{"type": "AdaptiveCard", "version": "1.0", "body": ["Tex"]}';
    assert.deepEqual(snippetLabels(await complete(new ParsedDocument(inString), inString.indexOf('Tex') + 3)), []);
  });
});
