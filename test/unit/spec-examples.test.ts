// Spec § 8: every failing example of the spec reports exactly its own rule id (MessageCards also carry AM080).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

/** The rule specification beside the project (as in CI); a clone of the project alone has none. */
const SPEC = path.join(__dirname, '../../../../shared/spec/outlook-rules.md');

/** The failing example of each rule section of the spec's § 5, by rule id. */
function specFailingExamples(spec: string): Map<string, string> {
  const examples = new Map<string, string>();
  for (const section of spec.split(/^#### /m).slice(1)) {
    const rule = /^(AM\d+):/.exec(section)?.[1];
    const example = /\*\*Failing example[^\n]*\n```json\n(.*)\n```/.exec(section)?.[1];
    if (rule !== undefined && example !== undefined) examples.set(rule, example);
  }
  return examples;
}

describe('the fixture and the spec', () => {
  it('holds the failing example of the spec\'s current revision for each of its rules', (t) => {
    if (!existsSync(SPEC)) {
      t.skip(`no rule specification at ${SPEC} (it sits beside the project only in the project's own workspace and CI)`);
      return;
    }
    const spec = readFileSync(SPEC, 'utf8');
    assert.match(spec, /revision 2/);
    const fromSpec = specFailingExamples(spec);
    for (const [rule, text] of Object.entries(examples)) assert.equal(text, fromSpec.get(rule), rule);
  });
});
