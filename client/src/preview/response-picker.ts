import * as vscode from 'vscode';
import type { NamedText } from '../../../webview/src/protocol';
import { matchesFileGlobs, readEditorSettings } from '../../../server/src/settings';
import { fileLabel, readPreviewFile } from './file-reading';
import { nearestFirst } from './related-files';
import { fileNamesBeside, folderOf } from './template-data';

const MOST_WORKSPACE_RESPONSES = 500;

interface ResponseItem extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
}

/** The `actionableMessages.responseFiles` globs that apply to the card, as the language server reads them. */
function responseGlobs(card: vscode.Uri): readonly string[] {
  return readEditorSettings(vscode.workspace.getConfiguration('actionableMessages', card)).responseFiles;
}

/**
 * The response files beside the card (also outside the workspace); for an untitled card or an unreadable folder, the
 * workspace search and Browse… remain.
 */
async function responsesBeside(card: vscode.Uri, globs: readonly string[]): Promise<vscode.Uri[]> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
  return (await fileNamesBeside(card))
    .map((name) => vscode.Uri.joinPath(folderOf(card), name))
    .filter((uri) => matchesFileGlobs(uri.scheme === 'file' ? uri.fsPath : uri.path, folders, globs));
}

/** The response files (actionableMessages.responseFiles) beside the card and in the workspace, nearest the card first. */
async function responseCandidates(card: vscode.Uri): Promise<vscode.Uri[]> {
  const globs = responseGlobs(card);
  const inWorkspace = await Promise.all(globs.map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**', MOST_WORKSPACE_RESPONSES)));
  const found = [...await responsesBeside(card, globs), ...inWorkspace.flat()];
  const byPath = new Map(found.map((uri) => [uri.path, uri]));
  const origin = card.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '/' : folderOf(card).path;
  return nearestFirst(origin, [...byPath.keys()]).map((path) => byPath.get(path)!);
}

/**
 * Lets the user pick the response card to apply (a listed response file or any file through Browse…) and reads
 * it; undefined when they cancel. Read problems are thrown as messages naming the file.
 */
export async function pickResponseFile(card: vscode.Uri): Promise<NamedText | undefined> {
  const items: ResponseItem[] = (await responseCandidates(card)).map((uri) => ({
    label: fileLabel(uri),
    description: vscode.workspace.asRelativePath(folderOf(uri), true),
    uri,
  }));
  items.push({ label: '$(folder-opened) Browse…', alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Response card to apply',
    placeHolder: 'The card your service answers with (CARD-UPDATE-IN-BODY): a file of actionableMessages.responseFiles',
  });
  if (picked === undefined) return undefined;
  const uri = picked.uri ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: card.scheme === 'untitled' ? undefined : folderOf(card),
    filters: { 'Response cards': ['json'] },
    openLabel: 'Apply Response',
  }))?.[0];
  return uri === undefined ? undefined : readPreviewFile(uri, 'response file');
}
