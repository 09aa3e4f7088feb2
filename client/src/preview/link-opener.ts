import * as vscode from 'vscode';
import { checkOpenableUrl } from './url-policy';

const OPEN = 'Open';

/** Opens a link from the card only after the user confirms it; schemes other than http(s) and mailto are refused. */
export async function confirmAndOpenUrl(url: string): Promise<void> {
  const verdict = checkOpenableUrl(url);
  if (!verdict.openable) {
    void vscode.window.showWarningMessage(`Card preview: ${verdict.problem}`);
    return;
  }
  const choice = await vscode.window.showInformationMessage(`Open ${verdict.url}?`,
    { modal: true, detail: 'The card preview asks to open this link outside VS Code.' }, OPEN);
  if (choice === OPEN) await vscode.env.openExternal(vscode.Uri.parse(verdict.url, true));
}
