// --out of amcard html, sign, eml and decode, and keygen's two files, as users run them: "--out -" is standard
// output, nothing is overwritten without --force, nothing is written through a symlink, into a directory or over the
// command's own input, and no email or HTML carries a private key.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CARD, SENDER } from '../unit/signed-card-fixtures';
import { runCli, type CliRun } from './run-cli';

let dir: string;
let privateKeyPem: string;
const CARD_TEXT = `${JSON.stringify(CARD, null, 2)}\n`;
const SIGNING = ['--sender', SENDER, '--recipients', 'ana@contoso.example'];

function amcard(args: readonly string[]): CliRun {
  return runCli(args, dir);
}

function at(name: string): string {
  return path.join(dir, name);
}

function write(name: string, text: string): string {
  writeFileSync(at(name), text);
  return name;
}

function read(name: string): string {
  return readFileSync(at(name), 'utf8');
}

/** What each command's result looks like. */
const RESULT: Readonly<Record<string, RegExp>> = {
  html: /^<!DOCTYPE html>/, sign: /^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/, eml: /^MIME-Version: 1\.0\r\n/, decode: /^Header:\n[^]*Signature: not checked/,
};

/** Each command with --out, with the arguments that make it write a result. */
const COMMANDS: readonly { name: string; args: () => string[] }[] = [
  { name: 'html', args: () => ['html', 'card.card.json'] },
  { name: 'sign', args: () => ['sign', 'card.card.json', '--key', 'key.pem', ...SIGNING] },
  { name: 'eml', args: () => ['eml', 'card.card.json', '--from', SENDER, '--to', 'ana@contoso.example', '--subject', 'Hi'] },
  { name: 'decode', args: () => ['decode', 'token.jws'] },
];

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-safe-output-'));
  privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  write('key.pem', privateKeyPem);
  write('card.card.json', CARD_TEXT);
  const sign = amcard(['sign', 'card.card.json', '--key', 'key.pem', ...SIGNING]);
  assert.equal(sign.status, 0, sign.stderr);
  write('token.jws', sign.stdout);
  const jwk = amcard(['keygen', '--out', 'key.jwk', '--public-out', 'key.pub.jwk', '--format', 'jwk']);
  assert.equal(jwk.status, 0, jwk.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard --out: consent before overwriting', () => {
  for (const { name, args } of COMMANDS) {
    it(`${name} --out refuses an existing file (exit 2, naming it and --force) and replaces it with --force`, () => {
      write(`${name}.out`, 'keep me');
      const refused = amcard([...args(), '--out', `${name}.out`]);
      assert.equal(refused.status, 2, refused.stderr);
      assert.match(refused.stderr, new RegExp(`${name}\\.out already exists; nothing was written\\. Use --force to replace it\\.`));
      assert.equal(read(`${name}.out`), 'keep me');

      const forced = amcard([...args(), '--out', `${name}.out`, '--force']);
      assert.equal(forced.status, 0, forced.stderr);
      assert.notEqual(read(`${name}.out`), 'keep me');
      assert.match(read(`${name}.out`), RESULT[name]!);
    });

    it(`${name} --out - writes the result to standard output, and no file named "-"`, () => {
      const run = amcard([...args(), '--out', '-']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, RESULT[name]!);
      assert.ok(!existsSync(at('-')), 'no file named "-"');
    });

    it(`${name} --out <directory> is refused, saying it is a directory`, () => {
      mkdirSync(at(`${name}-folder`), { recursive: true });
      const run = amcard([...args(), '--out', `${name}-folder`, '--force']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`^Cannot write ${name}-folder: it is a directory, not a regular file; give the path of a file\.$`, 'm'));
      assert.equal(run.stdout, '');
    });

    it(`${name} --out never writes through a symbolic link, even with --force`, () => {
      write(`${name}-target.txt`, 'target');
      symlinkSync(`${name}-target.txt`, at(`${name}-link.txt`));
      const run = amcard([...args(), '--out', `${name}-link.txt`, '--force']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`${name}-link\\.txt is a symbolic link; amcard never writes through one, even with --force`));
      assert.equal(read(`${name}-target.txt`), 'target');
      assert.ok(lstatSync(at(`${name}-link.txt`)).isSymbolicLink());
    });
  }

  it('sign --out key.pem --force never replaces the private key it signs with', () => {
    const run = amcard(['sign', 'card.card.json', '--key', 'key.pem', ...SIGNING, '--out', 'key.pem', '--force']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /key\.pem is one of this command's inputs \(key\.pem\); amcard never writes its result over an input, even with --force/);
    assert.equal(read('key.pem'), privateKeyPem);
  });

  it('html --out card.card.json --force never replaces its input card, under another name or a hard link either', () => {
    linkSync(at('card.card.json'), at('hard-link.json'));
    for (const out of ['card.card.json', `${dir}/./card.card.json`, 'hard-link.json']) {
      const run = amcard(['html', 'card.card.json', '--out', out, '--force']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /is one of this command's inputs \(card\.card\.json\)/);
    }
    assert.equal(read('card.card.json'), CARD_TEXT);
  });

  it('decode --out onto its own input file is refused, even with --force', () => {
    const token = read('token.jws');
    const run = amcard(['decode', 'token.jws', '--out', 'token.jws', '--force']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /token\.jws is one of this command's inputs/);
    assert.equal(read('token.jws'), token);
  });

  it('leaves no temporary file behind', () => {
    assert.deepEqual(readdirSync(dir).filter((file) => file.endsWith('.tmp')), []);
  });
});

describe('amcard html, eml and sign: no private key in an email', () => {
  const xmlKey = '<RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent><D>AQAB</D></RSAKeyValue>';
  const cases: readonly { what: string; args: string[]; message: RegExp }[] = [
    { what: 'html of a PEM key file', args: ['html', 'key.pem'], message: /amcard html: the card key\.pem holds a PEM private key \("PRIVATE KEY" block\)/ },
    { what: 'eml of a PEM key file', args: ['eml', 'key.pem', '--from', SENDER, '--to', 'ana@contoso.example', '--subject', 'Hi'], message: /amcard eml: the card key\.pem holds a PEM private key/ },
    { what: 'html with an RSAKeyValue private key as body', args: ['html', 'card.card.json', '--body', 'key.xml'], message: /amcard html: the body HTML key\.xml holds an RSAKeyValue private key \(with <D>\)/ },
    { what: 'html of a JWK key file', args: ['html', 'key.jwk'], message: /amcard html: the card key\.jwk holds a JWK private key \(with "d"\)/ },
    { what: 'eml of a JWK key file', args: ['eml', 'key.jwk', '--from', SENDER, '--to', 'ana@contoso.example', '--subject', 'Hi'], message: /amcard eml: the card key\.jwk holds a JWK private key/ },
    { what: 'html with a JWK private key, as an escaped JSON string, in the body', args: ['html', 'card.card.json', '--body', 'key-in-string.html'], message: /amcard html: the body HTML key-in-string\.html holds a JWK private key/ },
    { what: 'sign --html --force of a PEM key file', args: ['sign', 'key.pem', '--key', 'key.pem', ...SIGNING, '--html', '--force'], message: /amcard sign: the card key\.pem holds a PEM private key/ },
  ];
  for (const { what, args, message } of cases) {
    it(`${what} is an error (exit 2) and writes nothing`, () => {
      write('key.xml', xmlKey);
      write('key-in-string.html', `<pre>${JSON.stringify(read('key.jwk'))}</pre>`);
      const run = amcard([...args, '--out', 'leak.out']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
      assert.ok(!existsSync(at('leak.out')));
    });
  }
});

describe('amcard keygen: both files or none', () => {
  it('a --public-out that cannot be written leaves no private key behind', () => {
    const run = amcard(['keygen', '--out', 'lonely.pem', '--public-out', 'missing-folder/lonely.pub.pem']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /Cannot write missing-folder\/lonely\.pub\.pem: its folder does not exist; nothing was written\./);
    assert.ok(!existsSync(at('lonely.pem')));
  });

  it('--public-out - is refused (the public key is printed anyway), and nothing is written', () => {
    const run = amcard(['keygen', '--out', 'dash.pem', '--public-out', '-']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /Cannot write "-": it stands for standard output, and this goes only to a file\. Give a file name \(\.\/- for a file named "-"\)\./);
    assert.ok(!existsSync(at('dash.pem')));
    assert.ok(!existsSync(at('-')));
  });

  it('a symbolic link as --out is refused, even with --force, and its target keeps its text', () => {
    write('keygen-target.txt', 'target');
    symlinkSync('keygen-target.txt', at('keygen-link.pem'));
    const run = amcard(['keygen', '--out', 'keygen-link.pem', '--force']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /keygen-link\.pem is a symbolic link/);
    assert.equal(read('keygen-target.txt'), 'target');
  });
});
