import * as vscode from 'vscode';
import { CardEmailError } from '../../../server/src/email';
import { KeyFormatError, SigningInputError } from '../../../server/src/signing';

/** A problem the user can act on; its message is shown as is and never carries key material. */
export class UserFacingError extends Error {}

/** What a command resolves to when it stopped on a problem (the same text was shown to the user). */
export interface CommandFailure {
  readonly error: string;
}

/** Errors of the pure modules whose messages are written for people (they name the problem and the place). */
const PEOPLE_READABLE_ERRORS = [UserFacingError, KeyFormatError, SigningInputError, CardEmailError];

function messageOf(error: unknown): string {
  if (PEOPLE_READABLE_ERRORS.some((kind) => error instanceof kind)) return (error as Error).message;
  // Anything else is a bug; its message is kept but never the stack, which could quote values.
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
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
      const message = messageOf(error);
      void vscode.window.showErrorMessage(message);
      return { error: message };
    }
  }));
}
