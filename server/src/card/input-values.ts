// The values of a card's inputs by id, which `{{id.value}}` tokens are replaced with
// (docs/rules.md § "Input substitution"). The preview reads them from the inputs it rendered; `amcard invoke` renders
// nothing, so it starts from the values the inputs show before the user changes them, read from the card as
// adaptivecards reads them.
import { buildCardModel, isInput, type ElementRef } from './card-model';
import { InputError } from './errors';
import { parseJsonDocument, propertyValue } from './json-document';
import type { JsonObject } from './json-text';

/** Current input values by id, as the inputs report them (a toggle's valueOn/valueOff, a date as yyyy-mm-dd, …). */
export type InputValues = ReadonlyMap<string, string>;

/** A string property; adaptivecards reads an empty one as absent. */
function nonEmptyString(element: ElementRef, name: string): string | undefined {
  const node = propertyValue(element.node, name);
  return node?.type === 'string' && node.value !== '' ? (node.value as string) : undefined;
}

/**
 * The value an input reports before the user changes it: an Input.Toggle is on when its `value` is its `valueOn`
 * (default "true") and reports `valueOn`, else `valueOff` (default "false"); an Input.Number its number; any other
 * input its string `value`; an input without one the empty string.
 */
function initialValue(element: ElementRef): string {
  if (element.type === 'Input.Toggle') {
    const valueOn = nonEmptyString(element, 'valueOn') ?? 'true';
    return nonEmptyString(element, 'value') === valueOn ? valueOn : nonEmptyString(element, 'valueOff') ?? 'false';
  }
  const value = propertyValue(element.node, 'value');
  if (element.type === 'Input.Number') return value?.type === 'number' ? String(value.value) : '';
  return value?.type === 'string' ? (value.value as string) : '';
}

/**
 * Each input's initial value by its id; of two inputs with one id, the first in the card, as the renderer takes it.
 * The inputs are those AM046 counts: every `Input.*` the card model's walk meets.
 */
export function initialInputValues(card: JsonObject): Map<string, string> {
  // The walk reads positioned nodes; the card written out as strict JSON reads back into them.
  const document = parseJsonDocument(JSON.stringify(card));
  if (document.root === undefined) throw new InputError(`the card cannot be read for its inputs: ${document.syntaxProblem.message}`);
  const values = new Map<string, string>();
  for (const element of buildCardModel(document.root).elements) {
    const id = isInput(element) ? nonEmptyString(element, 'id') : undefined;
    if (id !== undefined && !values.has(id)) values.set(id, initialValue(element));
  }
  return values;
}

/**
 * `initial` with each value of `given` in place of its input's (ids compared case-insensitively, as substitution
 * compares them). Throws InputError for an id no input has: Outlook substitutes nothing for it.
 */
export function withGivenValues(initial: InputValues, given: InputValues): Map<string, string> {
  const values = new Map(initial);
  for (const [givenId, value] of given) {
    const id = [...initial.keys()].find((inputId) => inputId.toLowerCase() === givenId.toLowerCase());
    if (id === undefined) {
      const inputs = initial.size === 0 ? 'it has no inputs' : `its inputs are ${[...initial.keys()].join(', ')}`;
      throw new InputError(`the card has no input "${givenId}" to give a value to (${inputs}).`);
    }
    values.set(id, value);
  }
  return values;
}
