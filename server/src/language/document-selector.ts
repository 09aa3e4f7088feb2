import { matchesFileGlobs } from '../settings';

/** The language id of card files in VS Code (package.json contributes.languages); other clients send json or jsonc. */
export const CARD_LANGUAGE_ID = 'adaptive-card';

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
