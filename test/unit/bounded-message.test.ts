// Messages quote the card's values; a value of any length leaves a message of a readable length.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedMessage, QUOTED_TEXT_LIMIT } from '../../server/src/rules/bounded-message';
import { findings } from './helpers';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

describe('boundedMessage', () => {
  it('keeps a message whose quoted values are short as it is', () => {
    const message = 'A header needs a string "value", not the number 3 (write {"name": "a", "value": "b"}).';
    assert.equal(boundedMessage(message), message);
    assert.equal(boundedMessage('an unclosed " quote stays'), 'an unclosed " quote stays');
  });

  it('cuts a long quoted value, escapes included, to its first characters and …', () => {
    const long = 'x'.repeat(500);
    assert.equal(boundedMessage(`"${long}" is not an email address; "short" stays.`), `"${'x'.repeat(QUOTED_TEXT_LIMIT)}…" is not an email address; "short" stays.`);
    const escaped = JSON.stringify(`say \\"${'y'.repeat(100)}\\"`);
    assert.match(boundedMessage(`not ${escaped}.`), /^not "say \\\\\\"y+…"\.$/);
  });

  it('bounds every finding: a 200,000-character expectedActors entry gives a message of a line', () => {
    const card = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, expectedActors: ['x'.repeat(200_000)], body: [{ type: 'TextBlock', text: 'Hi' }] });
    const found = findings(card);
    assert.deepEqual(found.map((f) => f.rule), ['AM015']);
    assert.ok(found[0]!.message.length < 300, `${found[0]!.message.length} characters`);
  });
});
