// docs/rules.md § AM020, AM021 and AM022: which property names the version rules flag, by the object they are on and
// the card's version. The rules read these tables to report such properties; completion reads isFlaggedByVersion so
// that it does not offer them.
import { compareVersion, presentValue, type CardModel, type JsonNode, type Version } from '../../card';

export const atLeast14 = (version: Version): boolean => compareVersion(version, 1, 4) >= 0;

/** docs/rules.md § AM022 (b): whether Outlook applies input validation in a card of `version` (from 1.3). */
export const validatesInputs = (version: Version): boolean => compareVersion(version, 1, 3) >= 0;

// docs/rules.md § AM022 (a): the properties of Adaptive Cards 1.5 and later, with the version that introduced them.
// Outlook renders at most 1.4, so it ignores them in a card of any version. Nothing of 1.1 to 1.4 is gated: the
// renderers gate a property by their own version, not by the card's declared one.

/** By element type; an element of a type not listed here has no such property, and its properties are not scanned. */
export const ELEMENT_PROPERTIES_AFTER_14: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['Container', new Map([['rtl', '1.5']])],
  ['Column', new Map([['rtl', '1.5']])],
  ['TextBlock', new Map([['style', '1.5']])],
]);

export const ACTION_PROPERTIES_AFTER_14: ReadonlyMap<string, string> = new Map([['tooltip', '1.5'], ['isEnabled', '1.5'], ['mode', '1.5']]);
export const CARD_PROPERTIES_AFTER_14: ReadonlyMap<string, string> = new Map([['rtl', '1.5'], ['metadata', '1.6']]);
export const REFRESH_PROPERTIES_AFTER_14: ReadonlyMap<string, string> = new Map([['expires', '1.6']]);

/** docs/rules.md § AM022 (b): input validation, which Outlook applies in 1.4 cards and ignores below 1.3. */
export const INPUT_VALIDATION: ReadonlySet<string> = new Set(['isRequired', 'regex', 'errorMessage']);

/**
 * Whether a version rule would flag property `name` on `host`, an object of `model`'s card, for the card's version:
 * `refresh` below 1.4 (AM021); `autoInvokeAction` from 1.4, whose value can only be an Action.Http (AM048), which
 * Outlook does not run there (AM020); input validation below 1.3 and the properties of 1.5 and later (AM022). Nothing
 * is flagged in a card without a version the rules read, as the rules then stay silent.
 */
export function isFlaggedByVersion(model: CardModel, host: JsonNode, name: string): boolean {
  const { version } = model;
  if (version === undefined) return false;
  if (host === model.top && (name === 'refresh' ? !atLeast14(version) : name === 'autoInvokeAction' && atLeast14(version))) return true;
  if (model.cards.some((card) => card.node === host)) return CARD_PROPERTIES_AFTER_14.has(name);
  if (host === presentValue(model.top, 'refresh')) return REFRESH_PROPERTIES_AFTER_14.has(name);
  const action = model.actions.find((candidate) => candidate.node === host);
  if (action !== undefined) return ACTION_PROPERTIES_AFTER_14.has(name);
  const type = model.elements.find((candidate) => candidate.node === host)?.type;
  if (type === undefined) return false;
  if (ELEMENT_PROPERTIES_AFTER_14.get(type)?.has(name)) return true;
  return type.startsWith('Input.') && !validatesInputs(version) && INPUT_VALIDATION.has(name);
}
