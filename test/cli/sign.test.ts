// `amcard sign` as users run it: dist/cli.js in a child process, with keys that openssl made and openssl verifies.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from './run-cli';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const SENDER = 'expenses@contoso.example';
const ADDRESSES = ['--sender', SENDER, '--recipients', 'ana@contoso.example,bo@contoso.example'];

const CLEAN = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: [{ type: 'TextBlock', text: 'Expense report 1042' }] }, null, 2);
// AM030 (error) on the Action.Submit "type" value at 4:24.
const SUBMIT = [
  '{',
  `  "type": "AdaptiveCard", "version": "1.0", "originator": "${ORIGINATOR}",`,
  '  "body": [{"type": "TextBlock", "text": "Hi"}],',
  '  "actions": [{"type": "Action.Submit", "title": "Send"}]',
  '}',
].join('\n');
// Uses Action.Execute without "originator": AM011, an error that the payload's originator claim satisfies.
const UAM_WITHOUT_ORIGINATOR = JSON.stringify({
  type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hi' }],
  actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve' }],
});

let dir: string;
/** Pieces of the private key as it is stored, none of which may ever appear in an output. */
let secretFragments: string[];

function amcard(args: readonly string[], input?: string): CliRun {
  return runCli(args, dir, input);
}

function write(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

function openssl(args: readonly string[]): void {
  execFileSync('openssl', [...args], { cwd: dir, stdio: 'ignore' });
}

function opensslVerifies(jws: string): boolean {
  const [header, payload, signature] = jws.split('.');
  write('signing-input.txt', `${header}.${payload}`);
  writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(signature!, 'base64url'));
  const result = spawnSync('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.bin', 'signing-input.txt'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 && /Verified OK/.test(result.stdout);
}

function claims(jws: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function assertNoKeyMaterial(run: CliRun): void {
  for (const fragment of secretFragments) {
    assert.ok(!run.stdout.includes(fragment) && !run.stderr.includes(fragment), 'an output contains private key material');
  }
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-sign-'));
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'key.pem']);
  openssl(['pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem']);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'small.pem']);
  const pem = readFileSync(path.join(dir, 'key.pem'), 'utf8');
  const jwk = createPrivateKey(pem).export({ format: 'jwk' });
  secretFragments = [
    ...pem.split('\n').filter((line) => line.length >= 32 && !line.startsWith('-----')),
    ...[jwk.d, jwk.p, jwk.q].map((part) => part!.slice(0, 32)),
  ];
  write('clean.card.json', CLEAN);
  write('submit.card.json', SUBMIT);
  write('uam.card.json', UAM_WITHOUT_ORIGINATOR);
  write('not-a-key.pem', 'garbage\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard sign', () => {
  it('is listed by amcard --help and has its own --help', () => {
    assert.match(amcard(['--help']).stdout, /^\s+sign\s+Sign a card/m);
    const help = amcard(['sign', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: amcard sign <card> --key <private key file>/);
  });

  it('prints a JWS that openssl verifies, with the claims of the card and the flags, and exits 0', () => {
    const run = amcard(['sign', 'clean.card.json', '--key', 'key.pem', ...ADDRESSES]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const jws = run.stdout.trim();
    assert.equal(opensslVerifies(jws), true);
    const payload = claims(jws);
    assert.equal(payload['sender'], SENDER);
    assert.equal(payload['originator'], ORIGINATOR);
    assert.equal(payload['recipientsSerialized'], '["ana@contoso.example","bo@contoso.example"]');
    assert.equal(payload['adaptiveCardSerialized'], JSON.stringify(JSON.parse(CLEAN)));
    assertNoKeyMaterial(run);
  });

  it('signs what amcard decode verifies as valid with the public key, with no problem', () => {
    const signed = amcard(['sign', 'clean.card.json', '--key', 'key.pem', ...ADDRESSES, '--out', 'round-trip.jws']);
    assert.equal(signed.status, 0, signed.stderr);
    const decoded = amcard(['decode', 'round-trip.jws', '--key', 'pub.pem', '--sender', SENDER, '--json']);
    assert.equal(decoded.status, 0, decoded.stderr);
    const result = JSON.parse(decoded.stdout) as { verified: boolean | null; problems: unknown[] };
    assert.equal(result.verified, true);
    assert.deepEqual(result.problems, []);
  });

  it('reads the card from standard input with -, and writes to --out instead of stdout', () => {
    const run = amcard(['sign', '-', '--key', 'key.pem', ...ADDRESSES, '--out', 'signed.jws'], CLEAN);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(opensslVerifies(readFileSync(path.join(dir, 'signed.jws'), 'utf8').trim()), true);
  });

  it('--html prints the email with the signed section carrying a JWS that openssl verifies', () => {
    const run = amcard(['sign', 'clean.card.json', '--key', 'key.pem', ...ADDRESSES, '--html']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.match(run.stdout, /<section itemscope itemtype="http:\/\/schema.org\/SignedAdaptiveCard">/);
    const jws = /<div itemprop="signedAdaptiveCard"[^>]*>([^<]+)<\/div>/.exec(run.stdout)?.[1];
    assert.ok(jws, 'no signedAdaptiveCard div');
    assert.equal(opensslVerifies(jws), true);
    assert.equal(claims(jws)['sender'], SENDER);
    assertNoKeyMaterial(run);
  });

  it('refuses a card with errors with exit 1, listing them as path:line:col, and signs nothing', () => {
    const run = amcard(['sign', 'submit.card.json', '--key', 'key.pem', ...ADDRESSES]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^submit\.card\.json:4:24: error AM030 /m);
    assert.match(run.stderr, /not signed: the card has errors\. Fix them, or pass --force/);
    assert.doesNotMatch(run.stderr, /eyJ/);
  });

  it('--force signs a card with errors and still lists them', () => {
    const run = amcard(['sign', 'submit.card.json', '--key', 'key.pem', ...ADDRESSES, '--force']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^submit\.card\.json:4:24: error AM030 /m);
    assert.match(run.stderr, /signing anyway \(--force\)/);
    assert.equal(opensslVerifies(run.stdout.trim()), true);
  });

  it('counts --originator for a card without one (AM011 is satisfied by the claim), and refuses without it', () => {
    const withOriginator = amcard(['sign', 'uam.card.json', '--key', 'key.pem', ...ADDRESSES, '--originator', ORIGINATOR]);
    assert.equal(withOriginator.status, 0, withOriginator.stderr);
    assert.equal(claims(withOriginator.stdout.trim())['originator'], ORIGINATOR);
    const without = amcard(['sign', 'uam.card.json', '--key', 'key.pem', ...ADDRESSES]);
    assert.equal(without.status, 1);
    assert.match(without.stderr, /uam\.card\.json:1:\d+: error AM011 /);
  });

  it('exits 2 with the signing problem for a disagreeing originator, a bad sender or a bad recipient', () => {
    const cases: [string[], RegExp][] = [
      [['--originator', '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f', ...ADDRESSES], /^amcard sign: The card's "originator" 8f14e45f-\S+ differs from the originator given for signing, 0f9e8d7c-/],
      [['--sender', 'expenses', '--recipients', 'ana@contoso.example'], /^amcard sign: The sender "expenses" is not an email address/],
      [['--sender', SENDER, '--recipients', 'ana@contoso.example,bo'], /^amcard sign: Recipient 2, "bo", is not an email address/],
    ];
    for (const [flags, message] of cases) {
      const run = amcard(['sign', 'clean.card.json', '--key', 'key.pem', ...flags]);
      assert.equal(run.status, 2, flags.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    }
  });

  it('exits 2 naming the missing flags, a second card, or both inputs on stdin', () => {
    const missing = amcard(['sign', 'clean.card.json', '--sender', SENDER]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^amcard sign: missing --key <private key file>, --recipients <a,b>\./);
    const twoCards = amcard(['sign', 'clean.card.json', 'submit.card.json', '--key', 'key.pem', ...ADDRESSES]);
    assert.equal(twoCards.status, 2);
    assert.match(twoCards.stderr, /expected one card file/);
    const bothStdin = amcard(['sign', '-', '--key', '-', ...ADDRESSES], CLEAN);
    assert.equal(bothStdin.status, 2);
    assert.match(bothStdin.stderr, /cannot both come from standard input/);
  });

  it('exits 2 for a key file that is missing, not a key, a public key or under 2048 bits, quoting no key', () => {
    const cases: [string, RegExp][] = [
      ['missing.pem', /Cannot read the private key missing\.pem: no such file or directory/],
      ['not-a-key.pem', /not-a-key\.pem: not a key in a known format/],
      ['pub.pem', /pub\.pem: this is a public key; signing needs the private key/],
      ['small.pem', /small\.pem: this RSA key has 1024 bits/],
    ];
    for (const [keyFile, message] of cases) {
      const run = amcard(['sign', 'clean.card.json', '--key', keyFile, ...ADDRESSES]);
      assert.equal(run.status, 2, keyFile);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assertNoKeyMaterial(run);
    }
  });

  it('checks the key before the card: a bad key is exit 2 even for a card with errors', () => {
    const run = amcard(['sign', 'submit.card.json', '--key', 'pub.pem', ...ADDRESSES]);
    assert.equal(run.status, 2);
    assert.doesNotMatch(run.stderr, /AM030/);
  });
});
