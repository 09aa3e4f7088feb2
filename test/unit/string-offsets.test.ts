import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonDocument, propertyValue, type JsonNode } from '../../server/src/card/json-document';
import { rawOffsetInString } from '../../server/src/card/string-offsets';

function stringNode(text: string): JsonNode {
  const node = propertyValue(parseJsonDocument(text).root, 's');
  assert.equal(node?.type, 'string');
  return node!;
}

/** The JSON text that decoded characters start..end of the value map onto. */
function rawSlice(text: string, start: number, end: number): string {
  const node = stringNode(text);
  return text.slice(rawOffsetInString(node, text, start), rawOffsetInString(node, text, end));
}

describe('rawOffsetInString', () => {
  it('maps plain characters one to one, after the opening quote', () => {
    const text = '{"s": "abc{{x.value}}"}';
    const node = stringNode(text);
    assert.equal(rawOffsetInString(node, text, 0), node.offset + 1);
    assert.equal(rawSlice(text, 3, 14), '{{x.value}}');
  });

  it('counts a two-character escape as one decoded character', () => {
    const text = String.raw`{"s": "a\"b\\c{{x}}"}`;
    assert.equal((stringNode(text).value as string).indexOf('{{'), 5);
    assert.equal(rawSlice(text, 5, 10), '{{x}}');
    assert.equal(rawSlice(text, 1, 2), String.raw`\"`);
  });

  it('counts a \\u escape as one decoded character, also inside the range', () => {
    const text = String.raw`{"s": "\u0041\u00e9{{\u0041.value}}"}`;
    assert.equal(stringNode(text).value, 'Aé{{A.value}}');
    assert.equal(rawSlice(text, 2, 13), String.raw`{{\u0041.value}}`);
  });

  it('keeps surrogate pairs, escaped or not, as two UTF-16 units', () => {
    const text = String.raw`{"s": "😀\ud83d\ude00{{x}}"}`;
    assert.equal(rawSlice(text, 4, 9), '{{x}}');
  });

  it('clamps offsets past the end to the closing quote', () => {
    const text = '{"s": "ab"}';
    const node = stringNode(text);
    assert.equal(rawOffsetInString(node, text, 99), node.offset + node.length - 1);
  });

  it('maps every offset of random escaped strings to where its character is written', () => {
    const pieces = ['a', 'é', '\\"', '\\\\', '\\n', '\\u0041', '\\ud83d\\ude00', '{{x.value}}', '😀'];
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 200; round++) {
      const written = Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]);
      const text = `{"s": "${written.join('')}"}`;
      const node = stringNode(text);
      // Where each decoded UTF-16 unit is written: walk the pieces, each escape decoding to one or two units.
      const starts: number[] = [];
      let raw = node.offset + 1;
      for (const piece of written) {
        for (let i = 0; i < piece.length; ) {
          starts.push(raw + i);
          i += piece[i] !== '\\' ? 1 : piece[i + 1] === 'u' ? 6 : 2;
        }
        raw += piece.length;
      }
      assert.equal(starts.length, (node.value as string).length);
      starts.forEach((expected, decoded) => assert.equal(rawOffsetInString(node, text, decoded), expected, `round ${round}, offset ${decoded} of ${text}`));
    }
  });
});

