import * as vscode from 'vscode';
import type { NamedText } from '../../../webview/src/protocol';
import { InputError } from '../../../server/src/card';
import { UserFacingError } from '../commands/user-facing-error';

/** Data and response files are small JSON; a larger file is a wrong pick, refused before it is read into memory. */
export const PREVIEW_FILE_LIMIT_BYTES = 5 * 1024 * 1024;

export function fileLabel(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function problemOf(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    switch (error.code) {
      case 'FileNotFound': return 'the file does not exist';
      case 'FileIsADirectory': return 'it is a folder';
      case 'NoPermissions': return 'permission denied';
      default: break;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A data or response file's text as the preview sends it: `role` names the file in messages ("response file"),
 * which name the file and the problem (missing, too large, not UTF-8).
 */
export async function readPreviewFile(uri: vscode.Uri, role: string): Promise<NamedText> {
  const fileName = fileLabel(uri);
  const where = `${role} ${vscode.workspace.asRelativePath(uri, false)}`;
  let bytes: Uint8Array;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > PREVIEW_FILE_LIMIT_BYTES) {
      throw new UserFacingError(`The ${where} is ${size.toLocaleString('en-US')} bytes, over the preview's limit of ${PREVIEW_FILE_LIMIT_BYTES / 1024 / 1024} MiB.`);
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new UserFacingError(`Cannot read the ${where}: ${problemOf(error)}.`);
  }
  try {
    return { fileName, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new UserFacingError(`The ${where} is not UTF-8 text.`);
  }
}
