// The templates of "New Actionable Message Card", as the command inserts them, through the real linter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CARD_TEMPLATES, templateText } from '../../client/src/commands/card-templates';
import { ORIGINATOR_PLACEHOLDER } from '../../server/src/language/code-actions';
import { covered, findings } from './helpers';

const PROVIDER_ID = '0b7c1e9a-3f52-4d8e-9a61-7c2e5f804d13';

describe('new card templates', () => {
  it('are the five the command offers, the response card as *.response.json', () => {
    assert.deepEqual(CARD_TEMPLATES.map((t) => t.id), ['http-approval', 'uam-approval', 'input-form', 'add-in-command', 'response']);
    assert.deepEqual(CARD_TEMPLATES.map((t) => t.suffix), ['.card.json', '.card.json', '.card.json', '.card.json', '.response.json']);
  });

  for (const template of CARD_TEMPLATES) {
    it(`${template.id}: clean with the originator setting, which it carries`, () => {
      const { text, placeholder } = templateText(template, PROVIDER_ID);
      assert.equal(placeholder, undefined);
      assert.deepEqual(findings(text), []);
      const card = JSON.parse(text) as Record<string, unknown>;
      assert.equal(card.originator, PROVIDER_ID);
      assert.ok(!('correlationId' in card) && !('expectedActors' in card), 'per-message values are left to the sender');
      assert.ok(!('$schema' in card), 'VS Code\'s JSON support would warn that it cannot load the remote schema');
    });

    it(`${template.id}: without the setting, the originator placeholder is to be selected and is the only finding`, () => {
      const { text, placeholder } = templateText(template, '');
      assert.equal(text.slice(placeholder!.offset, placeholder!.offset + placeholder!.length), ORIGINATOR_PLACEHOLDER);
      const found = findings(text);
      assert.deepEqual(found.map((f) => f.rule), ['AM012']);
      assert.equal(covered(text, found[0]), JSON.stringify(ORIGINATOR_PLACEHOLDER));
      assert.deepEqual(findings(text.replace(ORIGINATOR_PLACEHOLDER, PROVIDER_ID)), []);
    });
  }

  it('keeps the example\'s content apart from the left-out root properties', () => {
    const uam = CARD_TEMPLATES.find((t) => t.id === 'uam-approval')!;
    const { text } = templateText(uam, PROVIDER_ID);
    const { originator: _, ...example } = uam.card;
    const { originator: __, ...inserted } = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual({ ...inserted, correlationId: example.correlationId, $schema: example.$schema }, example);
  });
});
