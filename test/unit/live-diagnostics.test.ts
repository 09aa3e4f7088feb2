// The pure parts of the language server: which documents are cards, how settings are read, and how the last
// rule findings follow the text while it has syntax errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carryOver } from '../../server/src/language/carry-over';
import { looksLikeCard } from '../../server/src/card/document-kind';
import { CARD_LANGUAGE_ID, isDeclaredCard } from '../../server/src/language/document-selector';
import { matchesFileGlobs } from '../../server/src/settings/card-files';
import { DEFAULT_CARD_FILES, DEFAULT_RESPONSE_FILES, readEditorSettings } from '../../server/src/settings/editor-settings';
import type { Finding } from '../../server/src/rules/finding';

describe('document selector', () => {
  it('matches the default globs at any depth, inside or outside a workspace folder, with either slash', () => {
    assert.ok(matchesFileGlobs('/w/cards/approval.card.json', ['/w'], DEFAULT_CARD_FILES));
    assert.ok(matchesFileGlobs('/elsewhere/card.json', ['/w'], DEFAULT_CARD_FILES));
    assert.ok(matchesFileGlobs('C:\\w\\a\\card.json', ['C:\\w'], DEFAULT_CARD_FILES));
    assert.ok(!matchesFileGlobs('/w/package.json', ['/w'], DEFAULT_CARD_FILES));
    assert.ok(!matchesFileGlobs('/w/mycard.json', ['/w'], DEFAULT_CARD_FILES));
  });

  it('matches folder-relative globs only under that folder', () => {
    assert.ok(matchesFileGlobs('/w/templates/x.json', ['/w'], ['templates/*.json']));
    assert.ok(!matchesFileGlobs('/w/other/templates/x.json', ['/w'], ['templates/*.json']));
    assert.ok(!matchesFileGlobs('/v/templates/x.json', ['/w'], ['templates/*.json']));
  });

  it('declares a document a card by the card language whatever its name, and a JSON document by its name only', () => {
    const globs = { files: DEFAULT_CARD_FILES, responseFiles: DEFAULT_RESPONSE_FILES };
    assert.ok(isDeclaredCard(CARD_LANGUAGE_ID, '/w/notes/anything.json', ['/w'], globs));
    assert.ok(isDeclaredCard('json', '/w/cards/approval.card.json', ['/w'], globs));
    assert.ok(isDeclaredCard('jsonc', '/w/card.json', ['/w'], globs));
    assert.ok(isDeclaredCard('json', '/w/cards/approved.response.json', ['/w'], globs));
    assert.ok(!isDeclaredCard('json', '/w/notes/anything.json', ['/w'], globs));
  });

  it('declares the files of the responseFiles globs cards too, and only those the setting names', () => {
    const globs = { files: DEFAULT_CARD_FILES, responseFiles: ['replies/*.json'] };
    assert.ok(isDeclaredCard('json', '/w/replies/approved.json', ['/w'], globs));
    assert.ok(!isDeclaredCard('json', '/w/cards/approved.response.json', ['/w'], globs));
  });

  it('recognises every spec § 1 kind by content, also half-typed, and nothing else', () => {
    assert.ok(looksLikeCard('{"type": "AdaptiveCard", "body": ['));
    assert.ok(looksLikeCard('{"@type": "MessageCard",}'));
    assert.ok(looksLikeCard('{"@type": "SignedAdaptiveCard"}'));
    assert.ok(looksLikeCard('{"adaptiveCardSerialized": "{}"}'));
    assert.ok(looksLikeCard('{"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": {'));
    assert.ok(!looksLikeCard('{"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Done"}'));
    assert.ok(!looksLikeCard('{"name": "x", "type": "module"}'));
    assert.ok(!looksLikeCard('[{"type": "AdaptiveCard"}]'));
    assert.ok(!looksLikeCard(''));
    assert.ok(!looksLikeCard('['.repeat(200_000)));
  });

  it('recognises a response envelope by content only when it is about a card: an HTTP fixture is no card', () => {
    const aboutCards = [
      '{"status": 200, "headers": {}, "body": {"type": "AdaptiveCard", "version": "1.0"}}',
      '{"status": 200, "headers": {}, "body": {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": {"type": "AdaptiveCard"}}}',
      '{"status": 200, "headers": {"card-update-in-body": "true"}, "body": "<html>"}',
      '{"status": 200, "headers": {"CARD-UPDATE-IN-BODY": "true"},',
    ];
    const httpFixtures = ['{"status": 200, "headers": {"content-type": "application/json"}, "body": {"id": 7, "name": "Ana"}}', '{"status": 404, "headers": {}}'];
    for (const text of aboutCards) assert.ok(looksLikeCard(text), text);
    for (const text of httpFixtures) assert.ok(!looksLikeCard(text), text);
  });
});

