import { InputError } from '../card';
import { EXIT_OK, EXIT_USAGE, type Command } from './command';
import { decodeCommand } from './decode';
import { emlCommand } from './eml';
import { htmlCommand } from './html';
import { invokeCommand } from './invoke';
import { keyCommand } from './key-convert';
import { keygenCommand } from './keygen';
import { lintCommand } from './lint';
import { MAX_INPUT_FILE_BYTES } from './read-file';
import { sendCommand } from './send';
import { signCommand } from './sign';
import { tokenCommand } from './token';
import { tuneV8ForShortRun } from './v8-flags';

const COMMANDS: Readonly<Record<string, Command>> = {
  lint: lintCommand,
  keygen: keygenCommand,
  key: keyCommand,
  sign: signCommand,
  html: htmlCommand,
  eml: emlCommand,
  decode: decodeCommand,
  invoke: invokeCommand,
  token: tokenCommand,
  send: sendCommand,
};

const INPUT_FILES_NOTE = `Input files (cards, emails, tokens, keys, config and --data files) must be regular files of at most
${MAX_INPUT_FILE_BYTES / (1024 * 1024)} MiB, or - for standard input; pipes, devices and larger files are refused. Directories that cannot
be listed are skipped with a warning.`;

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['Usage: amcard <command> [options]', '', 'Commands:', ...lines, '', INPUT_FILES_NOTE, '', 'Run "amcard <command> --help" for the options of a command.', ''].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return EXIT_OK;
  }
  if (name === undefined) {
    process.stderr.write(overview());
    return EXIT_USAGE;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`amcard: unknown command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    // A message written for people (a UsageError, a bad key, a key file that cannot be written, ...); anything
    // else is a bug and ends as an internal error below.
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
}

tuneV8ForShortRun();
// exitCode rather than process.exit(): large outputs to a pipe are flushed before the process ends.
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`amcard: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
