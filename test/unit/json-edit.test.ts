// editObject (server/src/language/json-edit.ts), under every quick fix that sets, adds or removes a property: the
// change is made in the object's own layout, and the text it does not change stays exactly as the user wrote it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { editObject, type ObjectChanges } from '../../server/src/language/json-edit';
import { applyEdits } from './helpers';

/** The text after editing its root object, and the edit's replaced length (how much of the text it touched). */
function edited(text: string, changes: ObjectChanges): { text: string; replaced: number } {
  const root = parseJsonDocument(text).root!;
  const edit = editObject(text, root, changes);
  return { text: applyEdits(text, [edit]), replaced: edit.length };
}

const VERSION = { set: { version: '1.4' }, after: ['type'] };

describe('editObject keeps the layout it does not change', () => {
  it('inserts after the anchor on a line of its own, indented like it, in a 2-space, a tab and a CRLF document', () => {
    for (const [indent, eol] of [['  ', '\n'], ['\t', '\n'], ['    ', '\r\n'], ['  ', '\r']]) {
      const text = ['{', `${indent}"type": "AdaptiveCard",`, `${indent}"body": []`, '}'].join(eol);
      const expected = ['{', `${indent}"type": "AdaptiveCard",`, `${indent}"version": "1.4",`, `${indent}"body": []`, '}'].join(eol);
      assert.deepEqual(edited(text, VERSION), { text: expected, replaced: 0 }, JSON.stringify([indent, eol]));
    }
  });

  it('keeps a first property on the line of the brace, blank lines and several properties on one line', () => {
    const text = '{"type": "AdaptiveCard",\n  "originator": "x",\n\n  "a": 1, "b": 2,\n  "body": []\n}';
    assert.equal(edited(text, VERSION).text, '{"type": "AdaptiveCard",\n  "version": "1.4",\n  "originator": "x",\n\n  "a": 1, "b": 2,\n  "body": []\n}');
    assert.equal(edited(text, { set: { originator: 'y' } }).text, text.replace('"x"', '"y"'));
    assert.equal(edited(text, { remove: ['a'] }).text, '{"type": "AdaptiveCard",\n  "originator": "x",\n\n  "b": 2,\n  "body": []\n}');
  });

  it('adds at the end of a one-line object with its own separator and padding, and into an empty object', () => {
    assert.equal(edited('{ "type": "AdaptiveCard" }', { set: { version: '1.0' } }).text, '{ "type": "AdaptiveCard", "version": "1.0" }');
    assert.equal(edited('{"a":1,"b":2}', { set: { c: 3 }, after: ['a'] }).text, '{"a":1,"c":3,"b":2}');
    assert.equal(edited('{}', { set: { a: 1 } }).text, '{"a": 1}');
    assert.equal(edited('{\n}', { set: { a: 1 } }).text, '{\n  "a": 1\n}');
  });

  it('removes the first, the last and every property, and sets the last of duplicate keys', () => {
    assert.equal(edited('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', { remove: ['a'] }).text, '{\n  "b": 2,\n  "c": 3\n}');
    assert.equal(edited('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', { remove: ['c'] }).text, '{\n  "a": 1,\n  "b": 2\n}');
    assert.equal(edited('{\n  "a": 1,\n  "b": 2\n}', { remove: ['a', 'b'] }).text, '{}');
    assert.equal(edited('{"a": 1, "a": 2}', { set: { a: 3 } }).text, '{"a": 1, "a": 3}');
  });

  it('lays out a new object value with the document\'s indentation, at the depth of its property', () => {
    const text = '{\n    "type": "Action.Http",\n    "headers": []\n}';
    assert.equal(edited(text, { set: { headers: [{ name: 'A', value: 'b' }] } }).text,
      '{\n    "type": "Action.Http",\n    "headers": [\n        {\n            "name": "A",\n            "value": "b"\n        }\n    ]\n}');
  });

  it('touches only what changes in a large document', () => {
    const body = Array.from({ length: 400 }, (_, index) => `    {"type": "TextBlock", "text": "line ${index}"}`).join(',\n');
    const text = `{"type": "AdaptiveCard", "version": "1.0",\n  "body": [\n${body}\n  ]\n\n\n}`;
    const result = edited(text, { set: { originator: 'x' }, after: ['version'] });
    assert.equal(result.replaced, 0);
    assert.equal(result.text, text.replace('"version": "1.0",', '"version": "1.0",\n  "originator": "x",'));
  });
});
