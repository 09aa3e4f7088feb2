// The one base of the errors whose message is written for people. Like jose's JOSEError, each class carries a stable
// `code` (on the class and on every instance) that scripts and tests can rely on while the wording improves.
// The front ends decide by this class alone: the client shows the message of any InputError as is, the CLI prints it
// and exits with status 2; anything else is a bug and is reported as one.

/**
 * A problem with what the user gave (a card, a key, an address, a file, a command line or a setting). The message
 * names the problem and the place, never quotes secrets, and is shown as is; a subclass only sets its `code`.
 */
export class InputError extends Error {
  /** Stable code of the class, e.g. 'ERR_KEY_FORMAT'. */
  static readonly code: string = 'ERR_INPUT';
  /** Stable code of the error's class, the same as the class's static `code`. */
  readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // new.target: the class that was constructed, so a subclass needs no constructor of its own.
    this.name = new.target.name;
    this.code = (new.target as typeof InputError).code;
  }
}
