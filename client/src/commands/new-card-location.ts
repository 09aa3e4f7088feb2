import * as vscode from 'vscode';
import { exists } from './workspace-files';

/**
 * Where a new card goes: the folder a menu passed (or the folder of the file it passed), else the folder of the
 * active file, else the first workspace folder; undefined when no folder is open (the card is then untitled).
 */
export async function newCardFolder(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (target) return (await isDirectory(target)) ? target : vscode.Uri.joinPath(target, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** `stem` + `suffix`, or `stem-2` + `suffix`, `stem-3` + ...: the first name no file in `folder` has. */
export async function freeFileName(folder: vscode.Uri, stem: string, suffix: string): Promise<string> {
  let name = `${stem}${suffix}`;
  for (let n = 2; await exists(vscode.Uri.joinPath(folder, name)); n++) name = `${stem}-${n}${suffix}`;
  return name;
}

/** Why `name` cannot be a new file in `folder`, or undefined when it can. */
export async function fileNameProblem(folder: vscode.Uri, name: string): Promise<string | undefined> {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a file name.';
  if (/[\\/]/.test(trimmed)) return 'Enter a file name, not a path: the card goes into the folder shown above.';
  if (await exists(vscode.Uri.joinPath(folder, trimmed))) return `${trimmed} already exists: choose another name (New Card never overwrites a file).`;
  return undefined;
}
