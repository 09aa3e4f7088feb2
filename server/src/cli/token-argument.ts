// The <token | file | -> argument of `amcard decode` and `amcard token inspect`: standard input, a file, or the token
// itself. Whatever exists by the argument's name is read as a file, so that a directory, a device, a named pipe or an
// empty file is named as what it is (read-file.ts), never taken for token text.
import { existsSync } from 'node:fs';
import { UsageError } from './command';
import { STANDARD_INPUT } from './read-file';

/** Names that are files even when missing, so that a typo says "no such file" instead of "not a JWS". */
const FILE_EXTENSIONS = /\.(?:jws|jwt|txt|html?|eml|json)$/i;

/** A file to read (STANDARD_INPUT included), or the argument as the token itself. */
export type TokenArgument = { readonly file: string } | { readonly token: string };

/**
 * What `argument` names. A name that exists is a file; a missing one that can only be a file name (no dot, or a
 * file extension) is a UsageError that says "no such file"; anything else is the token. `tokenKind` (JWS, JWT)
 * names what the command takes.
 */
export function tokenArgument(command: string, argument: string, tokenKind: string): TokenArgument {
  if (argument === STANDARD_INPUT || existsSync(argument)) return { file: argument };
  if (FILE_EXTENSIONS.test(argument) || !argument.includes('.')) {
    throw new UsageError(`amcard ${command}: cannot read ${argument}: no such file, and it is not a ${tokenKind} (header.payload.signature).`);
  }
  return { token: argument };
}

/** How messages name where the token came from: the file, standard input, or the argument. */
export function tokenSourceName(argument: TokenArgument): string {
  if ('token' in argument) return 'the argument';
  return argument.file === STANDARD_INPUT ? 'standard input' : argument.file;
}
