// amcard's standard output and error when writing to them fails. Mostly their reader has gone first: `amcard lint . |
// head` exits head after the lines it wants, and amcard's next write to the pipe fails with EPIPE. Node reports that
// as an 'error' event on the stream which, unhandled, ends the process with a stack trace.
import { EXIT_USAGE } from './command';

/** Errors that only say nobody reads any more: the first write to the closed pipe, and any write after it. */
const READER_GONE: ReadonlySet<string | undefined> = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

let writeFailed = false;

/**
 * Drops the rest of the output when its reader has gone, keeping the command's own exit status (lint's 1 for
 * findings, say), as `set -o pipefail` reads it. Any other write error (a full disk) is named in one line, and the
 * exit status is 2 (exitStatus), whether the error comes before or after the command has returned.
 */
export function handleOutputErrors(): void {
  for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (READER_GONE.has(error.code)) return;
      // When standard error is what failed, there is nowhere left to say so.
      if (stream !== process.stderr) process.stderr.write(`amcard: cannot write to ${name}: ${error.message}\n`);
      writeFailed = true;
      process.exitCode = EXIT_USAGE;
    });
  }
}

/** The exit status of a command that returned `code`: EXIT_USAGE when its output could not be written. */
export function exitStatus(code: number): number {
  return writeFailed ? EXIT_USAGE : code;
}
