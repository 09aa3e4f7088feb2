// Shared by the rule test files: what one rule reports, as the JSON text each finding covers.
import type { ServiceSettings } from '../../server/src/rules/settings';
import { covered, findings } from './helpers';

/** The text covered by each finding of `rule` for `text`, in report order. */
export function reportedRanges(text: string, rule: string, settings: ServiceSettings = {}): string[] {
  return findings(text, settings).filter((f) => f.rule === rule).map((f) => covered(text, f));
}

/** The messages of the findings of `rule` for `text`. */
export function messages(text: string, rule: string, settings: ServiceSettings = {}): string[] {
  return findings(text, settings).filter((f) => f.rule === rule).map((f) => f.message);
}
