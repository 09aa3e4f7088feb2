import { InputError } from '../card';
import { EXIT_OK, EXIT_USAGE, type Command } from './command';

/**
 * Runs `command` with the arguments after its name: its help for --help or -h, else its run, with a message written
 * for people (a UsageError, a bad key, a key file that cannot be written, ...) printed and exit status 2. Anything
 * else is a bug, and main.ts reports it as an internal error. Each CLI bundle has its own copy of this and of
 * InputError (commands-bundle.ts says why), so the `instanceof` below meets only errors of its own bundle.
 */
export async function runCommand(command: Command, args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
}
