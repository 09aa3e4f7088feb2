import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** What `activate()` returns: the in-host tests reach the language client through it. */
export interface ActionableMessagesApi {
  readonly client: LanguageClient;
  /** Settles once the language server has started and answered `initialize` (rejects when it could not start). */
  readonly whenReady: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ActionableMessagesApi {
  const serverOptions: ServerOptions = { module: context.asAbsolutePath('dist/server.js'), transport: TransportKind.ipc };
  // Every JSON document goes to the server; it decides from `actionableMessages.files` which ones are cards.
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['json', 'jsonc'].flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
    synchronize: { configurationSection: 'actionableMessages' },
  };
  client = new LanguageClient('actionableMessages', 'Actionable Messages', serverOptions, clientOptions);
  const whenReady = client.start();
  return { client, whenReady };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
