import * as vscode from 'vscode';
import type { CardDocuments } from './card-documents';
import { Debounced, EDIT_SETTLE_MS } from './debounce';

/**
 * Calls `update` whenever what the active editor holds may have changed: at once when the active editor changes or a
 * document opens (a language change reopens it under its new id), shortly after typing into the active editor, and
 * when `cards` may answer differently (its settings or the workspace folders changed).
 */
export function followActiveEditor(cards: CardDocuments, update: () => void): vscode.Disposable {
  const afterEdits = new Debounced(EDIT_SETTLE_MS, update);
  return vscode.Disposable.from(
    afterEdits,
    vscode.window.onDidChangeActiveTextEditor(() => {
      afterEdits.cancel();
      update();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.length > 0) afterEdits.schedule();
    }),
    vscode.workspace.onDidOpenTextDocument(update),
    cards.onDidChange(update),
  );
}
