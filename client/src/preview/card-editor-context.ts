import * as vscode from 'vscode';
import { CARD_EDITOR_CONTEXT, type CardDocuments } from './card-documents';
import { Debounced, EDIT_SETTLE_MS } from './debounce';

/**
 * Keeps the `actionableMessages.isCardEditor` context key true exactly while the active editor holds a card: at once
 * when the active editor changes, shortly after typing (a plain JSON file can become a card as it is written).
 */
export function trackCardEditorContext(cards: CardDocuments): vscode.Disposable {
  let current: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isCard = document !== undefined && cards.isCard(document);
    if (isCard === current) return;
    current = isCard;
    void vscode.commands.executeCommand('setContext', CARD_EDITOR_CONTEXT, isCard);
  };
  const afterEdits = new Debounced(EDIT_SETTLE_MS, update);
  update();
  return vscode.Disposable.from(
    afterEdits,
    vscode.window.onDidChangeActiveTextEditor(() => {
      afterEdits.cancel();
      update();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.length > 0) afterEdits.schedule();
    }),
    // A language change reopens the document under its new language id.
    vscode.workspace.onDidOpenTextDocument(update),
    cards.onDidChange(update),
  );
}
