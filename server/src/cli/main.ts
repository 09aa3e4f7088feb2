import path from 'node:path';
// esbuild keeps only this field of package.json in the bundle
import { version } from '../../../package.json';
import { EXIT_OK, EXIT_USAGE, type Command } from './command';
import type * as BundledCommands from './commands-bundle';
import { lintCommand } from './lint';
import { exitStatus, handleOutputErrors } from './output-streams';
import { MAX_INPUT_FILE_BYTES } from './read-file';
import { runCommand } from './run-command';
import { tuneV8ForShortRun } from './v8-flags';

/**
 * The commands but lint, from dist/cli-commands.js beside this bundle (commands-bundle.ts says why they are apart),
 * required the first time one runs or the overview lists them. The path is computed, so esbuild leaves this require
 * to run time.
 */
function bundledCommands(): typeof BundledCommands {
  return require(path.join(__dirname, 'cli-commands.js')) as typeof BundledCommands;
}

/** Every command, lint first. */
function allCommands(): Readonly<Record<string, Command>> {
  return { lint: lintCommand, ...bundledCommands().COMMANDS };
}

const INPUT_FILES_NOTE = `Input files (cards, emails, tokens, keys, config and --data files) must be regular files of at most
${MAX_INPUT_FILE_BYTES / (1024 * 1024)} MiB, or - for standard input; pipes, devices and larger files are refused. Directories that cannot
be listed are skipped with a warning.`;

function overview(): string {
  const commands = allCommands();
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['Usage: amcard <command> [options]', '', 'Commands:', ...lines, '', INPUT_FILES_NOTE, '', 'Run "amcard <command> --help" for the options of a command; "amcard --version" prints the version.', ''].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  if (name === undefined) {
    process.stderr.write(overview());
    return EXIT_USAGE;
  }
  if (name === 'lint') return runCommand(lintCommand, rest);
  const bundled = bundledCommands();
  if (!Object.prototype.hasOwnProperty.call(bundled.COMMANDS, name)) {
    process.stderr.write(`amcard: unknown command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  return bundled.runBundledCommand(name, rest);
}

tuneV8ForShortRun();
handleOutputErrors();
// exitCode rather than process.exit(): large outputs to a pipe are flushed before the process ends.
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = exitStatus(code); },
  (error: unknown) => {
    process.stderr.write(`amcard: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
