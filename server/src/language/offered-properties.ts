// Which property names completion offers on an object of a card: none that a version rule (AM020, AM021, AM022)
// would flag there, so accepting a proposal never makes the card wrong for its version.
import { isFlaggedByVersion } from '../rules';
import type { ParsedDocument } from './parsed-document';

/** Whether a property name is offered on the object around `offset` (every name outside an Adaptive Card). */
export function propertyOfferedAt(parsed: ParsedDocument, offset: number): (name: string) => boolean {
  const card = parsed.adaptiveCard;
  const host = parsed.objectAt(offset);
  if (card === undefined || host === undefined) return () => true;
  const model = parsed.modelOf(card);
  return (name) => !isFlaggedByVersion(model, host, name);
}