describe('editor settings', () => {
  it('reads the section as VS Code sends it', () => {
    const settings = readEditorSettings({
      validation: { enable: false }, files: ['a/*.json'], originator: ' 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a ',
      sender: 'a@b.example', targetUrls: ['https://x.example'], rules: { AM010: 'off', AM036: 'error' },
    });
    assert.deepEqual(settings, {
      enable: false, files: ['a/*.json'], responseFiles: DEFAULT_RESPONSE_FILES,
      service: { originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', sender: 'a@b.example', targetUrls: ['https://x.example'], severities: { AM010: 'off', AM036: 'error' } },
    });
  });

  it('falls back to defaults for missing or ill-typed values and skips unknown rules and severities', () => {
    assert.deepEqual(readEditorSettings(undefined), { enable: true, files: DEFAULT_CARD_FILES, responseFiles: DEFAULT_RESPONSE_FILES, service: { severities: {} } });
    assert.deepEqual(
      readEditorSettings({ validation: 'no', files: 'x', originator: '  ', targetUrls: 'https://x', rules: { AM010: 'loud', AM999: 'off', syntax: 'warning' } }),
      { enable: true, files: DEFAULT_CARD_FILES, responseFiles: DEFAULT_RESPONSE_FILES, service: { severities: { syntax: 'warning' } } },
    );
  });
});

describe('carrying findings over an edit', () => {
  const finding = (offset: number, length: number): Finding => ({ rule: 'AM010', severity: 'warning', message: 'm', offset, length });
  const before = '0123456789ABCDEFGHIJ';

  it('keeps findings before the change, shifts those after it, drops those it touches', () => {
    const after = before.replace('89', '8xyz9'); // inserts "xyz" at offset 9
    const carried = carryOver(before, after, [finding(0, 3), finding(5, 4), finding(8, 2), finding(12, 3)]);
    assert.deepEqual(carried.map((f) => [f.offset, f.length]), [[0, 3], [5, 4], [15, 3]]);
    assert.equal(after.slice(15, 18), before.slice(12, 15));
  });

  it('follows deletions and handles several edits as one changed region', () => {
    const after = before.slice(0, 2) + before.slice(4, 16) + before.slice(18);
    assert.deepEqual(carryOver(before, after, [finding(0, 2), finding(6, 2), finding(18, 2)]).map((f) => f.offset), [0, 14]);
  });

  it('changes nothing when the text is the same', () => {
    const findings = [finding(0, 20), finding(19, 1)];
    assert.deepEqual(carryOver(before, before, findings), findings);
  });

  it('moves a finding\'s related places as it moves findings, and drops those the change touches', () => {
    const after = before.replace('89', '8xyz9'); // inserts "xyz" at offset 9
    const related = [{ offset: 0, length: 2, message: 'before' }, { offset: 8, length: 2, message: 'touched' }, { offset: 14, length: 1, message: 'after' }];
    const [carried] = carryOver(before, after, [{ ...finding(12, 3), related }]);
    assert.deepEqual(carried?.related, [{ offset: 0, length: 2, message: 'before' }, { offset: 17, length: 1, message: 'after' }]);
  });
});
