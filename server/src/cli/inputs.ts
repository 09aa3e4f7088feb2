import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastGlob from 'fast-glob';
import { UsageError } from './command';
import { searchFiles } from './file-search';
import { STANDARD_INPUT, UnreadableInputError, readInputText } from './read-file';

const IGNORED_WHEN_SEARCHING: readonly string[] = ['**/node_modules/**'];

export interface InputFile {
  /** As shown in the output: relative to the working directory. */
  readonly name: string;
  /** The absolute path it was read from, or STANDARD_INPUT. */
  readonly path: string;
  readonly text: string;
}

/**
 * The part of `file`'s path that is no folder, for ENOTDIR: the nearest of its parent folders that exists (a file
 * `.amcard` where `.amcard/development-key.json` is wanted).
 */
function notAFolderOnPath(file: string): string | undefined {
  for (let folder = path.dirname(file); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    try {
      return statSync(folder).isDirectory() ? undefined : folder;
    } catch {
      // Not there (or not reachable): the one in the way is further up.
    }
  }
  return undefined;
}

/** Why a file could not be read or written, as the end of a message that names the file; never errno text alone. */
export function describeFsError(error: unknown): string {
  if (error instanceof UnreadableInputError) return error.message;
  const { code, path: file } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') {
    const blocker = file === undefined ? undefined : notAFolderOnPath(file);
    return blocker === undefined ? 'a part of its path is not a folder' : `${blocker} is a file, not a folder`;
  }
  return (error as Error).message;
}

/**
 * The text of a file named on the command line, `-` for standard input: the one place amcard reads its inputs. A
 * byte order mark is dropped, as editors hide it, so columns and the text signed or sent are what the user sees.
 */
export function readTextFile(file: string): string {
  return readInputText(file).replace(/^\uFEFF/, '');
}

function search(patterns: readonly string[], cwd: string): string[] {
  return searchFiles(patterns, cwd, IGNORED_WHEN_SEARCHING);
}

/**
 * The files a glob on the command line names: like every other search, none in node_modules, unless the glob itself
 * says node_modules.
 */
function searchArgument(pattern: string, cwd: string): string[] {
  return pattern.includes('node_modules') ? searchFiles(pattern, cwd) : search([pattern], cwd);
}

/** The name standard input (STANDARD_INPUT) is shown by. */
export const STANDARD_INPUT_NAME = '<stdin>';

/**
 * Expands command-line arguments into absolute file paths: globs with fast-glob, directories with `filePatterns`,
 * anything else as a file path; a file or directory that exists by the argument's name is taken as named, even when
 * the name reads as a glob (`q{a,b}.card.json`). STANDARD_INPUT stays itself. Every argument that yields no file is
 * reported, together, as a UsageError.
 */
export function expandArguments(args: readonly string[], cwd: string, filePatterns: readonly string[]): string[] {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === STANDARD_INPUT) {
      files.push(arg);
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    if (fastGlob.isDynamicPattern(arg) && !existsSync(absolute)) {
      const matches = searchArgument(arg, cwd);
      if (matches.length === 0) problems.push(`${arg}: no files match this pattern`);
      files.push(...matches);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      problems.push(`${arg}: ${describeFsError(error)}`);
      continue;
    }
    if (!isDirectory) {
      files.push(absolute);
      continue;
    }
    const matches = search(filePatterns, absolute);
    if (matches.length === 0) problems.push(`${arg}: directory has no files matching ${filePatterns.join(', ')}`);
    files.push(...matches);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return files;
}

/** The `files` globs of a config file, relative to its directory. */
export function expandConfigFiles(patterns: readonly string[], configFile: string): string[] {
  const matches = search(patterns, path.dirname(path.resolve(configFile)));
  if (matches.length === 0) throw new UsageError(`${configFile}: no files match "files" (${patterns.join(', ')})`);
  return matches;
}

/** A relative path that path.relative would change: a leading or trailing slash, an empty, `.` or `..` segment. */
const UNNORMALIZED_PATH = /^\/|\/\/|(^|\/)\.\.?(\/|$)|\/$/;

/**
 * The name a file is shown by: its path relative to `cwd`, or the path itself when that is `cwd`. A file whose path
 * is `cwd`, a slash and a normalized rest is named by that rest, which is what path.relative gives: path.relative
 * resolves both paths on every call, 7-10 µs per file of the thousands amcard lint reads. On Windows (case-insensitive
 * paths) and for any other path, path.relative answers.
 */
export function displayName(cwd: string, file: string): string {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  if (path.sep === '/' && cwd.startsWith('/') && file.startsWith(prefix)) {
    const rest = file.slice(prefix.length);
    // Whatever path.relative makes of `cwd`, it makes of the same start of `file`.
    if (rest !== '' && !UNNORMALIZED_PATH.test(rest)) return rest;
  }
  return path.relative(cwd, file) || file;
}

/**
 * Reads the files (de-duplicated, sorted by name) one at a time and gives each to `use` before reading the next, so
 * that a file's text, and what `use` makes of it, can be collected as soon as `use` is done with it: reading them all
 * first kept every text to the end (2,000 cards of 1-5 KB: 98 MB peak RSS, against 83 MB one at a time). Unreadable
 * files are reported together as a UsageError once the others are read, and nothing `use` returned is given then.
 * STANDARD_INPUT is read once, and named STANDARD_INPUT_NAME.
 */
export function mapInputs<T>(absolutePaths: readonly string[], cwd: string, use: (input: InputFile) => T): T[] {
  const pathsByName = new Map<string, string>();
  for (const file of absolutePaths) pathsByName.set(file === STANDARD_INPUT ? STANDARD_INPUT_NAME : displayName(cwd, file), file);
  const names = [...pathsByName.keys()].sort();
  const results: T[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const absolute = pathsByName.get(name)!;
    let text: string;
    try {
      text = readTextFile(absolute);
    } catch (error) {
      problems.push(`${name}: cannot read: ${describeFsError(error)}`);
      continue;
    }
    if (problems.length === 0) results.push(use({ name, path: absolute, text }));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return results;
}
