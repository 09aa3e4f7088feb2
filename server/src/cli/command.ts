import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../card';

export const EXIT_OK = 0;
/** At least one finding at error severity. */
export const EXIT_FINDINGS = 1;
/** Bad command line, unreadable input or bad configuration: nothing was checked. */
export const EXIT_USAGE = 2;

/** One `amcard <name>` subcommand; main.ts dispatches to it with the arguments after its name. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** A problem with what the user asked for; main.ts prints the message and exits with EXIT_USAGE. */
export class UsageError extends InputError {
  static override readonly code = 'ERR_USAGE';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, with its errors turned into UsageErrors that name the command. */
export function parseCommandArgs<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`amcard ${command}: ${message}\nRun "amcard ${command} --help" for the options.`);
  }
}
