// Garbage in: the server answers or ignores it, keeps running, and keeps validating.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, uriOf } from './lsp-client';

const card = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });

describe('lsp: robustness', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  async function stillValidates(name: string): Promise<void> {
    assert.ok(client.alive, `the server died: ${client.serverErrors}`);
    const diagnostics = await client.openAndWait(uriOf(name), card);
    assert.deepEqual(diagnostics.map((d) => d.code), ['AM010']);
  }

  it('reports syntax for binary junk, deep nesting, an empty file and a lone BOM, and survives completion and hover in them', async () => {
    const texts = ['\u0000\u0001\uffff{{{', '['.repeat(100_000), '{"type": "AdaptiveCard", "body": '.repeat(5000), '', '\ufeff'];
    for (const [i, text] of texts.entries()) {
      const diagnostics = await client.openAndWait(uriOf(`junk-${i}.card.json`), text);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code === 'syntax'), `junk ${i}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    }
    await client.open(uriOf('deep.json'), '['.repeat(100_000));
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      await client.request(method, { textDocument: { uri: uriOf('junk-1.card.json') }, position: { line: 0, character: 50_000 } }).catch((error: Error) => error);
    }
    await stillValidates('after-junk.card.json');
  });

  it('answers malformed requests with errors, not a crash', async () => {
    await assert.rejects(client.request('textDocument/codeAction', { nonsense: true }));
    await assert.rejects(client.request('no/such/method', {}));
    const unknownDocument = await client.request('textDocument/codeAction', {
      textDocument: { uri: uriOf('never-opened.card.json') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'actionable-messages', code: 'AM010' }] },
    });
    assert.deepEqual(unknownDocument, []);
    await stillValidates('after-requests.card.json');
  });

  it('ignores notifications about documents it does not have and diagnostics with odd ranges', async () => {
    await client.change(uriOf('never-opened.card.json'), card);
    await client.close(uriOf('never-opened-either.card.json'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'not a uri', languageId: 'json', version: 1, text: card } });
    const uri = uriOf('odd-ranges.card.json');
    const [diagnostic] = await client.openAndWait(uri, card);
    const far = { line: 9999, character: 9999 };
    const actions = await client.codeActions(uri, [{ ...diagnostic, range: { start: far, end: { line: 0, character: 0 } } }, { ...diagnostic, code: 42 }]);
    assert.deepEqual(actions, []);
    await stillValidates('after-notifications.card.json');
  });
});
