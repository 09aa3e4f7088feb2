// The extension starts the server over node-ipc; other clients use --stdio, where the server reads LSP frames
// (a Content-Length header, then the JSON body) and gives up, loudly, on a frame it cannot read.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { feedServer, frame, SERVER, uriOf, type Diagnostic, type RawSession } from './lsp-client';

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

const initialize = (id: number): Buffer => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const INITIALIZE_BODY = initialize(1).subarray(initialize(1).indexOf('\r\n\r\n') + 4);
const withHeader = (header: string, body = INITIALIZE_BODY): Buffer => Buffer.concat([Buffer.from(`${header}\r\n\r\n`), body]);
/** Bytes without the blank line that ends a header, as a stream that is not LSP at all sends them. */
const NOISE = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256).filter((byte) => byte !== 0x0d && byte !== 0x0a));

/** Generous: the server must exit by itself, and the test machine may be busy. */
const EXIT_WAIT_MS = 30_000;

function assertExitedWithOneLine(session: RawSession, problem: RegExp): void {
  assert.ok(session.exit, `still running after ${EXIT_WAIT_MS} ms, having answered ${JSON.stringify(session.answered)}; stderr: ${JSON.stringify(session.stderr)}`);
  assert.ok(session.exit.code !== null && session.exit.code !== 0, `exit ${JSON.stringify(session.exit)}`);
  const lines = session.stderr.split('\n');
  assert.deepEqual(lines.slice(1), [''], `one line on stderr: ${JSON.stringify(session.stderr)}`);
  assert.match(lines[0], /^Actionable Messages language server: cannot read the LSP messages on stdin: .+\. Exiting, so that the client restarts the server\.$/);
  assert.match(lines[0], problem);
}

describe('lsp: stdio framing', () => {
  it('answers a well-framed request and writes nothing to stderr', async () => {
    const session = await feedServer(initialize(1), { answers: 1, timeoutMs: EXIT_WAIT_MS });
    assert.deepEqual(session.answered, [1]);
    assert.equal(session.exit, undefined);
    assert.equal(session.stderr, '');
  });

  // Each broken frame is followed by a good request, as a client sends its next message: the server must not answer
  // it out of a stream it can no longer read, nor wait for ever.
  const cases: ReadonlyArray<readonly [string, Buffer, RegExp]> = [
    ['a Content-Length that is not a number', withHeader('Content-Length: abc'), /Content-Length value must be a number\. Got abc/],
    ['a negative Content-Length', withHeader('Content-Length: -5'), /a message body is not JSON/],
    // What follows a body read too short is the rest of it, where the next header should be.
    ['a Content-Length too small for its body', withHeader('Content-Length: 10'), /Header must provide a Content-Length property/],
    ['a Content-Length of 0 before a body', withHeader('Content-Length: 0'), /Header must provide a Content-Length property/],
    ['no Content-Length header', withHeader('Content-Type: application/vscode-jsonrpc; charset=utf-8'), /Header must provide a Content-Length property/],
    ['a header line without a colon', withHeader('Content-Length 52'), /Message header must separate key and value using ':'/],
    // The noise holds a colon, so the line it forms with the next header has one: the header block lacks a length.
    ['binary noise', NOISE, /Header must provide a Content-Length property/],
  ];
  for (const [name, broken, problem] of cases) {
    it(`exits non-zero with one line on stderr after ${name}`, async () => {
      assertExitedWithOneLine(await feedServer(Buffer.concat([broken, initialize(2)]), { answers: 1, timeoutMs: EXIT_WAIT_MS }), problem);
    });
  }

  it('shows control characters of a broken header escaped, on its one line', async () => {
    const session = await feedServer(Buffer.concat([withHeader('Content-Length: \u0007\u001b[2J'), initialize(2)]), { answers: 1, timeoutMs: EXIT_WAIT_MS });
    assertExitedWithOneLine(session, /Got \\x07\\x1b\[2J\./);
  });

  it('exits when stdin closes: 0 after a shutdown request, 1 without one', async () => {
    const shutdown = frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    const [afterShutdown, withoutShutdown] = await Promise.all([
      feedServer(Buffer.concat([initialize(1), shutdown]), { answers: 2, timeoutMs: EXIT_WAIT_MS, thenCloseInput: true }),
      feedServer(initialize(1), { answers: 1, timeoutMs: EXIT_WAIT_MS, thenCloseInput: true }),
    ]);
    assert.deepEqual(afterShutdown.exit, { code: 0, signal: null }, afterShutdown.stderr);
    assert.deepEqual(withoutShutdown.exit, { code: 1, signal: null }, withoutShutdown.stderr);
    assert.equal(afterShutdown.stderr + withoutShutdown.stderr, '');
  });
});
