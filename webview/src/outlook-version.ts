// What a card's declared `version` means in Outlook (docs/rules.md § "Card versions"): it renders up to 1.4, and it has
// two action models, Action.Http below 1.4 and the Universal Action Model (Action.Execute, refresh) from 1.4 on. Pure.
import { compareVersion, parseVersionText, type Version } from '../../server/src/card';
import { isJsonObject, type JsonObject } from './card-source';

/** Outlook renders up to this version. */
const compareToLatestRendered = (version: Version) => compareVersion(version, 1, 4);

function parseVersion(version: unknown): Version | undefined {
  return typeof version === 'string' ? parseVersionText(version.trim()) : undefined;
}

/**
 * The note the pane shows for a card whose `version` is later than 1.4, missing or unreadable; undefined when the
 * version is fine. Such cards are shown as 1.4.
 */
export function versionNote(version: unknown): string | undefined {
  if (version === undefined) return 'The card has no version; Outlook needs "1.0" or "1.4". Shown as 1.4.';
  const parsed = parseVersion(version);
  if (!parsed) return `The card's version ${JSON.stringify(version)} is not a version string; Outlook needs "1.0" or "1.4". Shown as 1.4.`;
  return compareToLatestRendered(parsed) > 0
    ? `Outlook renders Adaptive Cards up to 1.4: this ${String(version)} card is shown as far as 1.4 goes (newer elements and properties are left out).`
    : undefined;
}

/** True when Outlook gives the card the Universal Action Model (a version of 1.4 or later, or one shown as 1.4). */
export function usesUniversalActions(version: unknown): boolean {
  const parsed = parseVersion(version);
  return parsed === undefined || compareToLatestRendered(parsed) >= 0;
}

function countActionsOfType(value: unknown, type: string): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countActionsOfType(item, type), 0);
  if (!isJsonObject(value)) return 0;
  return Object.values(value).reduce((sum: number, item) => sum + countActionsOfType(item, type), value['type'] === type ? 1 : 0);
}

/** The note for actions of the other action model, which Outlook leaves out (AM020, AM021); undefined when none. */
export function unrenderedActionsNote(card: JsonObject): string | undefined {
  const universal = usesUniversalActions(card['version']);
  const count = countActionsOfType(card, universal ? 'Action.Http' : 'Action.Execute');
  if (count === 0) return undefined;
  const actions = count === 1 ? 'action is' : 'actions are';
  return universal
    ? `Outlook does not render Action.Http in a 1.4 card: ${count} ${actions} left out (AM020). Use Action.Execute, or version 1.0.`
    : `Outlook renders Action.Execute only in 1.4 cards: ${count} ${actions} left out (AM021). Use Action.Http, or version 1.4.`;
}

/**
 * True when Outlook checks the card's inputs (`isRequired`, `regex`) before an action: from 1.3 on; below, it
 * ignores them and sends whatever the inputs hold (AM022). A card shown as 1.4 is checked.
 */
export function validatesInputs(version: unknown): boolean {
  const parsed = parseVersion(version);
  return parsed === undefined || compareVersion(parsed, 1, 3) >= 0;
}
