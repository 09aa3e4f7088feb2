import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../card';

/** Owner read/write only: what ssh and openssl expect of a private key file. */
export const PRIVATE_KEY_FILE_MODE = 0o600;
export const PUBLIC_KEY_FILE_MODE = 0o644;

/** A key file that could not be written; the message names the file and why. */
export class KeyFileError extends InputError {
  static override readonly code = 'ERR_KEY_FILE';
}

function describeWriteError(file: string, error: unknown): KeyFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'its folder does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a directory'
    : (error as Error).message;
  return new KeyFileError(`${file}: cannot write: ${reason}.`);
}

function writeNewFile(file: string, text: string, mode: number): void {
  const descriptor = openSync(file, 'wx', mode);
  try {
    // The mode given to open is masked by the umask; a private key must end up 0600 whatever the umask is.
    fchmodSync(descriptor, mode);
    writeSync(descriptor, text);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Writes a key file with `mode` from its first byte on. An existing file is kept unless `replace` is set; then the
 * new text goes to a fresh file beside it that is renamed over the old one, so the old file's looser mode (or a
 * reader holding it open) never sees the new key.
 */
export function writeKeyFile(file: string, text: string, options: { mode: number; replace: boolean }): void {
  if (!options.replace) {
    try {
      writeNewFile(file, text, options.mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KeyFileError(`${file} already exists; it is left as it is. Use --force to replace it.`);
      throw describeWriteError(file, error);
    }
    return;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeNewFile(temporary, text, options.mode);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw describeWriteError(file, error);
  }
}
