// docs/rules.md is the target of every diagnostic's codeDescription link (docs/rules.md#am010): one anchored section
// per rule id of the catalog, stating the catalog's default severity, with an example that reports that rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RULES, isRuleId } from '../../server/src/rules/catalog';
import type { ServiceSettings } from '../../server/src/rules/settings';
import { ruleIds } from './helpers';

const doc = readFileSync(path.join(__dirname, '../../../docs/rules.md'), 'utf8');
const ANCHOR = /<a id="([^"]+)"><\/a>/g;
const anchors = [...doc.matchAll(ANCHOR)];

/** The text from each anchor to the next one (or to the closing "## Sources"), keyed by the anchor id. */
function sections(): Map<string, string> {
  const end = doc.indexOf('\n## Sources');
  const result = new Map<string, string>();
  anchors.forEach((anchor, index) => {
    const stop = index + 1 < anchors.length ? anchors[index + 1]!.index : end;
    result.set(anchor[1]!, doc.slice(anchor.index, stop));
  });
  return result;
}

const EXAMPLE_SETTINGS: Partial<Record<string, ServiceSettings>> = {
  AM094: { sender: 'alerts@contoso.example' },
  AM096: { targetUrls: ['https://api.contoso.example'] },
};

describe('docs/rules.md', () => {
  it('has exactly one <a id> anchor per rule id of the catalog, lower-case, and no other anchor', () => {
    const ids = anchors.map((anchor) => anchor[1]!);
    const expected = Object.keys(RULES).map((id) => id.toLowerCase());
    assert.deepEqual([...ids].sort(), [...expected].sort());
    assert.equal(new Set(ids).size, ids.length, 'an anchor appears twice');
  });

  for (const [anchor, section] of sections()) {
    const rule = Object.keys(RULES).find((id) => id.toLowerCase() === anchor);
    if (rule === undefined || !isRuleId(rule)) continue;

    it(`${rule}: heading, default severity and an example that reports it`, () => {
      assert.match(section, new RegExp(`^<a id="${anchor}"></a>\\n\\n### ${rule}: \\S`), 'the anchor is followed by the heading');
      assert.ok(section.includes(`**Default severity:** ${RULES[rule].severity}\n`), `severity ${RULES[rule].severity}`);
      for (const part of ['**What it checks.**', '**Why Outlook cares.**', '**How to fix.**', '**Sources.**']) assert.ok(section.includes(part), part);
      const example = /```json\n([\s\S]*?)\n```/.exec(section);
      assert.ok(example, 'a ```json example');
      const expected = new Set([rule]);
      if (example[1]!.includes('"@type": "MessageCard"')) expected.add('AM080');
      assert.deepEqual(ruleIds(example[1]!, EXAMPLE_SETTINGS[rule] ?? {}), [...expected].sort());
    });
  }
});
