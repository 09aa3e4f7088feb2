// Which files `amcard lint` checks, decided as the language server decides which documents are cards: the files the
// `files` and `responseFiles` patterns name, and any other JSON whose root is an Outlook card kind
// (docs/rules.md § "Document kinds"). The rest is skipped, with the reason.
import path from 'node:path';
import fastGlob from 'fast-glob';
import { isCardDocument, parseJsonDocument, type JsonDocument } from '../card';
import { matchesFileGlobs } from '../settings';
import type { InputFile } from './inputs';
import { STANDARD_INPUT } from './read-file';

/** The patterns that name cards whatever their content: the `files` and `responseFiles` settings or config keys. */
export interface CardPatterns {
  readonly files: readonly string[];
  readonly responseFiles: readonly string[];
}

/** What a directory is searched with: every pattern that names cards, and all JSON, recognised by content. */
export function directorySearchPatterns(patterns: CardPatterns): string[] {
  return [...new Set([...patterns.files, ...patterns.responseFiles, '**/*.json'])];
}

/**
 * The arguments that name one file each, as absolute paths: not a glob, not a directory (a directory is never in
 * the list of files the arguments expand to). A shell-expanded `examples/*.json` arrives as such names.
 */
export function namedFiles(args: readonly string[], cwd: string): ReadonlySet<string> {
  return new Set(args.filter((arg) => !fastGlob.isDynamicPattern(arg)).map((arg) => (arg === STANDARD_INPUT ? arg : path.resolve(cwd, arg))));
}

/**
 * The folders the patterns are read relative to, as the server reads them relative to each workspace folder: the
 * working directory, the arguments that are no globs (of which only directories can hold a file) and the config
 * file's directory.
 */
export function patternBases(args: readonly string[], cwd: string, configFile: string | undefined): string[] {
  const bases = [cwd, ...args.filter((arg) => arg !== STANDARD_INPUT && !fastGlob.isDynamicPattern(arg)).map((arg) => path.resolve(cwd, arg))];
  if (configFile !== undefined) bases.push(path.dirname(path.resolve(cwd, configFile)));
  return bases;
}

export interface LintDocument {
  readonly input: InputFile;
  /** The input parsed once, both to tell whether it is a card and to check it. */
  readonly document: JsonDocument;
  /** Named by `responseFiles`: checked as a response card (no AM010/AM011). */
  readonly inResponseFile: boolean;
}

export interface SkippedFile {
  readonly input: InputFile;
  /** Why it is no card, e.g. "template data, a *.data.json file". */
  readonly reason: string;
  /** The user named this very file (not through a directory or a glob): they are told it is not a card. */
  readonly named: boolean;
}

/** What decides whether a file is checked: the patterns, the folders they are read relative to, the files named. */
export interface SelectionContext {
  readonly patterns: CardPatterns;
  readonly bases: readonly string[];
  readonly named: ReadonlySet<string>;
}

const DATA_FILE = /\.data\.json$/i;

function skipReason(input: InputFile): string {
  return DATA_FILE.test(input.name) ? 'template data, a *.data.json file' : 'JSON with no Outlook card kind at its root';
}

/**
 * A read file as a document to check or as a file that is no card, with the reason. It is parsed once, here, for
 * both: telling whether it is a card by its content, and checking it.
 */
export function selectDocument(input: InputFile, { patterns, bases, named }: SelectionContext): LintDocument | SkippedFile {
  const inResponseFile = matchesFileGlobs(input.path, bases, patterns.responseFiles);
  const document = parseJsonDocument(input.text);
  // The content first: it is already parsed, and most files of a folder are cards by their content alone. Standard
  // input is checked whatever it holds: an empty or broken card from a generator must not pass as "no card".
  if (inResponseFile || isCardDocument(document) || input.path === STANDARD_INPUT || matchesFileGlobs(input.path, bases, patterns.files)) {
    return { input, document, inResponseFile };
  }
  return { input, reason: skipReason(input), named: named.has(input.path) };
}
