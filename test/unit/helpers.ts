import type { TextEdit } from '../../server/src/language/json-edit';
import type { Finding } from '../../server/src/rules/finding';
import type { ServiceSettings } from '../../server/src/rules/settings';
import { validateText } from '../../server/src/rules/validate';

/** The sorted set of distinct rule ids reported for `text` (how spec § 8 compares results). */
export function ruleIds(text: string, settings: ServiceSettings = {}): string[] {
  return [...new Set(validateText(text, settings).findings.map((f) => f.rule))].sort();
}

export function findings(text: string, settings: ServiceSettings = {}): readonly Finding[] {
  return validateText(text, settings).findings;
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.offset, finding.offset + finding.length);
}

/** A card at `version` with the example provider id, `body` and optional `actions`. */
export function card(version: string, body: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'AdaptiveCard', version, originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body, ...extra });
}

/** `text` with non-overlapping edits applied, as an editor applies a quick fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((result, edit) => result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length), text);
}
