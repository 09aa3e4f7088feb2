import type { ServiceSettings } from '../rules';
import { readSettings } from './read-settings';

/** The `actionableMessages` settings section: what the service needs plus which documents to check. */
export interface EditorSettings {
  /** `actionableMessages.validation.enable`. */
  readonly enable: boolean;
  /** `actionableMessages.files`: globs of the documents that are cards whatever their content. */
  readonly files: readonly string[];
  /** `actionableMessages.responseFiles`: globs of the response cards, which are cards whatever their content too. */
  readonly responseFiles: readonly string[];
  readonly service: ServiceSettings;
}

export const DEFAULT_CARD_FILES: readonly string[] = ['**/*.card.json', '**/card.json'];

export const DEFAULT_RESPONSE_FILES: readonly string[] = ['**/*.response.json'];

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { enable: true, files: DEFAULT_CARD_FILES, responseFiles: DEFAULT_RESPONSE_FILES, service: {} };

/**
 * Reads the section as a client sends it, leniently: a bad value falls back to its default and a bad `rules` entry
 * is skipped (readSettings's problems are dropped), so a hand-edited settings file never stops validation. VS Code
 * marks most such values in settings.json itself, from the schema in package.json.
 */
export function readEditorSettings(section: unknown): EditorSettings {
  const { enable, files, responseFiles, service } = readSettings(section).settings;
  return { enable, files: files ?? DEFAULT_CARD_FILES, responseFiles: responseFiles ?? DEFAULT_RESPONSE_FILES, service };
}
