// What the user sees of a failed command: the message of an InputError as is, anything else as a bug. Free of
// vscode, so the decision is tested as a plain function.
import { InputError } from '../../../server/src/card';

/** A problem the user can act on, found by the client itself; its message is shown as is and never carries key material. */
export class UserFacingError extends InputError {
  static override readonly code = 'ERR_USER_FACING';
}

/** The text to show for a command's failure: the message of any InputError, whichever room threw it. */
export function messageForPeople(error: unknown): string {
  if (error instanceof InputError) return error.message;
  // Anything else is a bug; its message is kept but never the stack, which could quote values.
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
