// The per-version parse that completion, hover and quick fixes read: its location at an offset is jsonc-parser's
// getLocation of the whole text, at every offset of real and unfinished cards; what it derives is made once.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { getLocation, type Location } from 'jsonc-parser';
import { ParsedDocument, ParsedDocuments } from '../../server/src/language/parsed-document';
import { parseJsonDocument } from '../../server/src/card';

const EXAMPLES = path.join(__dirname, '../../../examples');
const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.card.json')).sort();

/** What completion reads of a location: the path, whether at a property key, and the node the offset is in. */
function comparable(location: Location): unknown {
  const node = location.previousNode;
  return {
    path: location.path,
    isAtPropertyKey: location.isAtPropertyKey,
    previousNode: node && { type: node.type, offset: node.offset, length: node.length, value: node.value },
  };
}

function assertSameLocations(text: string, label: string): void {
  const parsed = new ParsedDocument(text);
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(comparable(parsed.locationAt(offset)), comparable(getLocation(text, offset)), `${label} at offset ${offset}: …${text.slice(Math.max(0, offset - 30), offset)}|${text.slice(offset, offset + 10)}…`);
  }
}

describe('ParsedDocument', () => {
  for (const name of examples) {
    it(`finds jsonc-parser's location at every offset of examples/${name}, whole and cut short while typing`, () => {
      const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
      assertSameLocations(text, name);
      // Unfinished text: the card cut off after a third and after two thirds, an unclosed string, a missing value.
      for (const cut of [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)]) assertSameLocations(text.slice(0, cut), `${name} cut at ${cut}`);
      const at = text.indexOf('"type"', text.indexOf('"body"'));
      if (at > 0) {
        assertSameLocations(`${text.slice(0, at)}"ty${text.slice(at + 6)}`, `${name} with an unclosed key`);
        assertSameLocations(`${text.slice(0, at)}"type": , ${text.slice(at)}`, `${name} with a missing value`);
      }
    });
  }

  it('finds the location in a card with a byte order mark and in text that is no JSON object', () => {
    assertSameLocations('\uFEFF{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "a"}]}', 'byte order mark');
    assertSameLocations('[1, [2, {"a": [3, ]}], "x"', 'array root');
    assertSameLocations('', 'empty text');
  });

  it('builds the card model once per card node, and adopts the tree validation made of the same text', () => {
    const text = readFileSync(path.join(EXAMPLES, 'approval-http.card.json'), 'utf8');
    const parsed = new ParsedDocument(text);
    const validated = parseJsonDocument(text);
    parsed.offerTree(validated);
    assert.equal(parsed.tree, validated);
    assert.equal(parsed.tolerantRoot, validated.root);
    assert.equal(parsed.modelOf(validated.root!), parsed.modelOf(validated.root!));
    const other = new ParsedDocument(text);
    other.offerTree(parseJsonDocument(`${text} `));
    assert.notEqual(other.tree.text, `${text} `, 'the tree of another text is not adopted');
  });

  it('is kept per document version, and dropped when forgotten', () => {
    const documents = new ParsedDocuments();
    let reads = 0;
    const text = (): string => { reads++; return '{"type": "AdaptiveCard"}'; };
    const first = documents.get('file:///a.card.json', 1, text);
    assert.equal(documents.get('file:///a.card.json', 1, text), first);
    assert.notEqual(documents.get('file:///a.card.json', 2, text), first);
    const second = documents.get('file:///a.card.json', 2, text);
    documents.forget('file:///a.card.json');
    assert.notEqual(documents.get('file:///a.card.json', 2, text), second);
    assert.equal(reads, 3);
  });
});
