import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../card';

export const EXIT_OK = 0;
/** At least one finding at error severity. */
export const EXIT_FINDINGS = 1;
/** Bad command line, unreadable input or bad configuration: nothing was checked. */
export const EXIT_USAGE = 2;

/** One `amcard <name>` subcommand; main.ts dispatches to it, through runCommand, with the arguments after its name. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** A problem with what the user asked for; runCommand prints the message and exits with EXIT_USAGE. */
export class UsageError extends InputError {
  static override readonly code = 'ERR_USAGE';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The first option in `args` that `options` does not define: its name as written (`--frob`, `-x`) and the argument
 * that holds it (`--frob=1`, `-xy`). node:util's own message for it leaves a quote open and drops `=1`.
 */
function unknownOption(args: readonly string[], options: Options): { name: string; argument: string } | undefined {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(options, token.name)) return { name: token.rawName, argument: args[token.index]! };
  }
  return undefined;
}

function describeParseError(args: readonly string[], options: Options, error: unknown): string {
  const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOption(args, options) : undefined;
  if (unknown === undefined) return error instanceof Error ? error.message : String(error);
  const within = unknown.argument === unknown.name ? '' : ` (in "${unknown.argument}")`;
  return `unknown option "${unknown.name}"${within}. A file name that starts with "-" goes after "--".`;
}

/** node:util parseArgs in strict mode, with its errors turned into UsageErrors that name the command. */
export function parseCommandArgs<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`amcard ${command}: ${describeParseError(args, options, error)}\nRun "amcard ${command} --help" for the options.`);
  }
}
