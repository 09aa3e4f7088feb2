import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommand } from './commands/command-runner';

export const RESTART_SERVER_COMMAND = 'actionableMessages.restartServer';
export const SHOW_OUTPUT_COMMAND = 'actionableMessages.showOutput';

/**
 * "Restart Language Server" (stops the server, starts a new one; it validates the open cards again) and "Show
 * Output" (the client's output channel: the server's log, and its trace when actionableMessages.trace.server is on).
 */
export function registerServerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  registerCommand(context, RESTART_SERVER_COMMAND, () => client.restart());
  registerCommand(context, SHOW_OUTPUT_COMMAND, async () => client.outputChannel.show(true));
}
