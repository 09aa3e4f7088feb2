// How amcard reads one input file: only regular files (or standard input) of at most MAX_INPUT_FILE_BYTES.
// A FIFO would block for ever and /dev/zero would fill memory, so both are refused before a byte is read.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { InputError } from '../card';

/**
 * The largest input file amcard reads (cards, emails, JWS, keys, config and --data files). Large enough for any
 * email that carries a signed card at the 256 KiB token limit of decode (signing/verify.ts MAX_TOKEN_LENGTH),
 * base64-encoded with its HTML; real cards are a few kilobytes.
 */
export const MAX_INPUT_FILE_BYTES = 4 * 1024 * 1024;

/** A file amcard refuses to read; the message completes "<file>: …". */
export class UnreadableInputError extends InputError {
  static override readonly code = 'ERR_UNREADABLE_INPUT';
}

function mebibytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}

function tooLarge(): UnreadableInputError {
  return new UnreadableInputError(`larger than amcard's input limit of ${mebibytes(MAX_INPUT_FILE_BYTES)}`);
}

function notARegularFile(stats: Stats): UnreadableInputError {
  if (stats.isDirectory()) return new UnreadableInputError('is a directory');
  const kind = stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'a special file';
  return new UnreadableInputError(`is ${kind}, not a regular file: amcard reads only regular files`);
}

/** What standard input's first read asks for; its size is not known ahead. */
const STANDARD_INPUT_FIRST_READ = 64 * 1024;

/**
 * Reads at most MAX_INPUT_FILE_BYTES from `fd`, refusing the input when more follows. The buffer starts one byte
 * larger than `expectedBytes` (a regular file's size), so a file read whole costs one buffer and a last read that
 * finds its end; it only grows for input longer than expected.
 */
function readBounded(fd: number, expectedBytes: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expectedBytes, MAX_INPUT_FILE_BYTES) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(2 * buffer.length, MAX_INPUT_FILE_BYTES + 1));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const count = readSync(fd, buffer, total, buffer.length - total, null);
    if (count === 0) return buffer.subarray(0, total);
    total += count;
    if (total > MAX_INPUT_FILE_BYTES) throw tooLarge();
  }
}

/**
 * Opens `file` and gives its descriptor and size to `read` when it is a regular file of at most MAX_INPUT_FILE_BYTES;
 * throws UnreadableInputError for anything else, and the fs error when the file cannot be opened.
 */
function readRegularFile<T>(file: string, read: (fd: number, size: number) => T): T {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one; fstat then tells what was opened.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notARegularFile(stats);
    if (stats.size > MAX_INPUT_FILE_BYTES) throw tooLarge();
    return read(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of `file`, `-` for standard input (which may be a pipe). Throws UnreadableInputError for anything but
 * a regular file, or one over MAX_INPUT_FILE_BYTES, and the fs error when the file cannot be opened.
 */
export function readInputBytes(file: string): Buffer {
  if (file === '-') return readBounded(0, STANDARD_INPUT_FIRST_READ);
  return readRegularFile(file, readBounded);
}

/**
 * readInputBytes decoded as UTF-8 (an invalid sequence reads as U+FFFD). A regular file is read and decoded by Node
 * in one call, with no buffer of ours: about 5 µs less per small file (of some 30), and `amcard lint` reads them by
 * the thousand. Its size is checked before; should it grow past the limit while it is read, it is refused after.
 */
export function readInputText(file: string): string {
  if (file === '-') return readBounded(0, STANDARD_INPUT_FIRST_READ).toString('utf8');
  const text = readRegularFile(file, (fd) => readFileSync(fd, 'utf8'));
  // A character is at least one byte: more characters than the limit allows bytes is over the limit.
  if (text.length > MAX_INPUT_FILE_BYTES) throw tooLarge();
  return text;
}
