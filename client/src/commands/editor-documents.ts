import * as vscode from 'vscode';
import { parseJsonDocument } from '../../../server/src/card';
import { CARD_DOCUMENT_LANGUAGES } from '../card-language';
import { UserFacingError } from './user-facing-error';

const DIAGNOSTIC_SOURCE = 'actionable-messages';

/**
 * The card a command works on: the file a menu passed (`target`), else the active editor's document.
 * Card commands take card-language or JSON documents; the language server decides the rest.
 */
export async function cardDocument(target: vscode.Uri | undefined): Promise<vscode.TextDocument> {
  if (target) return vscode.workspace.openTextDocument(target);
  const document = vscode.window.activeTextEditor?.document;
  if (!document) throw new UserFacingError('Open a card (a *.card.json file) in the editor first.');
  if (!CARD_DOCUMENT_LANGUAGES.includes(document.languageId)) {
    throw new UserFacingError(`The active editor (${displayName(document)}) is not JSON: open a card (a *.card.json file) first.`);
  }
  return document;
}

export function displayName(document: vscode.TextDocument): string {
  return vscode.workspace.asRelativePath(document.uri, false);
}

/** The language server's errors on `document`, as "line N: AM030 message" lines. */
export function cardErrors(document: vscode.TextDocument): string[] {
  return vscode.languages.getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.severity === vscode.DiagnosticSeverity.Error)
    .map((diagnostic) => {
      const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      return `line ${diagnostic.range.start.line + 1}: ${rule ?? ''} ${diagnostic.message}`.replace(/ {2,}/g, ' ');
    });
}

/**
 * Signing and the email need the card's JSON itself, so text that does not parse is refused outright: unlike a rule
 * error, there is no "anyway" for a syntax error. `action` names the command in the message.
 */
export function refuseInvalidJson(document: vscode.TextDocument, action: string): void {
  const { syntaxProblem } = parseJsonDocument(document.getText());
  if (syntaxProblem === undefined) return;
  const { line, character } = document.positionAt(syntaxProblem.offset);
  throw new UserFacingError(`${action}: ${displayName(document)} is not valid JSON at line ${line + 1}, column ${character + 1}: ${syntaxProblem.message} Fix the JSON first.`);
}

/**
 * Refuses a card with errors unless the user chooses `action` ("Sign anyway", interactive) or `signAnyway` was passed.
 * `refusal` starts the message of a refusal without prompts ("Not signed" by default). Resolves to false when the
 * user cancels.
 */
export async function confirmCardWithoutErrors(
  document: vscode.TextDocument,
  action: string,
  options: { interactive: boolean; signAnyway: boolean; refusal?: string },
): Promise<boolean> {
  const errors = cardErrors(document);
  if (errors.length === 0 || options.signAnyway) return true;
  const summary = `${displayName(document)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; Outlook may reject or drop the card.`;
  if (!options.interactive) throw new UserFacingError(`${options.refusal ?? 'Not signed'}: ${summary}\n${errors.join('\n')}`);
  const choice = await vscode.window.showWarningMessage(summary, { modal: true, detail: errors.join('\n') }, action);
  return choice === action;
}

/**
 * A new untitled editor holding `content`, named `<stem>-<n><suffix>` (decoded-card-2.card.json, public-key-1.txt):
 * the tab says what it holds, name-based settings such as actionableMessages.files (and the diagnostics that follow
 * from them) apply to it, and `n` skips every name a document of this extension host still has. VS Code's own
 * Untitled-<n> names come back once a document is closed, while the extension host may still hold the old document
 * under that name, whose text a command result's Uri would then lead to.
 */
export async function showNamedUntitled(stem: string, suffix: string, content: string, language: string): Promise<vscode.TextDocument> {
  const taken = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.path));
  let number = 1;
  while (taken.has(`${stem}-${number}${suffix}`)) number++;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `${stem}-${number}${suffix}` });
  const opened = await vscode.workspace.openTextDocument(uri);
  const document = opened.languageId === language ? opened : await vscode.languages.setTextDocumentLanguage(opened, language);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  return editor.document;
}
