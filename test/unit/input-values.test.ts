// The values of a card's inputs before the user changes them (server/src/card/input-values.ts), as adaptivecards
// renders them, and values given in their place; `amcard invoke` substitutes them (test/cli/invoke.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, initialInputValues, withGivenValues, type JsonObject } from '../../server/src/card';

const cardWith = (...body: JsonObject[]): JsonObject => ({ type: 'AdaptiveCard', version: '1.0', body });

describe('input values', () => {
  it('each input reports its value: a string value, a number, a toggle valueOn or valueOff, else ""', () => {
    const values = initialInputValues(cardWith(
      { type: 'Input.Text', id: 'text', value: 'Looks good' },
      { type: 'Input.Text', id: 'empty' },
      { type: 'Input.Text', id: 'notString', value: 5 },
      { type: 'Input.Number', id: 'number', value: 2.5 },
      { type: 'Input.Number', id: 'numberText', value: '7' },
      { type: 'Input.Date', id: 'date', value: '2026-12-01' },
      { type: 'Input.ChoiceSet', id: 'choice', value: 'b,c', isMultiSelect: true, choices: [{ title: 'B', value: 'b' }, { title: 'C', value: 'c' }] },
      { type: 'Input.Toggle', id: 'off', title: 'Off' },
      { type: 'Input.Toggle', id: 'on', title: 'On', value: 'true' },
      { type: 'Input.Toggle', id: 'yes', title: 'Yes', value: 'yes', valueOn: 'yes', valueOff: 'no' },
      { type: 'Input.Toggle', id: 'no', title: 'No', value: 'maybe', valueOn: 'yes', valueOff: 'no' },
      { type: 'Input.Toggle', id: 'emptyOn', title: 'Empty valueOn reads as absent', value: 'true', valueOn: '' },
    ));
    assert.deepEqual(Object.fromEntries(values), {
      text: 'Looks good', empty: '', notString: '', number: '2.5', numberText: '', date: '2026-12-01', choice: 'b,c',
      off: 'false', on: 'true', yes: 'yes', no: 'no', emptyOn: 'true',
    });
  });

  it('counts inputs in containers and ShowCard cards, and takes the first of two inputs with one id', () => {
    const values = initialInputValues(cardWith(
      { type: 'Container', items: [{ type: 'Input.Text', id: 'twice', value: 'first' }] },
      { type: 'Input.Text', id: 'twice', value: 'second' },
      { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'More', card: cardWith({ type: 'Input.Text', id: 'inner', value: 'shown' }) }] },
    ));
    assert.deepEqual(Object.fromEntries(values), { twice: 'first', inner: 'shown' });
  });

  it('a given value replaces the input whose id matches in any case, and an id no input has is refused', () => {
    const initial = new Map([['comment', 'Looks good'], ['note', '']]);
    assert.deepEqual(Object.fromEntries(withGivenValues(initial, new Map([['NOTE', 'ship it']]))), { comment: 'Looks good', note: 'ship it' });
    assert.throws(() => withGivenValues(initial, new Map([['other', 'x']])),
      (error: unknown) => error instanceof InputError && /the card has no input "other" to give a value to \(its inputs are comment, note\)/.test(error.message));
    assert.throws(() => withGivenValues(new Map(), new Map([['other', 'x']])), /\(it has no inputs\)/);
  });
});
