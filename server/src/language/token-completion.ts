// Completion of `{{id.value}}` input tokens where Outlook substitutes them (element-ids.ts tokenBearingStrings):
// after `{{` in an Action.Http url, body or header value, one proposal per input id that a token can name.
import { adaptiveCardOf, inputToken, isSubstitutableId, VALUE_SUFFIX } from '../card';
import type { CompletionEntry } from './completion-entry';
import { substitutableInputs, tokenBearingStrings } from './element-ids';
import type { ParsedDocument } from './parsed-document';

/**
 * How far before the cursor a token's `{{` may be for completion and hover to look at it: further back, no id is
 * being typed or pointed at, and a look that far is all a request far from any token costs.
 */
export const TOKEN_LOOKBACK = 256;

/** Whether `typed`, the text between `{{` and the cursor, can still become `<id>.value`. */
function canBecomeInputToken(typed: string): boolean {
  const dot = typed.indexOf('.');
  const name = dot < 0 ? typed : typed.slice(0, dot);
  if (name !== '' && !isSubstitutableId(name)) return false;
  return dot < 0 || VALUE_SUFFIX.startsWith(typed.slice(dot).toLowerCase());
}

/**
 * The input tokens to offer at `offset`, inside a string whose tokens Outlook substitutes, after a `{{` that is not
 * closed before the cursor; empty anywhere else. Each replaces the `{{` and what follows it up to the cursor, and a
 * `}}` right after the cursor.
 */
export function inputTokenCompletions(parsed: ParsedDocument, offset: number): CompletionEntry[] {
  // Most completions are nowhere near a "{{": they should not cost the card model of a large card.
  const recent = parsed.text.slice(Math.max(0, offset - TOKEN_LOOKBACK), offset);
  const recentOpen = recent.lastIndexOf('{{');
  if (recentOpen < 0 || recent.includes('"', recentOpen)) return [];
  const card = adaptiveCardOf(parsed.tree.root);
  if (card === undefined) return [];
  const model = parsed.modelOf(card);
  const string = tokenBearingStrings(model).find((node) => offset > node.offset && offset < node.offset + node.length);
  if (string === undefined) return [];
  const before = parsed.text.slice(string.offset + 1, offset);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.includes('}}', open)) return [];
  const typed = before.slice(open + 2);
  if (!canBecomeInputToken(typed)) return [];
  const replaceOffset = string.offset + 1 + open;
  const closing = parsed.text.startsWith('}}', offset) ? 2 : 0;
  return substitutableInputs(model).map(({ id, type }) => {
    const token = inputToken(id);
    return {
      label: token,
      kind: 'value',
      detail: `The value of the ${type} "${id}"`,
      documentation: `Outlook replaces ${token} with what the user entered in the ${type} "${id}" when the action is sent.`,
      insertText: token,
      insertTextIsSnippet: false,
      replaceOffset,
      replaceLength: offset - replaceOffset + closing,
      filterText: token,
    };
  });
}
