import type { Finding } from '../rules';
import { minimalEdit } from './json-edit';

/**
 * Moves findings computed for `before` onto `after`. The texts differ in one region (their common prefix and
 * suffix are kept, however many edits made the difference): findings wholly before it keep their offsets,
 * findings wholly after it shift by the change in length, and findings that touch the changed text are dropped,
 * since nothing says they still hold there. Their related places move the same way.
 */
export function carryOver(before: string, after: string, findings: readonly Finding[]): Finding[] {
  const change = minimalEdit(0, before, after);
  const changeEnd = change.offset + change.length;
  const shift = change.newText.length - change.length;
  /** Where a place of `before` is in `after`, or undefined when it touches the change. */
  const moved = <T extends { offset: number; length: number }>(place: T): T | undefined => {
    if (place.offset + place.length <= change.offset && place.offset < change.offset) return place;
    return place.offset >= changeEnd ? { ...place, offset: place.offset + shift } : undefined;
  };
  const carried: Finding[] = [];
  for (const finding of findings) {
    const kept = moved(finding);
    if (kept === undefined) continue;
    // A related place in the changed text is dropped; the finding itself still holds where it was.
    const related = finding.related?.flatMap((place) => moved(place) ?? []);
    carried.push(related === undefined ? kept : { ...kept, related });
  }
  return carried;
}
