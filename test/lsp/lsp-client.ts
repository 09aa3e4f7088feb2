// A minimal LSP client for the tests: runs `node dist/server.js --stdio` as a real process and speaks JSON-RPC
// to it, answering workspace/configuration from a settings object the test controls.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const WORKSPACE = path.join(ROOT, 'test/lsp/workspace');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
export interface TextEdit { range: Range; newText: string }
export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  documentation?: { kind: string; value: string };
  textEdit?: TextEdit;
  additionalTextEdits?: TextEdit[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
  command?: { title: string; command: string; arguments?: unknown[] };
}

export interface ClientOptions {
  /** The `actionableMessages` section the client answers workspace/configuration with; undefined: no pull support. */
  settings?: Record<string, unknown>;
  /** How long to wait for a publication before failing. */
  timeoutMs?: number;
  /** Announce completion snippet support, as VS Code does. */
  snippetSupport?: boolean;
  /** Sent as `initializationOptions` in `initialize`. */
  initializationOptions?: Record<string, unknown>;
  /** More textDocument client capabilities (e.g. dynamic registration of a feature, as VS Code announces). */
  textDocumentCapabilities?: Record<string, unknown>;
}

export interface Registration { id: string; method: string; registerOptions?: { documentSelector?: unknown } }

export function uriOf(fileName: string): string {
  return pathToFileURL(path.join(WORKSPACE, fileName)).href;
}

/** Offset of `line`/`character` in `text` (LF or CRLF lines). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function textIn(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
  return located.sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** The document's text after a code action's edits, applied as an editor applies them; fails when it carries none. */
export function editedText(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, 'the action carries edits for the document');
  return applyTextEdits(text, edits);
}

/** What `node dist/server.js --stdio` did with bytes written to its stdin. */
export interface RawSession {
  /** The ids of the responses it wrote, in order. */
  readonly answered: readonly (number | string | null)[];
  /** How it exited, or undefined when it was still running at the end of the wait (and was then stopped). */
  readonly exit?: { readonly code: number | null; readonly signal: NodeJS.Signals | null };
  readonly stderr: string;
}

/** One LSP frame: the Content-Length header and the JSON body. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

export interface FeedOptions {
  /** How many responses to wait for. */
  readonly answers: number;
  readonly timeoutMs: number;
  /** Close stdin once the responses have come, and wait for the server to exit, instead of stopping it. */
  readonly thenCloseInput?: boolean;
}

/**
 * Starts the server over stdio, writes `input` to it, and waits until it has written `answers` responses or exited,
 * for at most `timeoutMs`. A server still running then is stopped; the session says it did not exit.
 */
export function feedServer(input: Buffer, options: FeedOptions): Promise<RawSession> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  const answered: (number | string | null)[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const reader = new StreamMessageReader(child.stdout);
  return new Promise((resolve) => {
    const finish = (exit?: RawSession['exit']): void => {
      clearTimeout(timer);
      reader.dispose();
      resolve({ answered, exit, stderr });
    };
    const stop = (): void => {
      child.removeAllListeners('close');
      child.kill();
      finish();
    };
    const timer = setTimeout(stop, options.timeoutMs);
    reader.listen((message) => {
      if ('id' in message && !('method' in message)) answered.push(message.id as number | string | null);
      if (answered.length !== options.answers) return;
      if (options.thenCloseInput) child.stdin.end();
      else stop();
    });
    child.once('close', (code, signal) => finish({ code, signal }));
    // The server may exit before it has read everything: a broken pipe is one of the outcomes under test.
    child.stdin.on('error', () => undefined);
    child.stdin.write(input);
  });
}

export class LspClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics, oldest first. */
  readonly publications: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
  /** The workspace/configuration requests the server made. */
  readonly configurationRequests: unknown[] = [];
  /** Every registration of client/registerCapability, oldest first. */
  readonly registrations: Registration[] = [];
  /** The server's capabilities from its answer to `initialize`. */
  serverCapabilities: Record<string, unknown> = {};
  settings: Record<string, unknown> | undefined;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly timeoutMs: number;
  private readonly waiters: { uri: string; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  private stderr = '';
  private versions = new Map<string, number>();

  private constructor(options: ClientOptions) {
    this.settings = options.settings;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    this.child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.publications.push(params);
      for (const waiter of this.waiters.filter((w) => w.uri === params.uri)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests.push(params);
      return params.items.map(() => this.settings ?? null);
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const client = new LspClient(options);
    const initialized = await client.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      initializationOptions: options.initializationOptions,
      rootUri: pathToFileURL(WORKSPACE).href,
      workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: options.settings !== undefined, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { codeDescriptionSupport: true },
          codeAction: { isPreferredSupport: true },
          completion: { completionItem: { snippetSupport: options.snippetSupport === true } },
          ...options.textDocumentCapabilities,
        },
      },
    });
    client.serverCapabilities = initialized.capabilities;
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next diagnostics published for `uri`; call it before the message that causes them. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiter = { uri, resolve: (diagnostics: Diagnostic[]) => { clearTimeout(timer); resolve(diagnostics); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no diagnostics for ${uri} within ${this.timeoutMs} ms; server stderr: ${this.stderr || '(empty)'}`));
      }, this.timeoutMs);
      this.waiters.push(waiter);
    });
  }

  publicationsFor(uri: string): Diagnostic[][] {
    return this.publications.filter((p) => p.uri === uri).map((p) => p.diagnostics);
  }

  /** The document version of each publication for `uri`, oldest first. */
  publishedVersionsFor(uri: string): (number | undefined)[] {
    return this.publications.filter((p) => p.uri === uri).map((p) => p.version);
  }

  /** The version the last change sent for `uri` (1 after opening it). */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async open(uri: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async openAndWait(uri: string, text: string, languageId = 'json'): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.open(uri, text, languageId);
    return next;
  }

  /** Replaces the whole text (a full-content change). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async changeAndWait(uri: string, text: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.change(uri, text);
    return next;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  codeActions(uri: string, diagnostics: Diagnostic[], range: Range = diagnostics[0].range): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  /** The server's exit code after shutdown/exit; a crash shows up as a non-zero code or a signal. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get serverErrors(): string {
    return this.stderr;
  }
}
