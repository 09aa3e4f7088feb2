// Revision 2's new rules on the real cards they were made for: ../shared/corpus-real/cards, cards that other people
// wrote (provenance in its sources.md). The folder sits beside the project on the project's machines and in CI, not in
// a user's clone, so the suite skips, saying why, when it is not there.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { quickFixes } from '../../server/src/language/code-actions';
import { validateText } from '../../server/src/rules/validate';
import { applyEdits, covered, ruleIds } from './helpers';

const CORPUS = path.join(__dirname, '../../../../shared/corpus-real/cards');
const NEW_RULES = new Set(['AM037', 'AM049', 'AM088']);
const skip = existsSync(CORPUS) ? false : `no real-card corpus at ${CORPUS} (it sits beside the project, not in a clone)`;

const read = (name: string): string => readFileSync(path.join(CORPUS, name), 'utf8');

/** The text with the preferred fix of the first finding of `rule` applied. */
function preferredFixApplied(text: string, rule: string): string {
  const finding = validateText(text, {}).findings.find((f) => f.rule === rule);
  assert.ok(finding, `${rule} is reported`);
  const fix = quickFixes(parseJsonDocument(text), finding, {}).find((candidate) => candidate.isPreferred);
  assert.ok(fix, `a preferred fix for ${rule}`);
  const result = applyEdits(text, fix.edits);
  assert.equal(parseJsonDocument(result).syntaxProblem, undefined, 'the fixed card is JSON');
  return result;
}

describe('revision 2 new rules on the real-card corpus', { skip }, () => {
  it('report exactly on the three cards that motivated them', () => {
    const reported = readdirSync(CORPUS).filter((name) => name.endsWith('.json')).sort().flatMap((name) => {
      const text = read(name);
      return validateText(text, {}).findings.filter((f) => NEW_RULES.has(f.rule)).map((f) => `${name} ${f.rule} ${covered(text, f).replace(/\s+/g, '')}`);
    });
    assert.deepEqual(reported, [
      '017-docs-sample-projectmanagement.json AM037 {{AddComment.value}}',
      '032-training-expense-messagecard.json AM088 {"Content-Type":"application/x-www-form-urlencoded"}',
      '032-training-expense-messagecard.json AM088 {"Content-Type":"application/x-www-form-urlencoded"}',
      '039-uam-terms-initial.json AM049 "autoInvokeAction"',
    ]);
  });

  it('AM037: the fix leaves Microsoft\'s project-management sample without the finding and without new ones', () => {
    const text = read('017-docs-sample-projectmanagement.json');
    const fixed = preferredFixApplied(text, 'AM037');
    assert.ok(fixed.includes('"data": "{Reason: }"'));
    assert.deepEqual(ruleIds(fixed), ruleIds(text).filter((rule) => rule !== 'AM037'));
  });

  it('AM088: fixing each HttpPOST of the training demo converts its headers, one at a time', () => {
    const text = read('032-training-expense-messagecard.json');
    const once = preferredFixApplied(text, 'AM088');
    assert.equal(validateText(once, {}).findings.filter((f) => f.rule === 'AM088').length, 1);
    const twice = preferredFixApplied(once, 'AM088');
    assert.deepEqual(ruleIds(twice), ruleIds(text).filter((rule) => rule !== 'AM088'));
    assert.equal((twice.match(/"name": "Content-Type"/g) ?? []).length, 2);
  });

  it('AM049: the preferred fix on the Universal Actions proof of concept removes the Action.Execute it could not run', () => {
    const text = read('039-uam-terms-initial.json');
    const fixed = preferredFixApplied(text, 'AM049');
    assert.equal(fixed.includes('autoInvokeAction'), false);
    assert.deepEqual(ruleIds(fixed), ruleIds(text).filter((rule) => rule !== 'AM049'));
  });
});
