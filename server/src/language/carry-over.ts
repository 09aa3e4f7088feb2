import type { Finding } from '../rules';
import { minimalEdit } from './json-edit';

/**
 * Moves findings computed for `before` onto `after`. The texts differ in one region (their common prefix and
 * suffix are kept, however many edits made the difference): findings wholly before it keep their offsets,
 * findings wholly after it shift by the change in length, and findings that touch the changed text are dropped,
 * since nothing says they still hold there.
 */
export function carryOver(before: string, after: string, findings: readonly Finding[]): Finding[] {
  const change = minimalEdit(0, before, after);
  const changeEnd = change.offset + change.length;
  const shift = change.newText.length - change.length;
  const carried: Finding[] = [];
  for (const finding of findings) {
    if (finding.offset + finding.length <= change.offset && finding.offset < change.offset) carried.push(finding);
    else if (finding.offset >= changeEnd) carried.push({ ...finding, offset: finding.offset + shift });
  }
  return carried;
}
