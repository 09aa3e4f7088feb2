// `amcard decode` as users run it: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { base64url } from 'jose';
import { CARD, PAYLOAD, SENDER, signWithJose } from '../unit/signed-card-fixtures';
import { runCli, type CliRun as Run } from './run-cli';

interface DecodeJson {
  kind: string;
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  card: unknown;
  verified: boolean | null;
  problems: { code: string; severity: string; message: string }[];
}

let dir: string;
let signer: { privateKey: KeyObject; publicKey: KeyObject };
let token: string;

function amcard(args: readonly string[], input?: string): Run {
  return runCli(args, dir, input);
}

function write(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

function sign(payload: unknown, privateKey: KeyObject = signer.privateKey): Promise<string> {
  return signWithJose(payload, privateKey);
}

function json(run: Run): DecodeJson {
  return JSON.parse(run.stdout) as DecodeJson;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-decode-'));
  signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  token = await sign(PAYLOAD);
  write('public.pem', signer.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  write('token.jws', `${token}\n`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard decode: one JWS', () => {
  it('shows header, claims with iat as a date, "valid" and the card; exit 0', () => {
    const run = amcard(['decode', token, '--key', 'public.pem']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Header:\n {2}alg: "RS256"\n/);
    assert.match(run.stdout, /^ {2}sender: noreply@contoso\.example$/m);
    assert.match(run.stdout, /^ {2}iat: 1717430400 \(2024-06-03T16:00:00\.000Z\)$/m);
    assert.match(run.stdout, /^Signature: valid$/m);
    assert.match(run.stdout, /^Problems:\n {2}none$/m);
    assert.ok(run.stdout.includes(`Card (AdaptiveCard):\n${JSON.stringify(CARD, null, 2)}\n`));
  });

  it('shows iat as a date exactly when a Date can hold it, the last instant too (the one guard the Decode JWS command uses)', async () => {
    const last = amcard(['decode', await sign({ ...PAYLOAD, iat: 8.64e12 })]);
    assert.match(last.stdout, /^ {2}iat: 8640000000000 \(\+275760-09-13T00:00:00\.000Z\)$/m);
    const beyond = amcard(['decode', await sign({ ...PAYLOAD, iat: 8.64e12 + 1 })]);
    assert.match(beyond.stdout, /^ {2}iat: 8640000000001$/m);
  });

  it('says "not checked" without a key; exit 0', () => {
    const run = amcard(['decode', token]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Signature: not checked: no key/m);
  });

  it('reads a JWS from a file and from standard input', () => {
    assert.match(amcard(['decode', 'token.jws', '--key', 'public.pem']).stdout, /^Signature: valid$/m);
    assert.match(amcard(['decode', '-', '--key', 'public.pem'], `${token}\r\n`).stdout, /^Signature: valid$/m);
  });

  it('--json prints {kind, header, payload, card, verified, problems}', () => {
    const run = amcard(['decode', token, '--key', 'public.pem', '--json']);
    assert.equal(run.status, 0);
    const result = json(run);
    assert.deepEqual(Object.keys(result), ['kind', 'header', 'payload', 'card', 'verified', 'problems']);
    assert.deepEqual(result.header, { alg: 'RS256' });
    assert.deepEqual(result.payload, PAYLOAD);
    assert.deepEqual(result.card, CARD);
    assert.equal(result.verified, true);
    assert.deepEqual(result.problems, []);
    assert.equal(json(amcard(['decode', token, '--json'])).verified, null);
  });

  it('--out writes the result to a file', () => {
    const run = amcard(['decode', token, '--json', '--out', 'result.json']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')) as DecodeJson).verified, null);
  });
});

describe('amcard decode: rejections exit 1 and say why', () => {
  it('a payload changed after signing', () => {
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...PAYLOAD, sender: 'attacker@evil.example' }))}.${signature}`;
    const run = amcard(['decode', tampered, '--key', 'public.pem']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^Signature: invalid: .*changed after signing/m);
    assert.equal(json(amcard(['decode', tampered, '--key', 'public.pem', '--json'])).verified, false);
  });

  it('a signature made with another key', async () => {
    const run = amcard(['decode', await sign(PAYLOAD, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), '--key', 'public.pem']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^Signature: invalid: .*made with another key/m);
  });

  it('alg none, even without a key', () => {
    const unsigned = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(PAYLOAD))}.`;
    const run = amcard(['decode', unsigned, '--json']);
    assert.equal(run.status, 1);
    const result = json(run);
    assert.equal(result.verified, false);
    assert.deepEqual(result.problems.map((problem) => problem.code), ['jws-algorithm']);
    assert.match(result.problems[0]!.message, /unsigned/);
  });

  it('a sender other than --sender (AM094), with a valid signature', () => {
    const run = amcard(['decode', token, '--key', 'public.pem', '--sender', 'alerts@contoso.example']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^Signature: valid$/m);
    assert.match(run.stdout, /^ {2}error AM094: The "sender" claim/m);
  });

  it('a malformed token names the problem', () => {
    const run = amcard(['decode', `${token}.extra`]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^Signature: invalid: A compact JWS has three base64url segments .*this has 4/m);
    assert.match(run.stdout, /^Header:\n {2}\(not decoded\)$/m);
  });
});

