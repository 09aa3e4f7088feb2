import * as vscode from 'vscode';
import { followActiveEditor } from './active-editor';
import { CARD_EDITOR_CONTEXT, type CardDocuments } from './card-documents';

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
  update();
  return followActiveEditor(cards, update);
}
