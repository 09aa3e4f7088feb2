// Templates through `amcard sign`, `html` and `eml`, as users run them (dist/cli.js in a child process): the card is
// expanded with --data or the data file beside it, and without data nothing is written (exit 2).
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compactVerify } from 'jose';
import { parseMessage, parsed, scriptCard, signedSection, textOf } from '../unit/mail-parsing';
import { runCli, type CliRun } from './run-cli';

const repository = path.join(__dirname, '../../..');
const SIGNING = ['--sender', 'noreply@contoso.example', '--recipients', 'ana@contoso.example'];

let dir: string;
let publicKey: KeyObject;

function amcard(args: readonly string[], input?: string): CliRun {
  return runCli(args, dir, input);
}

function refused(run: CliRun, message: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '', 'nothing is written');
  assert.match(run.stderr, message);
}

const EXPENSE_TEXTS = ['Expense report EXP-2026-0519', 'Jonas Vermeulen submitted 3 expenses', 'Hotel (2 nights)', 'EUR 612.00', 'Total: EUR 1,046.20'];

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-templates-'));
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  publicKey = pair.publicKey;
  writeFileSync(path.join(dir, 'key.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  cpSync(path.join(repository, 'examples'), path.join(dir, 'examples'), { recursive: true });
  mkdirSync(path.join(dir, 'alone'));
  cpSync(path.join(repository, 'examples/expense-template.card.json'), path.join(dir, 'alone/expense-template.card.json'));
  writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ report: { id: 'OTHER-1', purpose: 'p', currency: 'EUR', total: 1 }, submitter: { name: 'Ana', firstName: 'Ana' }, lines: [] }));
  writeFileSync(path.join(dir, 'partial.json'), JSON.stringify({ report: { id: 'PART-1' } }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard html on a template', () => {
  it('expands examples/expense-template.card.json with the data beside it: no ${ anywhere in the email', () => {
    const run = amcard(['html', 'examples/expense-template.card.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!run.stdout.includes('${'), run.stdout);
    const card = scriptCard(run.stdout).value as { body: { text?: string }[]; actions: { url: string }[] };
    assert.equal(card.body[0]!.text, 'Expense report EXP-2026-0519');
    assert.equal(card.actions[0]!.url, 'https://api.contoso.example/expenses/EXP-2026-0519/approve');
    const body = textOf(parsed(run.stdout).body);
    for (const text of EXPENSE_TEXTS) assert.ok(body.includes(text), `the readable body has ${text}:\n${body}`);
  });

  it('takes --data over the data file beside the card, and from another folder', () => {
    const run = amcard(['html', 'examples/expense-template.card.json', '--data', 'other.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes('Expense report OTHER-1') && !run.stdout.includes('EXP-2026-0519'));
    const alone = amcard(['html', 'alone/expense-template.card.json', '--data', 'other.json']);
    assert.equal(alone.status, 0, alone.stderr);
    assert.ok(!alone.stdout.includes('${'));
  });

  it('refuses a template without data (exit 2), naming the card and where the data was looked for', () => {
    refused(amcard(['html', 'alone/expense-template.card.json']),
      /^amcard html: alone\/expense-template\.card\.json is a template \("Expense report \$\{report\.id\}" at \$\.body\[0\]\.text\) and there is no data to expand it with: no --data option, and no data file in alone \(looked for expense-template\.data\.json, or the folder's only \*\.data\.json that pairs with no other card\); give the data with --data <file>\. Raw \$\{…\} must not reach an email or a signature\.\n$/);
    refused(amcard(['html', '-'], readFileSync(path.join(dir, 'alone/expense-template.card.json'), 'utf8')),
      /^amcard html: The card from standard input is a template .+: a card read from standard input has no folder to look for its data in; give the data with --data <file>\./);
    refused(amcard(['html', 'alone/expense-template.card.json', '--data', 'missing.json']), /^Cannot read the template data file missing\.json: no such file or directory\./);
  });

  it('refuses data that leaves ${…} unexpanded, naming the JSON path, and data that does not parse', () => {
    refused(amcard(['html', 'examples/expense-template.card.json', '--data', 'partial.json']),
      /^amcard html: Expanding examples\/expense-template\.card\.json with partial\.json left "\$\{submitter\.name\} submitted .*" at \$\.body\[1\]\.text: the data has no value for it\./);
    writeFileSync(path.join(dir, 'broken.json'), '{"report": ');
    refused(amcard(['html', 'examples/expense-template.card.json', '--data', 'broken.json']), /^amcard html: The data file broken\.json does not parse at 1:12: /);
  });

  it('leaves a card without ${…} as written, even with --data', () => {
    const text = readFileSync(path.join(dir, 'examples/approval-http.card.json'), 'utf8');
    const run = amcard(['html', 'examples/approval-http.card.json', '--data', 'missing.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(scriptCard(run.stdout).value, JSON.parse(text));
  });
});

describe('amcard sign and eml on a template', () => {
  it('signs the expanded card: the JWS verifies and its card claim holds no ${', async () => {
    const run = amcard(['sign', 'examples/expense-template.card.json', '--key', 'key.pem', ...SIGNING]);
    assert.equal(run.status, 0, run.stderr);
    const { payload } = await compactVerify(run.stdout.trim(), publicKey);
    const claims = JSON.parse(new TextDecoder().decode(payload)) as { adaptiveCardSerialized: string };
    assert.ok(!claims.adaptiveCardSerialized.includes('${'), claims.adaptiveCardSerialized);
    assert.equal(JSON.parse(claims.adaptiveCardSerialized).body[0].text, 'Expense report EXP-2026-0519');
  });

  it('signs with --data into signed email HTML whose body is expanded too', async () => {
    const run = amcard(['sign', 'alone/expense-template.card.json', '--data', 'other.json', '--key', 'key.pem', ...SIGNING, '--html']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!run.stdout.includes('${'));
    assert.ok(textOf(parsed(run.stdout).body).includes('Expense report OTHER-1'));
    const { payload } = await compactVerify(signedSection(run.stdout).token, publicKey);
    assert.equal(JSON.parse(JSON.parse(new TextDecoder().decode(payload)).adaptiveCardSerialized).body[0].text, 'Expense report OTHER-1');
  });

  it('refuses to sign a template without data, before reading the key', () => {
    refused(amcard(['sign', 'alone/expense-template.card.json', '--key', 'no-such-key.pem', ...SIGNING]), /^amcard sign: alone\/expense-template\.card\.json is a template /);
    refused(amcard(['sign', '-', '--data', '-', '--key', 'key.pem', ...SIGNING], '{}'), /^amcard sign: the card and the template data cannot both come from standard input\./);
  });

  it('writes an .eml whose HTML part is the expanded card, with sibling data and with --data; refuses without data', () => {
    const eml = ['--from', 'noreply@contoso.example', '--to', 'ana@contoso.example', '--subject', 'Expense to approve'];
    const run = amcard(['eml', 'examples/expense-template.card.json', ...eml]);
    assert.equal(run.status, 0, run.stderr);
    const { body: html } = parseMessage(run.stdout);
    assert.ok(!html.includes('${'));
    for (const text of EXPENSE_TEXTS) assert.ok(textOf(parsed(html).body).includes(text), text);
    const withData = amcard(['eml', 'alone/expense-template.card.json', '--data', 'other.json', ...eml]);
    assert.equal(withData.status, 0, withData.stderr);
    assert.ok(parseMessage(withData.stdout).body.includes('Expense report OTHER-1'));
    refused(amcard(['eml', 'alone/expense-template.card.json', ...eml]), /^amcard eml: alone\/expense-template\.card\.json is a template /);
  });
});
