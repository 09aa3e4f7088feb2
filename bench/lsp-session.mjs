// A session with the bundled language server over stdio for the LSP benchmarks: spawns `dist/server.js --stdio`,
// initializes it as a client that pulls configuration (answered with the defaults), and waits for published
// diagnostics by version. Every wait races the server's exit, so a crashed server ends a benchmark with a message.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const SERVER = path.resolve(import.meta.dirname, '..', 'dist/server.js');
const DIAGNOSTICS_TIMEOUT_MS = 10_000;

/** The LSP position of `offset` in `text`. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export async function startLspSession() {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run "npm run build" first.');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let shuttingDown = false;
  const serverExited = new Promise((_, reject) => child.on('exit', (code, signal) => {
    if (!shuttingDown) reject(new Error(`dist/server.js exited (${signal ?? `code ${code}`}) during the benchmark; its stderr is above.`));
  }));
  serverExited.catch(() => undefined);
  const orExit = (promise) => Promise.race([promise, serverExited]);
  /** Waiters per "uri version": each resolves with the arrival time and the diagnostics. */
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri} ${params.version}`;
    waiters.get(key)?.({ at: performance.now(), diagnostics: params.diagnostics });
    waiters.delete(key);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  const initialized = await orExit(connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  }));
  await connection.sendNotification('initialized', {});

  return {
    connection,
    capabilities: initialized.capabilities,
    orExit,
    /** Resolves with { at, diagnostics } when `version` of `uri` is published; call it before the message that causes it. */
    diagnosticsOf(uri, version) {
      return orExit(new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} version ${version} within ${DIAGNOSTICS_TIMEOUT_MS} ms`)), DIAGNOSTICS_TIMEOUT_MS);
        waiters.set(`${uri} ${version}`, (published) => { clearTimeout(timer); resolve(published); });
      }));
    },
    /** A request, timed from sending to its answer. */
    async timedRequest(method, params) {
      const start = performance.now();
      const result = await orExit(connection.sendRequest(method, params));
      return { ms: performance.now() - start, result };
    },
    async stop() {
      try {
        await orExit(connection.sendRequest('shutdown'));
        await connection.sendNotification('exit');
      } finally {
        shuttingDown = true;
        connection.dispose();
        child.kill();
      }
    },
  };
}
