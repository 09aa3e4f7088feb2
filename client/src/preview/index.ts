import * as vscode from 'vscode';
import type { PreviewOptions } from '../../../webview/src/protocol';
import { CARD_DOCUMENT_SELECTOR } from '../card-language';
import { registerCommand } from '../commands/command-runner';
import { UserFacingError } from '../commands/user-facing-error';
import type { CardDocuments } from './card-documents';
import { trackCardEditorContext } from './card-editor-context';
import { fileLabel } from './file-reading';
import { previewOptionsFrom } from '../../../webview/src/preview-options';
import { lazyBundle } from '../lazy-bundle';
import type * as PreviewBundle from './preview-panel';

export const PREVIEW_VIEW_TYPE = 'actionableMessages.preview';
export const OPEN_PREVIEW_COMMAND = 'actionableMessages.openPreview';
export const OPEN_PREVIEW_TO_SIDE_COMMAND = 'actionableMessages.openPreviewToSide';
const OPTIONS_KEY = 'actionableMessages.preview.options';
const SHOWN_DOCUMENT_KEY = 'actionableMessages.preview.documentUri';

/** The preview as scripts and the in-host tests see it. */
export interface PreviewApi {
  /** Fires when the webview has rendered (or visibly failed to render) a `render` the host sent. */
  readonly onDidRender: vscode.Event<PreviewBundle.PreviewRender>;
  /** The URI of the card the preview shows; undefined while no preview is open. */
  shownDocumentUri(): string | undefined;
}

function notACard(document: vscode.TextDocument): UserFacingError {
  return new UserFacingError(`${vscode.workspace.asRelativePath(document.uri, false)} is not an actionable-message card: its name does not`
    + ' match actionableMessages.files and its root is no Outlook card ("type": "AdaptiveCard", "@type": "MessageCard" or a signed card).');
}

/** Two CodeLenses at the top of every card. */
function previewCodeLenses(cards: CardDocuments): vscode.CodeLensProvider {
  return {
    onDidChangeCodeLenses: cards.onDidChange,
    provideCodeLenses(document) {
      if (!cards.isCard(document)) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, { title: 'Open Preview', command: OPEN_PREVIEW_COMMAND, arguments: [document.uri] }),
        new vscode.CodeLens(top, { title: 'Open Preview to the Side', command: OPEN_PREVIEW_TO_SIDE_COMMAND, arguments: [document.uri] }),
      ];
    },
  };
}

/**
 * The live card preview: one panel, opened by the commands (palette, editor title, CodeLens, context menus),
 * following the active card editor, restored after a window reload. `cards` decides which documents are cards (the
 * extension owns it). The panel's code loads when the first panel opens (dist/preview.js, client/src/lazy-bundle.ts).
 */
export function registerPreview(context: vscode.ExtensionContext, cards: CardDocuments, actionSimulated: (title: string) => void): PreviewApi {
  const panels = lazyBundle<typeof PreviewBundle>(context, 'dist/preview.js');
  const renders = new vscode.EventEmitter<PreviewBundle.PreviewRender>();
  let preview: PreviewBundle.PreviewPanel | undefined;
  const host: PreviewBundle.PreviewHost = {
    extensionUri: context.extensionUri,
    options: () => previewOptionsFrom(context.globalState.get(OPTIONS_KEY)),
    rememberOptions: (options: PreviewOptions) => void context.globalState.update(OPTIONS_KEY, options),
    rememberDocument: (uri) => void context.workspaceState.update(SHOWN_DOCUMENT_KEY, uri.toString()),
    rendered: (render) => renders.fire(render),
    actionSimulated,
    // Sending, and the development key with jose, load with the panel's bundle.
    sendHttpAction: (message, card) => panels().sendFromPreview(message, card, panels().developmentKeyStore(context.secrets)),
  };
  const adopt = (panel: vscode.WebviewPanel, document: vscode.TextDocument) => {
    const adopted = new (panels().PreviewPanel)(panel, document, host);
    adopted.onDidDispose(() => { if (preview === adopted) preview = undefined; });
    preview = adopted;
  };

  const open = async (toSide: boolean, target: unknown): Promise<void> => {
    const document = target instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(target)
      : vscode.window.activeTextEditor?.document;
    if (document === undefined) throw new UserFacingError('Open a card (a *.card.json file) in the editor first.');
    if (!cards.isCard(document)) throw notACard(document);
    const viewColumn = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (preview === undefined) {
      const { previewTitle, previewWebviewOptions } = panels();
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(document), { viewColumn, preserveFocus: toSide },
        { ...previewWebviewOptions(context.extensionUri), retainContextWhenHidden: true });
      adopt(panel, document);
    } else {
      preview.panel.reveal(viewColumn, toSide);
      if (preview.documentUri !== document.uri.toString()) preview.show(document);
    }
  };
  registerCommand(context, OPEN_PREVIEW_COMMAND, (target) => open(false, target));
  registerCommand(context, OPEN_PREVIEW_TO_SIDE_COMMAND, (target) => open(true, target));

  context.subscriptions.push(
    renders,
    { dispose: () => preview?.dispose() },
    trackCardEditorContext(cards),
    vscode.languages.registerCodeLensProvider(CARD_DOCUMENT_SELECTOR, previewCodeLenses(cards)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Only cards are followed: other editors leave the preview as it is.
      if (preview !== undefined && editor !== undefined && cards.isCard(editor.document) && preview.documentUri !== editor.document.uri.toString()) {
        preview.show(editor.document);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        const saved = context.workspaceState.get<string>(SHOWN_DOCUMENT_KEY);
        if (saved === undefined || preview !== undefined) {
          panel.dispose();
          return;
        }
        const uri = vscode.Uri.parse(saved, true);
        try {
          adopt(panel, await vscode.workspace.openTextDocument(uri));
        } catch (error) {
          panel.dispose();
          void vscode.window.showWarningMessage(`The card preview of ${fileLabel(uri)} was not restored: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    }),
  );
  return { onDidRender: renders.event, shownDocumentUri: () => preview?.documentUri };
}
