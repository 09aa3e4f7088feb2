// The cards in examples/ are what Outlook accepts: each must produce no finding at any severity (spec § 8).
// Template data files (*.data.json) are data for the preview, not cards.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findings } from './helpers';

const EXAMPLES = path.join(__dirname, '../../../examples');
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json') && !name.endsWith('.data.json')).sort();

describe('examples/', () => {
  it('has the documented examples', () => {
    for (const name of ['approval-http.card.json', 'approval-http.response.json', 'approval-uam.card.json', 'input-form.card.json', 'add-in-command.card.json', 'expense-template.card.json']) {
      assert.ok(files.includes(name), name);
    }
  });

  for (const name of files) {
    it(`${name} gets no findings`, () => {
      const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
      assert.deepEqual(findings(text).map((f) => `${f.rule} ${f.severity}: ${f.message}`), []);
    });
  }
});
