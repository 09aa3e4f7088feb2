import * as vscode from 'vscode';
import type { NamedText } from '../../../webview/src/protocol';
import { fileLabel, readPreviewFile } from './file-reading';
import { dataFileFor } from '../../../server/src/card';

/** The files a data file can be among the card's folder (see dataFileFor), for a watcher of that folder. */
export const DATA_FILE_GLOB = '{*.data.json,data.json}';

export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** The names of the files in a saved card's folder; none for an untitled card or an unreadable folder. */
export async function fileNamesBeside(card: vscode.Uri): Promise<string[]> {
  if (card.scheme === 'untitled') return [];
  try {
    const entries = await vscode.workspace.fs.readDirectory(folderOf(card));
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return [];
  }
}

/** The template data file beside a saved card (see dataFileFor for the rule); an untitled card has none. */
export async function findDataFile(card: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = dataFileFor(fileLabel(card), await fileNamesBeside(card));
  return chosen === undefined ? undefined : vscode.Uri.joinPath(folderOf(card), chosen);
}

/** The data as the user sees it: an open document with unsaved edits wins over the file on disk. */
export async function readDataFile(uri: vscode.Uri): Promise<NamedText> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) return { fileName: fileLabel(uri), text: open.getText() };
  return readPreviewFile(uri, 'template data file');
}
