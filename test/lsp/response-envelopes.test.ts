// Response envelopes over LSP (docs/response-envelope.md): {status, headers, body} files are checked as response
// cards: the card of the body (or of the invoke response in it) in its own mode without AM010/AM011, findings
// pointing into the body, and AM001 when a 2xx asks for a card update without a card.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { LspClient, textIn, uriOf, type Diagnostic } from './lsp-client';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();
const updateCard = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved', wrap: true }] };
const envelope = (status: number, headers: Record<string, string>, body?: unknown) => pretty({ status, headers, ...(body === undefined ? {} : { body }) });

describe('lsp: response envelopes', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    assert.equal(await client?.stop(), 0);
    client = undefined;
  });

  it('checks the card of the body as a response card, in a response file and in any JSON file', async () => {
    client = await LspClient.start({ settings: {} });
    const text = envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, updateCard);
    assert.deepEqual(await client.openAndWait(uriOf('replies/approved.response.json'), text), []);
    assert.deepEqual(await client.openAndWait(uriOf('recorded/approved.json'), text), []);
  });

  it("points findings into the body's card", async () => {
    client = await LspClient.start({ settings: {} });
    const text = envelope(200, { 'card-update-in-body': 'true' }, { ...updateCard, actions: [{ type: 'Action.Submit', title: 'OK' }] });
    const diagnostics = await client.openAndWait(uriOf('replies/submit.response.json'), text);
    assert.deepEqual(codes(diagnostics), ['AM030']);
    assert.equal(textIn(text, diagnostics[0]!.range), '"Action.Submit"');
  });

  it('checks the card of an invoke response in the body (a bot answered over HTTP)', async () => {
    client = await LspClient.start({ settings: {} });
    const invoke = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...updateCard, version: '1.4', body: [{ type: 'Input.Time', id: 'at' }] } };
    assert.deepEqual(codes(await client.openAndWait(uriOf('replies/bot.response.json'), envelope(200, {}, invoke))), ['AM031']);
  });

  it('reports AM001 on a body that is no card when CARD-UPDATE-IN-BODY: true asks for an update, and nothing otherwise', async () => {
    client = await LspClient.start({ settings: {} });
    const text = envelope(200, { 'CARD-UPDATE-IN-BODY': 'true' }, { approved: true });
    const diagnostics = await client.openAndWait(uriOf('replies/bad.response.json'), text);
    assert.deepEqual(codes(diagnostics), ['AM001']);
    assert.equal(textIn(text, diagnostics[0]!.range), '{\n    "approved": true\n  }');
    assert.match(diagnostics[0]!.message, /CARD-UPDATE-IN-BODY: true asks Outlook to replace the card/);
    assert.deepEqual(await client.openAndWait(uriOf('replies/failed.response.json'), envelope(500, { 'CARD-ACTION-STATUS': 'Down' })), []);
    assert.deepEqual(await client.openAndWait(uriOf('replies/status.response.json'), envelope(200, { 'CARD-ACTION-STATUS': 'Thanks' })), []);
  });
});
