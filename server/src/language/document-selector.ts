import { parseTree } from 'jsonc-parser';
import { minimatch } from 'minimatch';
import { detectDocumentKind } from '../card';

/** The language id of card files in VS Code (package.json contributes.languages); other clients send json or jsonc. */
export const CARD_LANGUAGE_ID = 'adaptive-card';

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * Whether the document at `documentPath` matches one of the globs of a setting (`actionableMessages.files`,
 * `actionableMessages.responseFiles`), tried on its path relative to each workspace folder that contains it (how the
 * settings are written) and on its full path (so `**` patterns also work for files outside any folder).
 */
export function matchesFileGlobs(documentPath: string, workspaceFolders: readonly string[], globs: readonly string[]): boolean {
  const full = slashes(documentPath);
  const candidates = [full];
  for (const folder of workspaceFolders.map(slashes)) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (full.startsWith(prefix)) candidates.push(full.slice(prefix.length));
  }
  return globs.some((glob) => candidates.some((candidate) => minimatch(candidate, glob, { dot: true })));
}

/** The settings that name card files: the cards, and the response cards. */
export interface CardFileGlobs {
  readonly files: readonly string[];
  readonly responseFiles: readonly string[];
}

/**
 * Whether a document is a card by what the user declared: the card language (a file VS Code gave it, or one the user
 * mapped to it), or a path that matches the `actionableMessages.files` or `actionableMessages.responseFiles` globs.
 */
export function isDeclaredCard(languageId: string, documentPath: string, workspaceFolders: readonly string[], globs: CardFileGlobs): boolean {
  return languageId === CARD_LANGUAGE_ID || matchesFileGlobs(documentPath, workspaceFolders, [...globs.files, ...globs.responseFiles]);
}

/**
 * Whether the text's root is one of the kinds of docs/rules.md § "Document kinds". Parsed leniently, so a card stays
 * recognised while it is being typed and has syntax errors.
 */
export function looksLikeCard(text: string): boolean {
  try {
    return detectDocumentKind(parseTree(text, [], { allowTrailingComma: true, disallowComments: false })) !== undefined;
  } catch {
    // Absurd nesting exhausts the parser's stack; such a text is no card anyone is editing.
    return false;
  }
}
