// The extension starts the server over node-ipc (other clients use --stdio, as the other tests do).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER, uriOf, type Diagnostic } from './lsp-client';

describe('lsp: node-ipc transport', () => {
  it('initializes and publishes diagnostics over node-ipc', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const uri = uriOf('ipc.card.json');
    const published = new Promise<Diagnostic[]>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
        if (params.uri === uri) resolve(params.diagnostics);
      });
    });
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.codeActionProvider);
    await connection.sendNotification('initialized', {});
    const text = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    assert.deepEqual((await published).map((d) => d.code), ['AM010']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});
