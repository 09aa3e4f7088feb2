// The rule profile the language status item shows for a card, read off its version and document kind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cardProfile } from '../../client/src/card-profile';

const examples = path.resolve(__dirname, '../../../examples');
const card = (version: unknown): string => JSON.stringify({ type: 'AdaptiveCard', version, body: [] });

describe('card profile of the language status item', () => {
  it('is Outlook 1.0 Action.Http for the 1.0 example and 1.4 Universal Actions for the 1.4 example, with no warning', () => {
    const http = cardProfile(fs.readFileSync(path.join(examples, 'approval-http.card.json'), 'utf8'));
    assert.equal(http?.text, 'Outlook 1.0 Action.Http');
    assert.equal(http?.warning, false);
    const uam = cardProfile(fs.readFileSync(path.join(examples, 'approval-uam.card.json'), 'utf8'));
    assert.equal(uam?.text, 'Outlook 1.4 Universal Actions');
    assert.equal(uam?.warning, false);
  });

  it('warns about a missing or non-string version with AM002', () => {
    for (const text of [JSON.stringify({ type: 'AdaptiveCard', body: [] }), card(1.0), card('one')]) {
      const profile = cardProfile(text);
      assert.equal(profile?.text, 'Outlook: no card version', text);
      assert.equal(profile?.warning, true);
      assert.match(profile!.detail, /AM002/);
    }
  });

  it('checks 1.1 to 1.3 as 1.0 and names AM004; below 1.0 as 1.0 without AM004', () => {
    const between = cardProfile(card('1.2'));
    assert.equal(between?.text, 'Outlook 1.0 Action.Http');
    assert.equal(between?.warning, true);
    assert.match(between!.detail, /1\.2.*AM004/);
    const older = cardProfile(card('0.9'));
    assert.equal(older?.text, 'Outlook 1.0 Action.Http');
    assert.equal(older?.warning, true);
    assert.doesNotMatch(older!.detail, /AM004/);
  });

  it('checks versions above 1.4 as 1.4 and names AM003 (Outlook shows the fallbackText)', () => {
    const newer = cardProfile(card('1.5'));
    assert.equal(newer?.text, 'Outlook 1.4 Universal Actions');
    assert.equal(newer?.warning, true);
    assert.match(newer!.detail, /1\.5.*AM003/);
  });

  it('names a MessageCard and a signed card, and nothing for text that is no Outlook document', () => {
    assert.equal(cardProfile(JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions' }))?.text, 'Outlook MessageCard (legacy)');
    assert.equal(cardProfile(JSON.stringify({ originator: 'x', adaptiveCardSerialized: card('1.0') }))?.text, 'Outlook signed card');
    assert.equal(cardProfile(JSON.stringify({ '@type': 'SignedAdaptiveCard', signedAdaptiveCard: 'a.b.c' }))?.text, 'Outlook signed card');
    assert.equal(cardProfile('{ "type": "AdaptiveCard", "version": '), undefined);
    assert.equal(cardProfile('{ "name": "package" }'), undefined);
    assert.equal(cardProfile('[]'), undefined);
  });
});
