import * as vscode from 'vscode';
import { messageForPeople } from './user-facing-error';

/** What a command resolves to when it stopped on a problem (the same text was shown to the user). */
export interface CommandFailure {
  readonly error: string;
}

/**
 * Registers a command that reports its problems as an error notification instead of a rejected promise, and
 * resolves to `{ error }` then, so scripts and tests can tell a refusal from a cancellation (undefined).
 */
export function registerCommand<Result>(
  context: vscode.ExtensionContext,
  id: string,
  run: (...args: unknown[]) => Promise<Result>,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<Result | CommandFailure> => {
    try {
      return await run(...args);
    } catch (error) {
      const message = messageForPeople(error);
      void vscode.window.showErrorMessage(message);
      return { error: message };
    }
  }));
}
