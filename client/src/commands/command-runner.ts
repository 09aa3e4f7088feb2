import * as vscode from 'vscode';
import { messageForPeople } from './user-facing-error';

/** What a command resolves to when it stopped on a problem (the same text was shown to the user). */
export interface CommandFailure {
  readonly error: string;
}

/**
 * Runs a command's work, reporting a problem as an error notification instead of a rejected promise, and resolving
 * to `{ error }` then, so scripts and tests can tell a refusal from a cancellation (undefined).
 */
export async function reportingProblems<Result>(run: () => Promise<Result>): Promise<Result | CommandFailure> {
  try {
    return await run();
  } catch (error) {
    const message = messageForPeople(error);
    void vscode.window.showErrorMessage(message);
    return { error: message };
  }
}

/** Registers a command whose problems are reported by `reportingProblems`. */
export function registerCommand<Result>(
  context: vscode.ExtensionContext,
  id: string,
  run: (...args: unknown[]) => Promise<Result>,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => reportingProblems(() => run(...args))));
}
