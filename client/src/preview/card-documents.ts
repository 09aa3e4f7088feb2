import * as vscode from 'vscode';
import { looksLikeCard } from '../../../server/src/card';
import { isDeclaredCard } from '../../../server/src/language';
import { readEditorSettings } from '../../../server/src/settings';
import { CARD_DOCUMENT_LANGUAGES, CARD_DOCUMENT_SCHEMES } from '../card-language';

/** The context key of the `when` clauses that show the preview commands for card editors. */
export const CARD_EDITOR_CONTEXT = 'actionableMessages.isCardEditor';

/**
 * Which documents are cards, decided as the language server decides: the card language, the `actionableMessages.files`
 * and `actionableMessages.responseFiles` globs, or a root that is an Outlook card kind. A document once recognised stays a card until it closes or the setting changes, so
 * the preview keeps following it while it is being typed into shape (the server likewise keeps its last parse).
 */
export class CardDocuments implements vscode.Disposable {
  private readonly recognised = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the answer may have changed for every document (the `files` or `responseFiles` setting or the workspace folders changed). */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    const forgetAll = () => {
      this.recognised.clear();
      this.changeEmitter.fire();
    };
    this.subscriptions = [
      this.changeEmitter,
      vscode.workspace.onDidCloseTextDocument((document) => this.recognised.delete(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('actionableMessages.files') || event.affectsConfiguration('actionableMessages.responseFiles')) forgetAll();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(forgetAll),
    ];
  }

  isCard(document: vscode.TextDocument): boolean {
    if (!CARD_DOCUMENT_LANGUAGES.includes(document.languageId) || !CARD_DOCUMENT_SCHEMES.includes(document.uri.scheme)) return false;
    const key = document.uri.toString();
    if (this.recognised.has(key)) return true;
    const globs = readEditorSettings(vscode.workspace.getConfiguration('actionableMessages', document.uri));
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
    const card = isDeclaredCard(document.languageId, path, folders, globs) || looksLikeCard(document.getText());
    if (card) this.recognised.add(key);
    return card;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
