// Spec § 8: every failing example of the spec reports exactly its own rule id (MessageCards also carry AM080).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ruleIds } from './helpers';

const examples: Record<string, string> = JSON.parse(
  readFileSync(path.join(__dirname, '../../../test/fixtures/spec-examples.json'), 'utf8'),
);

describe('spec § 5 failing examples', () => {
  for (const [rule, text] of Object.entries(examples)) {
    it(`${rule} example reports exactly ${rule}`, () => {
      const settings = rule === 'AM094' ? { sender: 'alerts@contoso.example' } : {};
      const expected = new Set([rule]);
      if (text.includes('"@type": "MessageCard"')) expected.add('AM080');
      assert.deepEqual(ruleIds(text, settings), [...expected].sort());
    });
  }
});
