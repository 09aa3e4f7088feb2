// `amcard html` and `amcard eml` as users run them: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compactVerify } from 'jose';
import { parseMessage, parsed, scriptCard, signedSection, textOf } from '../unit/mail-parsing';
import { runCli, type CliRun } from './run-cli';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR,
  body: [{ type: 'TextBlock', text: 'Approve </script><!--<script> expense?\u2028' }],
  actions: [{ type: 'Action.OpenUrl', title: 'Details', url: 'https://contoso.example/expense/1' }],
};

let dir: string;
let publicKey: KeyObject;

function amcard(args: readonly string[], input?: string): CliRun {
  return runCli(args, dir, input);
}

function write(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

async function verifiedPayload(token: string): Promise<Record<string, unknown>> {
  const { payload, protectedHeader } = await compactVerify(token, publicKey);
  assert.equal(protectedHeader.alg, 'RS256');
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-email-'));
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  publicKey = pair.publicKey;
  write('key.pem', pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  write('weak.pem', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  write('card.json', JSON.stringify(CARD, null, 2));
  write('broken.json', '{"type": "AdaptiveCard",}');
  write('body.html', '<p>Custom body</p>');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard html', () => {
  it('is listed by amcard --help, with eml', () => {
    const run = amcard(['--help']);
    assert.match(run.stdout, /^\s+html\s+\S/m);
    assert.match(run.stdout, /^\s+eml\s+\S/m);
  });

  it('writes the document with the card in a head script that parses back to the card', () => {
    const run = amcard(['html', 'card.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(scriptCard(run.stdout), { type: 'application/adaptivecard+json', value: CARD });
    assert.match(textOf(parsed(run.stdout).body), /Approve <\/script><!--<script> expense\?/);
  });

  it('reads the card from standard input with -, and writes to --out', () => {
    const run = amcard(['html', '-', '--out', 'out.html', '--body', 'body.html', '--subject', 'Expense'], JSON.stringify(CARD));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const html = readFileSync(path.join(dir, 'out.html'), 'utf8');
    assert.deepEqual(scriptCard(html).value, CARD);
    const { head, body } = parsed(html);
    assert.equal(textOf(body).trim(), 'Custom body');
    assert.match(textOf(head), /Expense/);
  });

  it('signs with --sign-with: the section holds a JWS that verifies with the public key and carries the card', async () => {
    const run = amcard(['html', 'card.json', '--sign-with', 'key.pem', '--sender', 'noreply@contoso.example', '--recipients', 'ana@contoso.example,bo@contoso.example']);
    assert.equal(run.status, 0, run.stderr);
    const { type, token } = signedSection(run.stdout);
    assert.equal(type, 'http://schema.org/SignedAdaptiveCard');
    const payload = await verifiedPayload(token);
    assert.equal(payload.sender, 'noreply@contoso.example');
    assert.equal(payload.originator, ORIGINATOR);
    assert.deepEqual(JSON.parse(payload.recipientsSerialized as string), ['ana@contoso.example', 'bo@contoso.example']);
    assert.deepEqual(JSON.parse(payload.adaptiveCardSerialized as string), CARD);
    assert.equal(parsed(run.stdout).document.childNodes.some((node) => 'tagName' in node && node.tagName === 'script'), false);
  });

  it('prints warnings to standard error and still writes the document (exit 0)', () => {
    const run = amcard(['html', 'broken.json']);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^amcard html: warning: The card JSON is invalid at line 1, column 25/m);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
  });

  it('warns of nesting past the limit behind a comment holding a quote, at the bracket, and still writes the document', () => {
    const run = amcard(['html', write('deep.card.json', '[//"\n' + '['.repeat(20_000))]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^amcard html: warning: The card JSON is invalid at line 2, column 1000: Nesting deeper than 1000 levels/m);
    assert.doesNotMatch(run.stderr, /internal error|RangeError/);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
  });

  it('exits 2 with a precise message for bad command lines, files and keys', () => {
    const cases: [string[], RegExp][] = [
      [['html'], /expected one card file/],
      [['html', 'card.json', 'body.html'], /expected one card file .* got 2/],
      [['html', 'missing.json'], /Cannot read the card missing\.json: no such file or directory/],
      [['html', 'card.json', '--sender', 'a@contoso.example'], /amcard html: --sender only applies with --sign-with <key file>\./],
      [['html', 'card.json', '--sender', 'a@contoso.example', '--originator', ORIGINATOR], /amcard html: --sender, --originator only apply with --sign-with/],
      [['html', 'card.json', '--sign-with', 'key.pem'], /--sign-with needs --sender <address> and --recipients/],
      [['html', 'card.json', '--sign-with', 'weak.pem', '--sender', 'a@contoso.example', '--recipients', 'b@contoso.example'], /^amcard html: weak\.pem: .*2048/],
      [['html', 'card.json', '--sign-with', 'body.html', '--sender', 'a@contoso.example', '--recipients', 'b@contoso.example'], /^amcard html: body\.html: /],
      [['html', 'card.json', '--bogus'], /unknown option "--bogus"\./],
    ];
    for (const [args, message] of cases) {
      const run = amcard(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });
});

describe('amcard eml', () => {
  it('writes a message whose headers and decoded HTML part carry the card', () => {
    const run = amcard(['eml', 'card.json', '--from', 'Contoso <noreply@contoso.example>', '--to', '"Lima, Ana" <ana@contoso.example>,bo@contoso.example',
      '--cc', 'cy@contoso.example', '--subject', 'Dépense à approuver', '--out', 'message.eml']);
    assert.equal(run.status, 0, run.stderr);
    const { headers, body } = parseMessage(readFileSync(path.join(dir, 'message.eml'), 'utf8'));
    assert.equal(headers.get('from'), 'Contoso <noreply@contoso.example>');
    assert.equal(headers.get('to'), '"Lima, Ana" <ana@contoso.example>, bo@contoso.example');
    assert.equal(headers.get('cc'), 'cy@contoso.example');
    assert.equal(headers.get('subject'), 'Dépense à approuver');
    assert.deepEqual(scriptCard(body).value, CARD);
  });

  it('signs with the From address as sender and every To and Cc address as recipients', async () => {
    const run = amcard(['eml', 'card.json', '--from', 'Contoso <noreply@contoso.example>', '--to', 'ana@contoso.example', '--to', 'bo@contoso.example',
      '--cc', 'cy@contoso.example', '--subject', 'Expense', '--sign-with', 'key.pem']);
    assert.equal(run.status, 0, run.stderr);
    const payload = await verifiedPayload(signedSection(parseMessage(run.stdout).body).token);
    assert.equal(payload.sender, 'noreply@contoso.example');
    assert.deepEqual(JSON.parse(payload.recipientsSerialized as string), ['ana@contoso.example', 'bo@contoso.example', 'cy@contoso.example']);
  });

  it('exits 2 on header injection, bad addresses and missing flags', () => {
    const base = ['eml', 'card.json', '--from', 'noreply@contoso.example', '--to', 'ana@contoso.example'];
    const cases: [string[], RegExp][] = [
      [[...base, '--subject', 'Hi\r\nBcc: victim@contoso.example'], /^amcard eml: The Subject contains a line break \(CR\)/],
      [['eml', 'card.json', '--from', 'noreply@contoso.example\nBcc: x@contoso.example', '--to', 'ana@contoso.example', '--subject', 'Hi'], /The From address contains a line break \(LF\)/],
      [['eml', 'card.json', '--from', 'noreply@contoso.example', '--to', 'ana@contoso.example,bo', '--subject', 'Hi'], /To address 2: "bo" is not an email address: it has no @/],
      [['eml', 'card.json', '--from', 'noreply@contoso.example'], /missing --to <a,b>, --subject <text>/],
      [[...base, '--subject', 'Hi', '--originator', ORIGINATOR], /--originator only applies with --sign-with/],
    ];
    for (const [args, message] of cases) {
      const run = amcard(args);
      assert.equal(run.status, 2, `${JSON.stringify(args)}: ${run.stderr}`);
      assert.match(run.stderr, message, JSON.stringify(args));
      assert.equal(run.stdout, '');
    }
  });
});
