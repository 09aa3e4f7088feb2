import * as vscode from 'vscode';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CommandFailure } from '../../client/src/commands/command-runner';
import type { ActionableMessagesApi } from '../../client/src/extension';

export const EXTENSION_ID = 'actionable-message-studio.actionable-message-studio';
const WAIT_MS = 30_000;

/** Activates the extension (it is loaded from extensionDevelopmentPath) and waits for its language server. */
export async function startExtension(): Promise<ActionableMessagesApi> {
  const extension = vscode.extensions.getExtension<ActionableMessagesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded: check e2e-artifacts/server.log`);
  const api = await extension.activate();
  await api.whenReady;
  return api;
}

/** Polls `probe` until it returns something other than undefined; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open: e2e/run.mjs opens a copy of test/fixtures/ws');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openInEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export function ruleId(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

export function diagnosticsOf(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => ruleId(diagnostic) === rule);
}

/** Waits until `uri` has at least one diagnostic of `rule`. */
export function waitForRule(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`${rule} on ${uri.path}`, () => {
    const found = diagnosticsOf(uri, rule);
    return found.length > 0 ? found : undefined;
  });
}

/** Waits until `uri` has no diagnostic of `rule` any more. */
export function waitForNoRule(uri: vscode.Uri, rule: string): Promise<true> {
  return waitFor(`${rule} to disappear from ${uri.path}`, () => (diagnosticsOf(uri, rule).length === 0 ? true : undefined));
}

/** The range of the first occurrence of `needle` in `document`. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** Runs a command as a script does: its result, or the failure it reports as `{ error }`. */
export async function execute<T>(command: string, ...args: unknown[]): Promise<T | CommandFailure | undefined> {
  return vscode.commands.executeCommand<T | CommandFailure | undefined>(command, ...args);
}

export function succeeded<T extends object>(result: T | CommandFailure | undefined): T {
  assert.ok(result, 'the command finished without being cancelled');
  assert.ok(!('error' in result), `the command failed: ${(result as CommandFailure).error}`);
  return result as T;
}

/** The message of a command's refusal; fails when the command did not refuse. */
export function failure(result: unknown): string {
  assert.ok(result && typeof result === 'object' && 'error' in result, `expected the command to refuse, got ${JSON.stringify(result)}`);
  return (result as CommandFailure).error;
}

/** The card JSON inside `<script type="application/adaptivecard+json">` of an email document. */
export function scriptCard(html: string): unknown {
  const match = /<script type="application\/adaptivecard\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'the document has the card script');
  return JSON.parse(match[1]!);
}

/** Every file under `folder`, recursively. */
export function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** The session's log folder (…/logs/<yyyymmddThhmmss>/) that holds the extension host's log and output files. */
export function sessionLogFolder(api: ActionableMessagesApi): string {
  let folder = api.logUri.fsPath;
  while (!/^\d{8}T\d{6}$/.test(path.basename(folder))) {
    const parent = path.dirname(folder);
    assert.notStrictEqual(parent, folder, `no session log folder above ${api.logUri.fsPath}`);
    folder = parent;
  }
  return folder;
}
