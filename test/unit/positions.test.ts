// PositionLocator finds the lines of a text without CR by itself, and must give the position TextDocument gives for
// every offset of every text, CR, LF and CRLF included.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionLocator } from '../../server/src/card/positions';

const REPOSITORY = path.join(__dirname, '../../..');
/** Real cards by others, beside the project on the machines that have them (../shared/corpus-real/cards). */
const REAL_CARDS = path.join(REPOSITORY, '..', 'shared', 'corpus-real', 'cards');

const SHORT_TEXTS = [
  '', 'a', '\n', '\n\n', 'a\n', '\na', 'a\nb', 'ab\n\ncd\n', 'é😀\nx\n😀', '{\n  "type": "AdaptiveCard"\n}\n',
  '\r', '\r\n', 'a\r\nb', 'a\rb', '\r\n\r\n', 'a\r', '\n\r', 'a\nb\r\nc\rd\n', '\r\r\n\n',
];

function textsOfFolder(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.json')).map((name) => readFileSync(path.join(folder, name), 'utf8'));
}

function assertLocatedAsTextDocument(text: string, label: string): void {
  const locator = new PositionLocator(text);
  const document = TextDocument.create('test:text', 'json', 0, text);
  for (let offset = -2; offset <= text.length + 2; offset++) {
    assert.deepEqual(locator.positionAt(offset), document.positionAt(offset), `${label}: offset ${offset}`);
  }
  assert.deepEqual(locator.rangeOf({ offset: 1, length: text.length }), { start: document.positionAt(1), end: document.positionAt(1 + text.length) });
}

describe('PositionLocator', () => {
  it('gives TextDocument\'s position for every offset of short texts with every kind of line end', () => {
    for (const text of SHORT_TEXTS) assertLocatedAsTextDocument(text, JSON.stringify(text));
  });

  it('gives TextDocument\'s position for every offset of the examples, with LF and with CRLF line ends', () => {
    for (const [index, text] of textsOfFolder(path.join(REPOSITORY, 'examples')).entries()) {
      assert.ok(!text.includes('\r'), `example ${index} is written with LF`);
      assertLocatedAsTextDocument(text, `example ${index}`);
      assertLocatedAsTextDocument(text.replace(/\n/g, '\r\n'), `example ${index} with CRLF`);
    }
  });

  it('gives TextDocument\'s position for every offset of the real cards', (t) => {
    if (!existsSync(REAL_CARDS)) {
      t.skip(`no real cards at ${REAL_CARDS}`);
      return;
    }
    for (const [index, text] of textsOfFolder(REAL_CARDS).entries()) assertLocatedAsTextDocument(text, `real card ${index}`);
  });
});