describe('amcard decode: emails', () => {
  const signedHtml = (jws: string): string => `<html><head><script type="application/adaptivecard+json">${JSON.stringify({ ...CARD, actions: [{ type: 'Action.Submit', title: 'Send' }] })}</script></head>
<body><section itemscope itemtype="http://schema.org/SignedAdaptiveCard"><div itemprop="signedAdaptiveCard" style="display:none">${jws}</div></section></body></html>`;

  it('decodes every card of an HTML file: an array in --json, in document order', () => {
    write('mail.html', signedHtml(token));
    const run = amcard(['decode', 'mail.html', '--key', 'public.pem', '--json']);
    assert.equal(run.status, 1, 'the unsigned card has an AM030 error');
    const results = JSON.parse(run.stdout) as DecodeJson[];
    assert.deepEqual(results.map((result) => [result.kind, result.verified]), [['script', null], ['signed', true]]);
    assert.equal(results[0]!.header, null);
    assert.ok(results[0]!.problems.some((problem) => problem.code === 'AM030' && problem.severity === 'error'));
    assert.deepEqual(results[1]!.card, CARD);
    const human = amcard(['decode', 'mail.html', '--key', 'public.pem']).stdout;
    assert.match(human, /^== card 1 of 2 in mail\.html: <script type="application\/adaptivecard\+json">, unsigned ==$/m);
    assert.match(human, /^== card 2 of 2 in mail\.html: signed card ==\nHeader:/m);
  });

  it('decodes the signed card of an .eml with a base64 HTML part: one object in --json', () => {
    const html = `<html><body><div itemprop="signedAdaptiveCard">${token}</div></body></html>`;
    const base64 = Buffer.from(html).toString('base64').replace(/(.{76})/g, '$1\r\n');
    write('mail.eml', `From: ${SENDER}\r\nTo: ana@contoso.example\r\nSubject: Card\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n`);
    const run = amcard(['decode', 'mail.eml', '--key', 'public.pem', '--json']);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(json(run).verified, true);
  });

  it('reads an .eml as bytes, so an 8-bit ISO-8859-1 part decodes the byte E9 as é', () => {
    const card = { ...CARD, body: [{ type: 'TextBlock', text: 'Café' }] };
    const eml = `From: ${SENDER}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<script type="application/adaptivecard+json">${JSON.stringify(card)}</script>\r\n`;
    writeFileSync(path.join(dir, 'latin1.eml'), Buffer.from(eml, 'latin1'));
    const run = amcard(['decode', 'latin1.eml', '--json']);
    assert.deepEqual(json(run).card, card, run.stdout + run.stderr);
  });
});

  it('names a script card by its kind, and JSON of neither kind as such', () => {
    const scripts = [{ '@type': 'MessageCard', summary: 'Build', text: 'Done' }, { type: 'MessageCard', text: 'Done' }, { ...CARD }];
    write('kinds.html', scripts.map((script) => `<script type="application/adaptivecard+json">${JSON.stringify(script)}</script>`).join('\n'));
    const human = amcard(['decode', 'kinds.html']).stdout;
    const headings = human.split('\n').filter((line) => /^(Card \(|JSON \()/.test(line));
    assert.deepEqual(headings, ['Card (MessageCard):', 'JSON (no Outlook card kind):', 'Card (AdaptiveCard):'], human);
    assert.match(human, /^JSON \(no Outlook card kind\):\n\{\n {2}"type": "MessageCard"/m);
  });

describe('amcard decode: input that is no JWS at all exits 2, naming the file', () => {
  const cases: [string, () => string][] = [
    ['a PEM key', () => signer.publicKey.export({ type: 'spki', format: 'pem' }) as string],
    ['a 3 MB text file', () => 'a'.repeat(3_000_000)],
    ['prose', () => 'Hello. This is not a token.\n'],
  ];
  for (const [what, text] of cases) {
    it(`${what}: the same message in text and --json modes, and no "invalid" verdict`, () => {
      const file = write('not-a-jws.txt', text());
      for (const json of [[], ['--json']]) {
        const run = amcard(['decode', file, ...json]);
        assert.equal(run.status, 2, run.stdout + run.stderr);
        assert.equal(run.stderr, 'amcard decode: not-a-jws.txt is not a JWS (header.payload.signature: base64url segments separated by dots): expected a JWS, a signed-card envelope, an HTML email or an .eml message.\n');
        assert.equal(run.stdout, '');
      }
    });
  }

  it('standard input too; a JWS wrapped over lines is told to lose its line breaks', () => {
    const piped = amcard(['decode', '-'], 'not a token\n');
    assert.equal(piped.status, 2, piped.stderr);
    assert.match(piped.stderr, /^amcard decode: standard input is not a JWS \(header\.payload\.signature/);
    const wrapped = amcard(['decode', write('wrapped.jws', `${token.slice(0, 60)}\n${token.slice(60)}\n`)]);
    assert.equal(wrapped.status, 2, wrapped.stderr);
    assert.match(wrapped.stderr, /^amcard decode: wrapped\.jws is not a JWS as it stands: it has line breaks or spaces inside/);
  });
});

describe('amcard decode: usage errors exit 2', () => {
  it('is listed in amcard --help', () => {
    assert.match(amcard(['--help']).stdout, /^\s+decode\s+Decode and verify/m);
  });

  it('without an argument, with a missing file, an unreadable key, or an email without cards', () => {
    const cases: [string[], RegExp][] = [
      [['decode'], /expected one JWS, file or -/],
      [['decode', 'missing.eml'], /cannot read missing\.eml: no such file, and it is not a JWS/],
      [['decode', token, '--key', 'nokey.pem'], /Cannot read the public key nokey\.pem/],
      [['decode', token, '--key', write('bad.pem', 'not a key')], /bad\.pem/],
      [['decode', write('plain.html', '<p>No card</p>')], /plain\.html has no card: no <script/],
      [['decode', write('empty.txt', '\n')], /empty\.txt is empty/],
      [['decode', write('card.json', JSON.stringify(CARD))], /holds JSON but no signed-card envelope.*amcard lint/],
    ];
    for (const [args, message] of cases) {
      const run = amcard(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /internal error/);
    }
  });
});
