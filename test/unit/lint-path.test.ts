// The two shortcuts of amcard lint's per-file path: setting globs compiled once to regular expressions must answer as
// minimatch does, and a document parsed once must be told a card exactly as looksLikeCard tells it from its text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { isCardDocument, looksLikeCard } from '../../server/src/card/document-kind';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { MAX_NESTING_DEPTH } from '../../server/src/card/nesting-guard';
import { matchesFileGlobs } from '../../server/src/settings/card-files';

const REPOSITORY = path.join(__dirname, '../../..');
/** Real cards by others, beside the project on the machines that have them (../shared/corpus-real/cards). */
const REAL_CARDS = path.join(REPOSITORY, '..', 'shared', 'corpus-real', 'cards');

const GLOBS = [
  '**/*.card.json', '**/card.json', '**/*.response.json', 'replies/*.json', '*.json', '**/.drafts/*.json', 'a/**/b/*.json',
  '{cards,replies}/*.json', '**/*.{card,response}.json', '?.json', '[ab].json', '!**/draft.json', '**', '# a comment', '',
  // Globs whose last segment is a literal, or `*` and a literal: matched only on paths with that end (mayMatchEnd).
  '*card.json', '**/*card.json', 'cards/card.json', '**/*.json', '*', 'cards/', '**/.card.json', '!*.card.json', '#*.card.json',
  '{a/b,c}.json', 'cards/*.card.json',
];
const PATHS = [
  'approval.card.json', 'cards/approval.card.json', '/ws/cards/approval.card.json', 'card.json', '.git/card.json',
  'x/.drafts/a.json', 'replies/declined.json', 'replies/old/declined.json', 'a/b/c.json', 'a/x/y/b/c.json', 'cards/q.json',
  'a.json', 'c.json', 'draft.json', 'x/draft.json', 'q.response.json', 'approval.card.json.bak', '/approval.card.json',
  'xcard.json', '.card.json', 'cards/.card.json', 'cards/card.json', 'a/b.json', 'c.json.card', 'card.jsonx',
];

describe('setting globs compiled once', () => {
  it('match every path as minimatch does (dot files, **, braces, classes, negation, a comment glob)', () => {
    for (const glob of GLOBS) {
      for (const file of PATHS) {
        assert.equal(matchesFileGlobs(file, [], [glob]), minimatch(file, glob, { dot: true }), `${JSON.stringify(glob)} on ${file}`);
      }
    }
  });

  it('answer the same when asked again, and each glob for itself', () => {
    assert.equal(matchesFileGlobs('/ws/a.card.json', ['/ws'], ['**/*.card.json']), true);
    assert.equal(matchesFileGlobs('/ws/a.card.json', ['/ws'], ['**/*.card.json']), true);
    assert.equal(matchesFileGlobs('/ws/a.card.json', ['/ws'], ['*.response.json']), false);
    assert.equal(matchesFileGlobs('/ws/a.card.json', ['/ws'], ['*.response.json', '*.card.json']), true);
  });

  it('are tried on the path relative to each base folder, the same folder twice counting once', () => {
    assert.equal(matchesFileGlobs('/ws/replies/declined.json', ['/ws', '/ws/'], ['replies/*.json']), true);
    assert.equal(matchesFileGlobs('/ws/replies/declined.json', ['/other'], ['replies/*.json']), false);
    assert.equal(matchesFileGlobs('C:\\ws\\replies\\declined.json', ['C:\\ws'], ['replies/*.json']), true);
  });
});

/** Texts whose kind looksLikeCard decides in every way it can: strict JSON, lenient JSON, broken and too deep. */
function samples(): Array<readonly [string, string]> {
  const card = '{ "type": "AdaptiveCard", "version": "1.0", "body": [] }';
  const texts: Array<readonly [string, string]> = [
    ['strict card', card],
    ['card with a trailing comma', '{ "type": "AdaptiveCard", "version": "1.0", }'],
    ['card with a comment', '// draft\n{ "type": "AdaptiveCard" }'],
    ['card cut short', '{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock"'],
    ['MessageCard', '{ "@type": "MessageCard", "text": "x" }'],
    ['signed payload', '{ "adaptiveCardSerialized": "{}" }'],
    ['invoke response', '{ "statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": {} }'],
    ['response envelope with a card', '{ "status": 200, "headers": {}, "body": { "type": "AdaptiveCard" } }'],
    ['response envelope asking for an update', '{ "status": 200, "headers": { "Card-Update-In-Body": "true" } }'],
    ['saved HTTP response', '{ "status": 200, "headers": { "etag": "x" }, "body": { "id": 7 } }'],
    ['package.json', '{ "name": "cards", "version": "1.0.0" }'],
    ['tsconfig with a comment', '{\n  // comments\n  "compilerOptions": {}\n}'],
    ['an array', '[{ "type": "AdaptiveCard" }]'],
    ['empty', ''],
    ['not JSON', 'type: AdaptiveCard'],
    ['too deep', `{ "type": "AdaptiveCard", "x": ${'['.repeat(MAX_NESTING_DEPTH + 1)}${']'.repeat(MAX_NESTING_DEPTH + 1)} }`],
  ];
  const examples = path.join(REPOSITORY, 'examples');
  for (const name of readdirSync(examples)) texts.push([`examples/${name}`, readFileSync(path.join(examples, name), 'utf8')]);
  if (existsSync(REAL_CARDS)) {
    for (const name of readdirSync(REAL_CARDS)) texts.push([name, readFileSync(path.join(REAL_CARDS, name), 'utf8')]);
  }
  return texts;
}

describe('isCardDocument: a card told from the document parsed once', () => {
  it('agrees with looksLikeCard on every kind of text, the examples and the real cards', () => {
    const checked = samples();
    for (const [label, text] of checked) {
      assert.equal(isCardDocument(parseJsonDocument(text)), looksLikeCard(text), label);
    }
    const cards = checked.filter(([, text]) => looksLikeCard(text)).length;
    assert.ok(cards >= 8 && cards < checked.length, `both answers are exercised (${cards} cards of ${checked.length})`);
  });
});
