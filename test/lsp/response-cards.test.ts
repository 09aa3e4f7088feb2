// Response cards over LSP (docs/rules.md § "Document kinds"): the files of actionableMessages.responseFiles and
// Universal Actions invoke responses anywhere are checked without AM010/AM011, and a change of the setting is
// applied to the open documents.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { LspClient, textIn, uriOf, type Diagnostic } from './lsp-client';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

const updateCard = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved', wrap: true }] };
const noOriginator = pretty(updateCard);
const invokeResponse = (card: unknown): string =>
  pretty({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });

describe('lsp: response cards', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    assert.equal(await client?.stop(), 0);
    client = undefined;
  });

  it('checks a *.response.json without originator with no AM010, in the card language or as plain JSON', async () => {
    client = await LspClient.start({ settings: {} });
    assert.deepEqual(await client.openAndWait(uriOf('replies/approved.response.json'), noOriginator), []);
    assert.deepEqual(await client.openAndWait(uriOf('replies/declined.response.json'), noOriginator, 'adaptive-card'), []);
    assert.deepEqual(codes(await client.openAndWait(uriOf('replies/approved.card.json'), noOriginator)), ['AM010']);
  });

  it('checks a *.response.json that is no card at all, as it names a card (AM001)', async () => {
    client = await LspClient.start({ settings: {} });
    assert.deepEqual(codes(await client.openAndWait(uriOf('replies/notes.response.json'), pretty({ title: 'no card' }))), ['AM001']);
  });

  it('recognises an invoke response in any JSON file and points its findings into the value card', async () => {
    client = await LspClient.start({ settings: {} });
    const text = invokeResponse({ ...updateCard, version: '1.4', actions: [{ type: 'Action.Submit', title: 'OK' }] });
    const diagnostics = await client.openAndWait(uriOf('bot/answer.json'), text);
    assert.deepEqual(codes(diagnostics), ['AM030']);
    assert.equal(textIn(text, diagnostics[0]!.range), '"Action.Submit"');
    assert.ok(diagnostics[0]!.range.start.line > text.split('\n').findIndex((line) => line.includes('"value"')));
  });

  it('leaves a JSON file that answers with a message, not a card, alone', async () => {
    client = await LspClient.start({ settings: {} });
    const message = pretty({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Thanks' });
    await client.open(uriOf('bot/message.json'), message);
    // A card opened after it is published; the message never is.
    await client.openAndWait(uriOf('bot/after.card.json'), noOriginator);
    assert.deepEqual(client.publicationsFor(uriOf('bot/message.json')), []);
  });

  it('applies a change of actionableMessages.responseFiles to the open documents', async () => {
    client = await LspClient.start({ settings: { responseFiles: ['replies/*.json'] } });
    const custom = uriOf('replies/approved.json');
    const named = uriOf('replies/declined.response.json');
    assert.deepEqual(await client.openAndWait(custom, noOriginator), []);
    assert.deepEqual(codes(await client.openAndWait(named, noOriginator)), [], 'replies/*.json names it too');
    const elsewhere = uriOf('cards/approved.response.json');
    assert.deepEqual(codes(await client.openAndWait(elsewhere, noOriginator)), ['AM010'], 'the default pattern no longer applies');

    client.settings = { responseFiles: ['**/*.response.json'] };
    const customNext = client.nextDiagnostics(custom);
    const elsewhereNext = client.nextDiagnostics(elsewhere);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await elsewhereNext), []);
    // A plain JSON file no pattern names any more is a card by its content, delivered: AM010.
    assert.deepEqual(codes(await customNext), ['AM010']);
  });
});
