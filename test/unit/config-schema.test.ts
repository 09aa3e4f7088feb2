// dist/amcard-config.schema.json (server/scripts/config-schema.mjs, run by npm run build) against what `amcard lint
// --config` reads: the editor must mark exactly the config files that amcard refuses. The schema is compiled with
// ajv, the validator VS Code's JSON language server also follows the JSON Schema rules of.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/rules/catalog';
import { LINT_CONFIG_KEYS, readSettings } from '../../server/src/settings';

const REPOSITORY = path.join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as {
  contributes: { jsonValidation: { fileMatch: string[]; url: string }[] };
};
const [validation] = manifest.contributes.jsonValidation;
const schema = JSON.parse(readFileSync(path.join(REPOSITORY, validation!.url), 'utf8')) as { properties: Record<string, { properties?: object }> };
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const GUID = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** Config files amcard reads without a problem. */
const ACCEPTED: readonly unknown[] = [
  {},
  { $schema: './node_modules/actionable-message-studio/dist/amcard-config.schema.json' },
  { originator: GUID, sender: 'alerts@contoso.example', targetUrls: ['https://api.contoso.example'] },
  { rules: { AM010: 'off', AM030: 'warning', syntax: 'error', schema: 'hint' } },
  { files: ['cards/**/*.json'], responseFiles: [] },
];

/** Config files amcard refuses (exit 2), with a word of the problem. */
const REFUSED: readonly (readonly [unknown, string])[] = [
  [{ originator: 5 }, 'wrong type'],
  [{ targetUrls: 'https://api.contoso.example' }, 'not an array'],
  [{ files: ['cards/*.json', 7] }, 'an item that is no string'],
  [{ rules: { AM999: 'off' } }, 'unknown rule id'],
  [{ rules: { AM010: 'loud' } }, 'unknown severity'],
  [{ rules: { AM010: null } }, 'severity null'],
  [{ rules: [] }, 'rules as an array'],
  [{ recipients: ['ana@contoso.example'] }, 'a setting amcard lint does not take'],
  [{ colour: true }, 'an unknown key'],
];

function acceptedByAmcard(config: unknown): boolean {
  return readSettings(config, LINT_CONFIG_KEYS).problems.length === 0;
}

describe('the JSON schema of amcard --config files', () => {
  it('is given to amcard.json and *.amcard.json by package.json, and built to the file it names', () => {
    assert.deepEqual(validation!.fileMatch, ['amcard.json', '*.amcard.json']);
    assert.equal(validation!.url, './dist/amcard-config.schema.json');
  });

  it('has a property for every key amcard lint takes, and one per rule id under "rules"', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', ...LINT_CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules!.properties ?? {}).sort(), Object.keys(RULES).sort());
  });

  for (const config of ACCEPTED) {
    it(`accepts what amcard accepts: ${JSON.stringify(config)}`, () => {
      assert.ok(acceptedByAmcard(config), 'amcard accepts it');
      assert.ok(validate(config), JSON.stringify(validate.errors));
    });
  }

  for (const [config, what] of REFUSED) {
    it(`refuses what amcard refuses: ${what}`, () => {
      assert.ok(!acceptedByAmcard(config), 'amcard refuses it');
      assert.equal(validate(config), false, 'the schema refuses it');
    });
  }

  it('marks an http:// target URL, as the setting does, while amcard reads it (AM096 then compares hosts)', () => {
    const config = { targetUrls: ['http://api.contoso.example'] };
    assert.ok(acceptedByAmcard(config));
    assert.equal(validate(config), false);
  });
});
