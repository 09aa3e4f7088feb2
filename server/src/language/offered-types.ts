// Which element and action types completion offers in a card: the schema's `x-since` / `x-until` per type, against
// the version of the card being edited, and the slot rules the schema does not express.
import type { JSONPath } from 'jsonc-parser';
import { cardSchema } from '../rules';
import { compareVersion, parseVersion, propertyValue, type JsonNode, type Version } from '../card';

interface VersionRange {
  readonly since?: Version;
  readonly until?: Version;
}

/** The card versions each element and action type is offered for: the schema's `x-since` / `x-until`. */
const TYPE_VERSIONS: ReadonlyMap<string, VersionRange> = new Map(
  Object.entries((cardSchema.definitions ?? {}) as Record<string, Record<string, unknown>>).map(([name, definition]) => [
    name,
    { since: versionOf(definition['x-since']), until: versionOf(definition['x-until']) },
  ]),
);

function versionOf(value: unknown): Version | undefined {
  return typeof value === 'string' ? parseVersion({ type: 'string', value, offset: 0, length: 0 }) : undefined;
}

/** Whether `typeName` is offered in a card of `version` (every type when the version is unknown). */
export function offeredAt(typeName: string, version: Version | undefined): boolean {
  const range = TYPE_VERSIONS.get(typeName);
  if (version === undefined || range === undefined) return true;
  if (range.since && compareVersion(version, range.since.major, range.since.minor) < 0) return false;
  if (range.until && compareVersion(version, range.until.major, range.until.minor) > 0) return false;
  return true;
}

/** The version of `card`, the top-level card read tolerantly: the text being edited is often incomplete. */
export function cardVersion(card: JsonNode | undefined): Version | undefined {
  return parseVersion(propertyValue(card, 'version'));
}

/** Slots that take any action but Action.ShowCard (AM034); the schema's SelectAction is any action. */
const NO_SHOW_CARD_SLOTS: ReadonlySet<string | number> = new Set(['selectAction', 'inlineAction']);

/** Whether `typeName` may be the `type` value at `path` (jsonc-parser's path of the value, ending in "type"). */
export function offeredInSlot(typeName: string, path: JSONPath): boolean {
  return typeName !== 'Action.ShowCard' || !NO_SHOW_CARD_SLOTS.has(path[path.length - 2]);
}
