// Element and action snippets in completion: in an element array (`body`, `items`) the element snippets, in an
// `actions` array the action snippets, each only when its type is offered for the card's version. Computed from
// jsonc-parser's tolerant reading, so they are offered in unfinished text and whatever the card's "$schema".
import type { Location } from 'jsonc-parser';
import { type CardModel, compareVersion, idNode } from '../../card';
import type { CompletionEntry } from '../completion-entry';
import { offeredAt } from '../offered-types';
import type { ParsedDocument } from '../parsed-document';
import { CARD_SNIPPETS, type SnippetContext, type SnippetSlot } from './card-snippets';
import { withoutTabStops } from './snippet-syntax';

const ELEMENT_ARRAYS: ReadonlySet<string> = new Set(['body', 'items']);

/** Which snippets belong at a location: a new item of an element or actions array, not inside another value. */
function slotAt({ path, previousNode, isAtPropertyKey }: Location): SnippetSlot | undefined {
  if (isAtPropertyKey || previousNode !== undefined || typeof path[path.length - 1] !== 'number') return undefined;
  const arrayName = path[path.length - 2];
  if (arrayName === 'actions') return 'action';
  return typeof arrayName === 'string' && ELEMENT_ARRAYS.has(arrayName) ? 'element' : undefined;
}

function snippetContext(model: CardModel): SnippetContext {
  const elementIds = model.elements.flatMap((element) => (element.kind === 'textRun' ? [] : [idNode(element.node)?.value as string | undefined]));
  const actionIds = model.actions.map((action) => idNode(action.node)?.value as string | undefined);
  const taken = new Set([...elementIds, ...actionIds].filter((id): id is string => id !== undefined));
  return {
    freeId(base) {
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
      return id;
    },
    someElementId: elementIds.find((id) => id !== undefined),
    inputsTakeLabels: model.version !== undefined && compareVersion(model.version, 1, 3) >= 0,
  };
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\w.]/.test(char);

/** Where a value ends that the new item must be separated from with a comma, or undefined when none precedes it. */
function valueEndBefore(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 && /[}\]"\w]/.test(text[i]) ? i + 1 : undefined;
}

/** Whether a value follows `offset` (after whitespace) that the new item must be separated from. */
function valueFollows(text: string, offset: number): boolean {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i < text.length && /[{["\w-]/.test(text[i]);
}

function markdownPreview(snippet: string): string {
  return `\`\`\`json\n${withoutTabStops(snippet).replace(/\t/g, '  ')}\n\`\`\``;
}

/**
 * The snippets to offer at `offset` of the document, replacing the word typed there (e.g. `TextB`); `location` is
 * jsonc-parser's getLocation at `offset`, which completion has read already.
 */
export function snippetCompletions(parsed: ParsedDocument, offset: number, location: Location): CompletionEntry[] {
  const slot = slotAt(location);
  if (slot === undefined) return [];
  const { text, adaptiveCard: card } = parsed;
  if (card === undefined || offset <= card.offset || offset >= card.offset + card.length) return [];
  const model = parsed.modelOf(card);
  const context = snippetContext(model);
  let start = offset;
  while (isWordChar(text[start - 1])) start--;
  let end = offset;
  while (isWordChar(text[end])) end++;
  const commaAt = valueEndBefore(text, start);
  const suffix = valueFollows(text, end) ? ',' : '';
  return CARD_SNIPPETS.filter((snippet) => snippet.slot === slot && offeredAt(snippet.type, model.version)).flatMap((snippet): CompletionEntry[] => {
    const body = snippet.body(context);
    if (body === undefined) return [];
    return [{
      label: snippet.type,
      kind: 'snippet',
      detail: `${slot === 'element' ? 'Element' : 'Action'} snippet`,
      documentation: `${snippet.description}\n\n${markdownPreview(body)}`,
      insertText: body + suffix,
      insertTextIsSnippet: true,
      replaceOffset: start,
      replaceLength: end - start,
      filterText: snippet.type,
      ...(commaAt !== undefined ? { additionalEdits: [{ offset: commaAt, length: 0, newText: ',' }] } : {}),
    }];
  });
}
