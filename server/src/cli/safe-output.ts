// The one place amcard writes a result file (--out of html, sign, eml and decode): never over a file without --force,
// never through a symlink, never onto one of the command's own inputs, and never an email or HTML page that carries
// a private key.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, lstatSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { privateKeyIn } from '../email';
import { UsageError } from './command';
import { describeFsError } from './inputs';
import { kindOfSpecialFile } from './read-file';

/**
 * The --out value that stands for standard output, as `-` stands for standard input in the inputs. No file of that
 * name is ever written: a file that must be a file refuses it (checkOutputTarget).
 */
export const STANDARD_OUTPUT = '-';

export interface OutputTarget {
  /** The --out file. */
  readonly file: string;
  /** --force: replace a regular file that exists. */
  readonly force: boolean;
  /** The files the command read (card, key, body, input); `-` for standard input is ignored. */
  readonly inputs: readonly (string | undefined)[];
}

function linkStats(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Cannot write ${file}: ${describeFsError(error)}.`);
  }
}

/** An input that cannot be stat'ed (gone, or decode's JWS argument) cannot be the output either. */
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Refuses `-` (standard output, never a file name), an --out file that is a symlink, a directory or device, one of
 * the command's inputs (same device and inode, so another name or a hard link of it counts), or an existing file
 * without --force.
 */
export function checkOutputTarget(target: OutputTarget): void {
  const { file } = target;
  if (file === STANDARD_OUTPUT) {
    throw new UsageError(`Cannot write "${file}": it stands for standard output, and this goes only to a file. Give a file name (./- for a file named "-").`);
  }
  const own = linkStats(file);
  if (own === undefined) return;
  if (own.isSymbolicLink()) {
    throw new UsageError(`${file} is a symbolic link; amcard never writes through one, even with --force. Give the path of the file itself, or remove the link.`);
  }
  if (!own.isFile()) throw new UsageError(`Cannot write ${file}: it is ${kindOfSpecialFile(own)}, not a regular file; give the path of a file.`);
  for (const input of target.inputs) {
    if (input === undefined || input === '-') continue;
    const read = statOrUndefined(input);
    if (read !== undefined && read.dev === own.dev && read.ino === own.ino) {
      throw new UsageError(`${file} is one of this command's inputs (${input}); amcard never writes its result over an input, even with --force. Choose another --out file.`);
    }
  }
  if (!target.force) throw new UsageError(`${file} already exists; nothing was written. Use --force to replace it.`);
}

/**
 * checkOutputTarget, and that the target's folder exists and is writable: for a command that writes several files
 * (keygen), so that it writes none when one of them would fail.
 */
export function checkCanWrite(target: OutputTarget): void {
  checkOutputTarget(target);
  try {
    accessSync(path.dirname(path.resolve(target.file)), constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot write ${target.file}: ${code === 'ENOENT' ? 'its folder does not exist' : describeFsError(error)}; nothing was written.`);
  }
}

/**
 * Writes `text` to the --out file. A new file is created with O_EXCL, so a file or symlink that appeared since the
 * check is refused, not replaced or followed. With --force, a new file beside the target is renamed over it, so a
 * reader never sees half a result and a symlink placed there meanwhile is replaced, not followed.
 */
export function writeOutputFile(target: OutputTarget, text: string): void {
  checkOutputTarget(target);
  const { file } = target;
  const written = target.force ? path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`) : file;
  let created = false;
  try {
    const descriptor = openSync(written, 'wx', 0o644);
    created = true;
    try {
      writeSync(descriptor, text);
    } finally {
      closeSync(descriptor);
    }
    if (written !== file) renameSync(written, file);
  } catch (error) {
    if (created) rmSync(written, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists; nothing was written. Use --force to replace it.`);
    throw new UsageError(`Cannot write ${file}: ${describeFsError(error)}.`);
  }
}

/**
 * Refuses a card or body whose email or HTML would carry a private key: the file given was a key file, or holds
 * one, and sending the result would publish it.
 */
export function checkNoPrivateKey(command: string, texts: readonly { text: string | undefined; what: string }[]): void {
  for (const { text, what } of texts) {
    const key = text === undefined ? undefined : privateKeyIn(text);
    if (key !== undefined) throw new UsageError(`amcard ${command}: the ${what} holds ${key}, which the output would carry; nothing was written. Is it a key file?`);
  }
}
