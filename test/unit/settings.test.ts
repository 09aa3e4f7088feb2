// The one reader of the actionableMessages.* settings: every key, wrong types, bad rules entries, and the two ways
// of reading a section (VS Code's, where other properties are passed over, and a config file's, which is closed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  LANGUAGE_CLIENT_KEYS, LINT_CONFIG_KEYS, readSettings, readSeverityOverride, SETTING_KEYS, SEVERITY_OVERRIDES,
} from '../../server/src/settings/read-settings';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
/** Nothing is sent to any action target unless `actionTarget.targets` maps a host. */
const NO_ACTION_TARGET = { targets: {}, allowedUrls: [], tokenShape: 'entra' };

interface ContributedSetting {
  readonly type: string;
  readonly patternProperties?: Record<string, { readonly enum: readonly string[] }>;
}

const contributed = (JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ContributedSetting> } };
}).contributes.configuration.properties;

describe('settings reader', () => {
  it('reads every key package.json contributes (but the language client\'s own), and knows no other', () => {
    assert.deepEqual([...SETTING_KEYS, ...LANGUAGE_CLIENT_KEYS].sort(), Object.keys(contributed).map((key) => key.replace(/^actionableMessages\./, '')).sort());
  });

  it('allows the severities package.json offers for rules, and those only', () => {
    const [severities] = Object.values(contributed['actionableMessages.rules']!.patternProperties!);
    assert.deepEqual(SEVERITY_OVERRIDES, severities!.enum);
  });

  it('reads every key, nested as VS Code nests the dotted ones, trimming strings', () => {
    const { settings, problems } = readSettings({
      validation: { enable: false },
      files: [' cards/*.json ', 'more/**/*.json'],
      responseFiles: ['replies/**/*.json '],
      originator: ` ${PROVIDER} `,
      sender: ' cards@contoso.example ',
      targetUrls: ['https://api.contoso.example/'],
      rules: { AM010: 'off', AM036: 'error', syntax: 'warning', schema: 'hint', AM094: 'info' },
      recipients: [' a@contoso.example', 'b@contoso.example '],
      signing: { privateKeyFile: ' ~/keys/sign.pem ', publicKeys: ['keys/public.pem', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n'] },
      actionTarget: {
        targets: { 'https://api.contoso.example': ' http://127.0.0.1:7071 ' }, allowedUrls: [' https://dev.contoso.example '], tokenShape: 'legacy',
        actingUser: ' ana@contoso.example ', tenant: ' 72f988bf-86f1-41af-91ab-2d7cd011db47 ', audience: ' api://contoso-actions ',
      },
      bot: { endpoint: ' http://127.0.0.1:3978/api/messages ', allowedEndpoints: ['https://bot.contoso.example/api/messages'] },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      enable: false,
      files: ['cards/*.json', 'more/**/*.json'],
      responseFiles: ['replies/**/*.json'],
      service: {
        originator: PROVIDER,
        sender: 'cards@contoso.example',
        targetUrls: ['https://api.contoso.example/'],
        severities: { AM010: 'off', AM036: 'error', syntax: 'warning', schema: 'hint', AM094: 'info' },
      },
      recipients: ['a@contoso.example', 'b@contoso.example'],
      privateKeyFile: '~/keys/sign.pem',
      publicKeys: ['keys/public.pem', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----'],
      actionTarget: {
        targets: { 'https://api.contoso.example': 'http://127.0.0.1:7071' }, allowedUrls: ['https://dev.contoso.example'], tokenShape: 'legacy',
        actingUser: 'ana@contoso.example', tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47', audience: 'api://contoso-actions',
      },
      botEndpoint: 'http://127.0.0.1:3978/api/messages',
      botAllowedEndpoints: ['https://bot.contoso.example/api/messages'],
    });
  });

  it('gives the defaults for a missing section, or one that is no object, without a problem', () => {
    const defaults = { enable: true, service: { severities: {} }, recipients: [], publicKeys: [], actionTarget: NO_ACTION_TARGET };
    for (const section of [undefined, null, {}, 'actionableMessages', [1]]) {
      assert.deepEqual(readSettings(section), { settings: defaults, problems: [] }, JSON.stringify(section));
    }
  });

  it('takes blank strings and blank items for not set, without a problem', () => {
    const { settings, problems } = readSettings({
      originator: '', sender: '  ', files: ['', ' '], targetUrls: [' '], recipients: ['', 'a@contoso.example'],
      signing: { privateKeyFile: ' ', publicKeys: [' '] },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { enable: true, files: [], service: { targetUrls: [], severities: {} }, recipients: ['a@contoso.example'], publicKeys: [], actionTarget: NO_ACTION_TARGET });
  });

  it('names each value of the wrong type by its key and reads it as its default', () => {
    const { settings, problems } = readSettings({
      validation: { enable: 'no' }, files: '**/*.json', originator: 7, sender: ['a@contoso.example'], targetUrls: 'https://x.example/',
      rules: ['AM010'], recipients: {}, signing: { privateKeyFile: false, publicKeys: null },
      actionTarget: { targets: { 'https://api.contoso.example': 7071, 'https://b.example': 'http://127.0.0.1:1' }, allowedUrls: 'https://x.example', tokenShape: 'Entra' },
    });
    assert.deepEqual(settings, { enable: true, service: { severities: {} }, recipients: [], publicKeys: [], actionTarget: { ...NO_ACTION_TARGET, targets: { 'https://b.example': 'http://127.0.0.1:1' } } });
    assert.deepEqual(problems, [
      { key: 'validation.enable', message: '"validation.enable" must be true or false, not a string' },
      { key: 'files', message: '"files" must be an array of strings, not a string' },
      { key: 'originator', message: '"originator" must be a string, not a number' },
      { key: 'sender', message: '"sender" must be a string, not an array' },
      { key: 'targetUrls', message: '"targetUrls" must be an array of strings, not a string' },
      { key: 'rules', message: '"rules" must be an object mapping rule ids to severities, e.g. {"AM010": "off"}, not an array' },
      { key: 'recipients', message: '"recipients" must be an array of strings, not an object' },
      { key: 'signing.privateKeyFile', message: '"signing.privateKeyFile" must be a string, not a boolean' },
      { key: 'signing.publicKeys', message: '"signing.publicKeys" must be an array of strings, not null' },
      { key: 'actionTarget.targets.https://api.contoso.example', message: '"actionTarget.targets": the value of "https://api.contoso.example" must be a non-empty string, not a number' },
      { key: 'actionTarget.allowedUrls', message: '"actionTarget.allowedUrls" must be an array of strings, not a string' },
      { key: 'actionTarget.tokenShape', message: '"actionTarget.tokenShape" must be one of entra, legacy, not "Entra"' },
    ]);
  });

  it('names a dotted key whose outer value is no object, for each key it should hold', () => {
    const { settings, problems } = readSettings({ validation: false, signing: 'keys/sign.pem' });
    assert.equal(settings.enable, true);
    assert.equal(settings.privateKeyFile, undefined);
    assert.deepEqual(problems, [
      { key: 'validation.enable', message: '"validation" must be an object holding "enable", not a boolean' },
      { key: 'signing.privateKeyFile', message: '"signing" must be an object holding "privateKeyFile", not a string' },
      { key: 'signing.publicKeys', message: '"signing" must be an object holding "publicKeys", not a string' },
    ]);
  });

  it('keeps the string items of a list and names each other item by its index', () => {
    const { settings, problems } = readSettings({ targetUrls: ['https://a.example/', 7, null, ' https://b.example/ '], recipients: [{}] });
    assert.deepEqual(settings.service.targetUrls, ['https://a.example/', 'https://b.example/']);
    assert.deepEqual(settings.recipients, []);
    assert.deepEqual(problems, [
      { key: 'targetUrls[1]', message: '"targetUrls" must be an array of strings; [1] is a number' },
      { key: 'targetUrls[2]', message: '"targetUrls" must be an array of strings; [2] is null' },
      { key: 'recipients[0]', message: '"recipients" must be an array of strings; [0] is an object' },
    ]);
  });

  it('keeps the good rules entries and names each unknown rule id and bad severity', () => {
    const { settings, problems } = readSettings({ rules: { AM010: 'off', AM999: 'off', AM036: 'loud', am010: 'off', AM030: 2, schema: 'error' } });
    assert.deepEqual(settings.service.severities, { AM010: 'off', schema: 'error' });
    assert.deepEqual(problems, [
      { key: 'rules.AM999', message: '"rules": unknown rule id "AM999" (ids look like AM010, or "syntax", "schema")' },
      { key: 'rules.AM036', message: '"rules": severity of AM036 must be one of error, warning, info, hint, off, not "loud"' },
      { key: 'rules.am010', message: '"rules": unknown rule id "am010" (ids look like AM010, or "syntax", "schema")' },
      { key: 'rules.AM030', message: '"rules": severity of AM030 must be one of error, warning, info, hint, off, not a number' },
    ]);
  });

  it('passes over properties that are no setting in VS Code\'s section, whose object carries methods', () => {
    const section = { get: () => undefined, has: () => false, sender: 'cards@contoso.example', other: 1 };
    const { settings, problems } = readSettings(section);
    assert.equal(settings.service.sender, 'cards@contoso.example');
    assert.deepEqual(problems, []);
  });

  it('with `only`, reads those keys alone and names every other key as unknown', () => {
    const { settings, problems } = readSettings(
      { originator: PROVIDER, rule: { AM010: 'off' }, recipients: ['a@contoso.example'], signing: {}, files: ['*.card.json'] },
      LINT_CONFIG_KEYS,
    );
    assert.deepEqual(settings, { enable: true, files: ['*.card.json'], service: { originator: PROVIDER, severities: {} }, recipients: [], publicKeys: [], actionTarget: NO_ACTION_TARGET });
    const allowed = '(allowed: originator, sender, targetUrls, rules, files, responseFiles)';
    assert.deepEqual(problems, [
      { key: 'rule', message: `unknown key "rule" ${allowed}` },
      { key: 'recipients', message: `unknown key "recipients" ${allowed}` },
      { key: 'signing', message: `unknown key "signing" ${allowed}` },
    ]);
  });

  it('reads a rule\'s severity override as a setting or a flag gives it', () => {
    for (const severity of SEVERITY_OVERRIDES) assert.deepEqual(readSeverityOverride('AM010', severity), { severity });
    assert.deepEqual(readSeverityOverride('syntax', 'off'), { severity: 'off' });
    assert.deepEqual(readSeverityOverride('AM1000', 'off'), { problem: 'unknown rule id "AM1000" (ids look like AM010, or "syntax", "schema")' });
    assert.deepEqual(readSeverityOverride('toString', 'off'), { problem: 'unknown rule id "toString" (ids look like AM010, or "syntax", "schema")' });
    assert.deepEqual(readSeverityOverride('AM010', 'Off'), { problem: 'severity of AM010 must be one of error, warning, info, hint, off, not "Off"' });
    assert.deepEqual(readSeverityOverride('AM010', undefined), { problem: 'severity of AM010 must be one of error, warning, info, hint, off, not undefined' });
  });
});
