// Settings reach the server by workspace/configuration (answered by the test client) or, for clients that
// cannot answer it, by didChangeConfiguration.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { LspClient, uriOf, type Diagnostic } from './lsp-client';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

const noOriginator = pretty({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
const httpCard = pretty({
  type: 'AdaptiveCard', version: '1.0', originator: PROVIDER,
  body: [{ type: 'TextBlock', text: 'Hi' }],
  actions: [{ type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://elsewhere.example/go', body: '' }],
});

describe('lsp: settings', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    assert.equal(await client?.stop(), 0);
    client = undefined;
  });

  it('asks for the actionableMessages section of the document', async () => {
    client = await LspClient.start({ settings: {} });
    const uri = uriOf('asked.card.json');
    await client.openAndWait(uri, noOriginator);
    assert.deepEqual(client.configurationRequests.at(-1), { items: [{ scopeUri: uri, section: 'actionableMessages' }] });
  });

  it('applies severity overrides: "off" hides a rule, another severity replaces the default', async () => {
    client = await LspClient.start({ settings: { rules: { AM010: 'off' } } });
    assert.deepEqual(await client.openAndWait(uriOf('off.card.json'), noOriginator), []);
    client.settings = { rules: { AM010: 'error' } };
    const next = client.nextDiagnostics(uriOf('off.card.json'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await next;
    assert.deepEqual(codes(diagnostics), ['AM010']);
    assert.equal(diagnostics[0].severity, 1);
  });

  it('reports Action.Http URLs outside the registered target URLs (AM096) only when some are set', async () => {
    client = await LspClient.start({ settings: {} });
    assert.deepEqual(await client.openAndWait(uriOf('targets.card.json'), httpCard), []);
    client.settings = { targetUrls: ['https://api.contoso.example'] };
    const next = client.nextDiagnostics(uriOf('targets.card.json'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await next), ['AM096']);
  });

  it('validation.enable false publishes nothing and clears what was published', async () => {
    client = await LspClient.start({ settings: { validation: { enable: false } } });
    const quiet = uriOf('quiet.card.json');
    await client.open(quiet, noOriginator);
    const loud = uriOf('loud.card.json');
    client.settings = { validation: { enable: true } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await client.openAndWait(loud, noOriginator)), ['AM010']);
    assert.deepEqual(codes(client.publicationsFor(quiet).at(-1) ?? []), ['AM010'], 'turning validation on checks the open documents');
    client.settings = { validation: { enable: false } };
    const cleared = client.nextDiagnostics(loud);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await cleared, []);
  });

  it('checks the files the actionableMessages.files globs name, relative to the workspace folder', async () => {
    client = await LspClient.start({ settings: { files: ['cards/**/*.json'] } });
    assert.deepEqual(codes(await client.openAndWait(uriOf('cards/welcome/message.json'), pretty({ title: 'no card' }))), ['AM001']);
  });

  it('falls back to the defaults when the settings have the wrong shape', async () => {
    client = await LspClient.start({ settings: { validation: 'yes', files: 'x', rules: { AM010: 'loud', AM999: 'off' }, targetUrls: 7 } });
    assert.deepEqual(codes(await client.openAndWait(uriOf('odd.card.json'), noOriginator)), ['AM010']);
  });

  it('without workspace/configuration support, uses the settings pushed with didChangeConfiguration', async () => {
    client = await LspClient.start();
    const uri = uriOf('pushed.card.json');
    assert.deepEqual(codes(await client.openAndWait(uri, noOriginator)), ['AM010']);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { actionableMessages: { rules: { AM010: 'off' } } } });
    assert.deepEqual(await next, []);
    assert.deepEqual(client.configurationRequests, []);
  });
});
