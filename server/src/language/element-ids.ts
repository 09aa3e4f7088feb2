// Go to Definition, Find All References and Rename for element ids. An element's "id" is named by the
// `targetElements` of an Action.ToggleVisibility, exactly as written; an input's id also by the `{{id.value}}` tokens of
// the card's Action.Http url, body and header values (docs/rules.md § "Input substitution"), in any case, as Outlook
// substitutes them.
import {
  actionsWithAutoInvoke, adaptiveCardOf, arrayItems, bracedTokens, type CardModel, idNode, isInput, isSubstitutableId, type JsonNode, propertyValue,
  rawOffsetInString, targetIdNode
} from '../card';
import type { ParsedDocument } from './parsed-document';

/** An input of the card that a `{{id.value}}` token can name: its id and its type. */
export interface SubstitutableInput {
  readonly id: string;
  readonly type: string;
}

/** The inputs a `{{id.value}}` token can name, in document order, the first of each id. */
export function substitutableInputs(model: CardModel): SubstitutableInput[] {
  const inputs = new Map<string, SubstitutableInput>();
  for (const element of model.elements) {
    const id = isInput(element) ? idNode(element.node)?.value as string | undefined : undefined;
    if (id !== undefined && isSubstitutableId(id) && !inputs.has(id)) inputs.set(id, { id, type: element.type! });
  }
  return [...inputs.values()];
}

/** A stretch of the document's text: the characters of an id, inside its string's quotes or a token's braces. */
export interface TextSpan {
  readonly offset: number;
  readonly length: number;
}

export interface ElementIdUses {
  /** The id as written where the request was made. */
  readonly id: string;
  /** Where the request was made: the id under the cursor. */
  readonly at: TextSpan;
  /** The `id` values of the elements that have it (more than one only when AM061 reports a duplicate). */
  readonly definitions: readonly TextSpan[];
  /** Every place that names it: tokens and toggle targets, in document order. */
  readonly references: readonly TextSpan[];
  /** An input's id is named by tokens too, so a new one must be a name tokens can hold (invalidNewIdReason). */
  readonly ofInput: boolean;
}

type PlaceKind = 'element' | 'input' | 'token' | 'target';

interface IdPlace extends TextSpan {
  readonly id: string;
  readonly kind: PlaceKind;
}

/** The characters of a string node's value, without its quotes. */
function contentOf(node: JsonNode): TextSpan {
  return { offset: node.offset + 1, length: node.length - 2 };
}

/** The ids of the card's elements, columns and images (a TextRun has none Outlook reads), in document order. */
function elementIdPlaces(model: CardModel): IdPlace[] {
  const places: IdPlace[] = [];
  for (const element of model.elements) {
    const id = element.kind === 'textRun' ? undefined : idNode(element.node);
    if (id !== undefined) places.push({ id: id.value as string, ...contentOf(id), kind: isInput(element) ? 'input' : 'element' });
  }
  return places;
}

/** The id of each input token in string node `node`, as a span of the text. */
function addTokenPlaces(node: JsonNode, text: string, places: IdPlace[]): void {
  for (const token of bracedTokens(node.value as string)) {
    if (token.kind !== 'input') continue;
    const start = rawOffsetInString(node, text, token.offset + 2);
    places.push({ id: token.inputId, offset: start, length: rawOffsetInString(node, text, token.offset + 2 + token.inputId.length) - start, kind: 'token' });
  }
}

/**
 * The values whose `{{id.value}}` tokens Outlook substitutes (docs/rules.md § "Input substitution"): the `url`, `body`
 * and header values of each Action.Http, when they are strings.
 */
export function tokenBearingStrings(model: CardModel): JsonNode[] {
  const strings: JsonNode[] = [];
  for (const action of actionsWithAutoInvoke(model)) {
    if (action.type !== 'Action.Http') continue;
    const headerValues = arrayItems(propertyValue(action.node, 'headers')).map((header) => propertyValue(header, 'value'));
    for (const value of [propertyValue(action.node, 'url'), propertyValue(action.node, 'body'), ...headerValues]) {
      if (value?.type === 'string') strings.push(value);
    }
  }
  return strings;
}

function referencePlaces(model: CardModel, text: string): IdPlace[] {
  const places: IdPlace[] = [];
  for (const node of tokenBearingStrings(model)) addTokenPlaces(node, text, places);
  for (const action of model.actions) {
    if (action.type === 'Action.ToggleVisibility') {
      for (const entry of arrayItems(propertyValue(action.node, 'targetElements'))) {
        const id = targetIdNode(entry);
        if (id !== undefined) places.push({ id: id.value as string, ...contentOf(id), kind: 'target' });
      }
    }
  }
  return places.sort((a, b) => a.offset - b.offset);
}

function contains(span: TextSpan, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

function spanOf({ offset, length }: TextSpan): TextSpan {
  return { offset, length };
}

/**
 * The element id at `offset` of a card that parses, on an element's `id` value or on a place that names one, with
 * the elements that have it and the places that name it; undefined anywhere else, and on a toggle target or token
 * that names no element.
 */
export function elementIdUsesAt(parsed: ParsedDocument, offset: number): ElementIdUses | undefined {
  const card = adaptiveCardOf(parsed.tree.root);
  if (card === undefined) return undefined;
  const model = parsed.modelOf(card);
  const elements = elementIdPlaces(model);
  const uses = referencePlaces(model, parsed.text);
  const at = elements.find((place) => contains(place, offset)) ?? uses.find((place) => contains(place, offset));
  if (at === undefined) return undefined;
  // A token names inputs in any case; anything else names the elements with exactly its id.
  const lower = at.id.toLowerCase();
  const definitions = at.kind === 'token'
    ? elements.filter((place) => place.kind === 'input' && place.id.toLowerCase() === lower)
    : elements.filter((place) => place.id === at.id || (at.kind === 'input' && place.kind === 'input' && place.id.toLowerCase() === lower));
  if (definitions.length === 0) return undefined;
  const ofInput = definitions.some((place) => place.kind === 'input');
  const references = uses.filter((place) => place.kind === 'token'
    ? ofInput && place.id.toLowerCase() === lower
    : definitions.some((definition) => definition.id === place.id));
  return { id: at.id, at: spanOf(at), definitions: definitions.map(spanOf), references: references.map(spanOf), ofInput };
}

/** Characters a JSON string holds only escaped: a new id is written as it is typed. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** Why `name` cannot be the new id of what `uses` are the uses of, or undefined when it can. */
export function invalidNewIdReason(uses: ElementIdUses, name: string): string | undefined {
  if (uses.ofInput) {
    return isSubstitutableId(name) ? undefined : `"${name}" cannot be an input id that a {{id.value}} token names: use only letters, digits, _, $ and @.`;
  }
  if (name.trim() === '') return 'An element id cannot be empty or blank.';
  return NEEDS_ESCAPE.test(name) ? `"${name}" cannot be an element id here: leave out quotes, backslashes and control characters.` : undefined;
}
