// How amcard reads one input file: only regular files (or standard input) of at most MAX_INPUT_FILE_BYTES.
// A FIFO would block for ever and /dev/zero would fill memory, so both are refused before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { TextDecoder } from 'node:util';
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

/** What a file that is no regular file is, for messages about reading and writing alike: "a directory", "a device", … */
export function kindOfSpecialFile(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  return stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'a special file';
}

function notARegularFile(stats: Stats): UnreadableInputError {
  if (stats.isDirectory()) return new UnreadableInputError('is a directory');
  return new UnreadableInputError(`is ${kindOfSpecialFile(stats)}, not a regular file: amcard reads only regular files`);
}

/** The file argument that stands for standard input. */
export const STANDARD_INPUT = '-';

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

/** The size of the file open as `fd`; throws UnreadableInputError when it is no regular file within the limit. */
function checkRegularFile(fd: number): number {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw notARegularFile(stats);
  if (stats.size > MAX_INPUT_FILE_BYTES) throw tooLarge();
  return stats.size;
}

/**
 * Opens `file` and gives its descriptor and size to `read` when it is a regular file of at most MAX_INPUT_FILE_BYTES;
 * throws UnreadableInputError for anything else, and the fs error when the file cannot be opened.
 */
function readRegularFile<T>(file: string, read: (fd: number, size: number) => T): T {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one; fstat then tells what was opened.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return read(fd, checkRegularFile(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of `file`, `-` for standard input (which may be a pipe). Throws UnreadableInputError for anything but
 * a regular file, or one over MAX_INPUT_FILE_BYTES, and the fs error when the file cannot be opened.
 */
export function readInputBytes(file: string): Buffer {
  if (file === STANDARD_INPUT) return readBounded(0, STANDARD_INPUT_FIRST_READ);
  return readRegularFile(file, readBounded);
}

/**
 * The buffer readInputText reads into. It grows to the largest file read, so `amcard lint` reads thousands of files
 * into one buffer, and decodes each with a single call.
 */
let textBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads `fd` whole into textBuffer and gives the byte count. A small regular file costs two reads and nothing more:
 * its size is asked for (fstat) only when the reading looks unusual, that is, when it fills the buffer, ends empty
 * or fails (EISDIR, or EAGAIN from a pipe opened without blocking); a pipe or device is refused then, having given
 * at most one buffer.
 */
function readTextBytes(fd: number): number {
  let total = 0;
  try {
    for (;;) {
      if (total === textBuffer.length) {
        const size = checkRegularFile(fd);
        // A regular file that grew past the limit while it was read.
        if (total > MAX_INPUT_FILE_BYTES) throw tooLarge();
        const grown = Buffer.allocUnsafe(Math.min(Math.max(2 * total, size + 1), MAX_INPUT_FILE_BYTES + 1));
        textBuffer.copy(grown, 0, 0, total);
        textBuffer = grown;
      }
      const count = readSync(fd, textBuffer, total, textBuffer.length - total, null);
      if (count === 0) break;
      total += count;
    }
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) checkRegularFile(fd);
    throw error;
  }
  if (total === 0) checkRegularFile(fd);
  return total;
}

/**
 * Decoders for text that starts with a UTF-16 byte order mark, as Windows PowerShell 5 writes `node card.js >
 * card.json`, and as an editor opens it; each drops the mark.
 */
const UTF16_DECODERS: readonly (readonly [number, number, TextDecoder])[] = [
  [0xff, 0xfe, new TextDecoder('utf-16le')],
  [0xfe, 0xff, new TextDecoder('utf-16be')],
];

/**
 * The first `length` bytes of `bytes` as text when they start with a UTF-16 byte order mark (which is dropped);
 * undefined for any other bytes. For decode, which reads other input as bytes whose charsets decide their text.
 */
export function utf16Text(bytes: Uint8Array, length = bytes.length): string | undefined {
  if (length < 2) return undefined;
  for (const [first, second, decoder] of UTF16_DECODERS) {
    if (bytes[0] === first && bytes[1] === second) return decoder.decode(bytes.subarray(0, length));
  }
  return undefined;
}

/** `length` bytes of `bytes` as text: UTF-16 after its byte order mark, else UTF-8 (an invalid sequence reads as U+FFFD). */
function decodeText(bytes: Buffer, length: number): string {
  return utf16Text(bytes, length) ?? bytes.toString('utf8', 0, length);
}

/**
 * readInputBytes decoded as text (decodeText). It refuses what readInputBytes refuses, and reads a regular file with
 * no fstat and no buffer of its own (readTextBytes): `amcard lint` reads them by the thousand, and its cost per file
 * is measured against Node's own readFileSync.
 */
export function readInputText(file: string): string {
  if (file === STANDARD_INPUT) {
    const bytes = readBounded(0, STANDARD_INPUT_FIRST_READ);
    return decodeText(bytes, bytes.length);
  }
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // The count first: reading may replace textBuffer with a larger one.
    const length = readTextBytes(fd);
    return decodeText(textBuffer, length);
  } finally {
    closeSync(fd);
  }
}
