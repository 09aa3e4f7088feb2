import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CARD_DOCUMENT_SELECTOR } from './card-language';
import { registerCommands } from './commands';
import { registerLanguageStatus } from './language-status';
import { registerPreview, type PreviewApi } from './preview';
import { CardDocuments } from './preview/card-documents';
import { registerServerCommands } from './server-commands';
import { QUICK_FIX_APPLIED_COMMAND, registerWalkthroughHooks, type WalkthroughHooks } from './walkthrough';

/** What `activate()` returns: the in-host tests reach the language client through it. */
export interface ActionableMessagesApi {
  readonly client: LanguageClient;
  /** Settles once the language server has started and answered `initialize` (rejects when it could not start). */
  readonly whenReady: Promise<void>;
  /** The extension's log folder (context.logUri), under the session's log folder; tests read the logs from there. */
  readonly logUri: vscode.Uri;
  /** The card preview: its renders (as the webview reports them) and the card it shows. */
  readonly preview: PreviewApi;
  /** The walkthrough's hooks: the quick fix and preview moments its steps complete on. */
  readonly walkthrough: Pick<WalkthroughHooks, 'onDidRecord'>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ActionableMessagesApi {
  registerCommands(context);
  const walkthrough = registerWalkthroughHooks(context);
  // One answer to "is this a card?" for the preview and the language status, with one set of listeners.
  const cards = new CardDocuments();
  context.subscriptions.push(cards);
  const preview = registerPreview(context, cards, (title) => void walkthrough.previewActionSimulated(title));
  const serverOptions: ServerOptions = { module: context.asAbsolutePath('dist/server.js'), transport: TransportKind.ipc };
  // Card-language and JSON documents go to the server; it decides from `actionableMessages.files` and the content
  // which JSON documents are cards.
  const clientOptions: LanguageClientOptions = {
    documentSelector: CARD_DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'actionableMessages' },
    initializationOptions: { appliedQuickFixCommand: QUICK_FIX_APPLIED_COMMAND },
  };
  // The id makes `actionableMessages.trace.server` the trace setting (package.json declares it).
  client = new LanguageClient('actionableMessages', 'Actionable Messages', serverOptions, clientOptions);
  registerServerCommands(context, client);
  registerLanguageStatus(context, cards);
  const whenReady = client.start();
  return { client, whenReady, logUri: context.logUri, preview, walkthrough: { onDidRecord: walkthrough.onDidRecord } };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
