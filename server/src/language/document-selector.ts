import { parseTree } from 'jsonc-parser';
import { minimatch } from 'minimatch';
import { detectDocumentKind, findExcessiveNesting } from '../card';

/** The language id of card files in VS Code (package.json contributes.languages); other clients send json or jsonc. */
export const CARD_LANGUAGE_ID = 'adaptive-card';

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * Whether the document at `documentPath` matches one of the `actionableMessages.files` globs, tried on its path
 * relative to each workspace folder that contains it (how the setting is written) and on its full path (so
 * `**` patterns also work for files outside any folder).
 */
export function matchesCardFiles(documentPath: string, workspaceFolders: readonly string[], globs: readonly string[]): boolean {
  const full = slashes(documentPath);
  const candidates = [full];
  for (const folder of workspaceFolders.map(slashes)) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (full.startsWith(prefix)) candidates.push(full.slice(prefix.length));
  }
  return globs.some((glob) => candidates.some((candidate) => minimatch(candidate, glob, { dot: true })));
}

/**
 * Whether a document is a card by what the user declared: the card language (a file VS Code gave it, or one the user
 * mapped to it), or a path that matches the `actionableMessages.files` globs.
 */
export function isDeclaredCard(languageId: string, documentPath: string, workspaceFolders: readonly string[], globs: readonly string[]): boolean {
  return languageId === CARD_LANGUAGE_ID || matchesCardFiles(documentPath, workspaceFolders, globs);
}

/**
 * Whether the text's root is one of the kinds of docs/rules.md § "Document kinds". Parsed leniently, so a card stays
 * recognised while it is being typed and has syntax errors.
 */
export function looksLikeCard(text: string): boolean {
  // A text nested too deep for the parser's stack is no card anyone is editing.
  if (findExcessiveNesting(text) >= 0) return false;
  return detectDocumentKind(parseTree(text, [], { allowTrailingComma: true, disallowComments: false })) !== undefined;
}
