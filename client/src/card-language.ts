// The documents the extension serves: the card language, and JSON, where a card is known by its name or content.
import { CARD_LANGUAGE_ID } from '../../server/src/language';

export const CARD_DOCUMENT_LANGUAGES: readonly string[] = [CARD_LANGUAGE_ID, 'json', 'jsonc'];

/** Files and untitled editors: other schemes (git, output, …) show versions of a card, not the card being edited. */
export const CARD_DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled'];

export const CARD_DOCUMENT_SELECTOR: { readonly language: string; readonly scheme: string }[] = CARD_DOCUMENT_LANGUAGES.flatMap((language) =>
  CARD_DOCUMENT_SCHEMES.map((scheme) => ({ language, scheme })));
