// `amcard keygen` and `amcard key convert` as users run them: dist/cli.js in a child process, in a temporary directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair, readPrivateKey, readPublicKey, writePrivateKey, writePublicKey } from '../../server/src/signing/rsa-keys';
import { runCli, type CliRun } from './run-cli';



let dir: string;

function amcard(args: readonly string[], input?: string): CliRun {
  return runCli(args, dir, input);
}

function at(name: string): string {
  return path.join(dir, name);
}

function read(name: string): string {
  return readFileSync(at(name), 'utf8');
}

function modeOf(name: string): number {
  return statSync(at(name)).mode & 0o777;
}

/** Distinctive pieces of the private parts in every encoding a leak could take: base64url, base64, hex, PEM lines. */
function privateKeyFragments(key: KeyObject): string[] {
  const jwk = key.export({ format: 'jwk' });
  const fragments = [jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].flatMap((part) => {
    const bytes = Buffer.from(part!, 'base64url').subarray(8, 32);
    return [bytes.toString('base64url').slice(0, 24), bytes.toString('base64').slice(0, 24), bytes.toString('hex')];
  });
  const pemLines = writePrivateKey(key, 'pem').split('\n').filter((line) => line.length === 64);
  return [...fragments, ...pemLines.slice(2)];
}

function assertNoPrivateKeyIn(text: string, key: KeyObject): void {
  for (const fragment of privateKeyFragments(key)) assert.ok(!text.includes(fragment), 'private key material in the output');
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-keys-cli-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard keygen', () => {
  it('refuses to run without --out and prints no key, saying why', () => {
    for (const args of [['keygen'], ['keygen', '--out', '-']]) {
      const run = amcard(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /--out <file> is required\. The private key is written only to a file \(mode 0600\) and never printed/);
    }
  });

  it('writes the private key with mode 0600 and prints only the public key, as dashboard XML and SPKI PEM', () => {
    const run = amcard(['keygen', '--out', 'signing.pem', '--public-out', 'signing.pub.pem']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(modeOf('signing.pem'), 0o600);
    assert.equal(modeOf('signing.pub.pem'), 0o644);
    const privateKey = readPrivateKey(read('signing.pem'));
    assert.match(read('signing.pem'), /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 2048);
    const publicKey = createPublicKey(privateKey);
    assert.ok(readPublicKey(read('signing.pub.pem')).equals(publicKey));
    assert.ok(run.stdout.includes(writePublicKey(publicKey, 'xml')));
    assert.ok(run.stdout.includes(writePublicKey(publicKey, 'pem')));
    assert.match(run.stderr, /Wrote the private key \(2048-bit RSA, PKCS#8 PEM\) to signing\.pem with mode 0600/);
    assertNoPrivateKeyIn(run.stdout + run.stderr, privateKey);
  });

  it('the dashboard XML on stdout carries the modulus openssl reports for the written key', () => {
    const run = amcard(['keygen', '--out', 'openssl-check.pem']);
    assert.equal(run.status, 0, run.stderr);
    const modulus = /^Modulus=([0-9A-F]+)$/m.exec(execFileSync('openssl', ['rsa', '-in', at('openssl-check.pem'), '-modulus', '-noout'], { encoding: 'utf8' }))![1]!;
    const printed = /<Modulus>([^<]+)<\/Modulus><Exponent>AQAB<\/Exponent>/.exec(run.stdout)![1]!;
    assert.equal(Buffer.from(printed, 'base64').toString('hex').toUpperCase(), modulus);
  });

  it('--bits and --format xml: a 3072-bit key in the PowerShell RSAKeyValue format', () => {
    const run = amcard(['keygen', '--bits', '3072', '--format', 'xml', '--out', 'ps.xml', '--public-out', 'ps.pub.xml']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(read('ps.xml'), /^<RSAKeyValue><Modulus>.*<D>.*<\/D><\/RSAKeyValue>\n$/);
    assert.match(read('ps.pub.xml'), /^<RSAKeyValue><Modulus>[^<]+<\/Modulus><Exponent>AQAB<\/Exponent><\/RSAKeyValue>\n$/);
    const privateKey = readPrivateKey(read('ps.xml'));
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 3072);
    assert.equal(modeOf('ps.xml'), 0o600);
    assertNoPrivateKeyIn(run.stdout + run.stderr, privateKey);
  });

  it('never overwrites a file without --force, and writes nothing when either file exists', () => {
    writeFileSync(at('existing.pem'), 'keep me');
    const run = amcard(['keygen', '--out', 'existing.pem']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /existing\.pem already exists; nothing was written\. Use --force to replace it/);
    assert.equal(read('existing.pem'), 'keep me');
    const publicExists = amcard(['keygen', '--out', 'fresh.pem', '--public-out', 'existing.pem']);
    assert.equal(publicExists.status, 2);
    assert.equal(existsSync(at('fresh.pem')), false);
  });

  it('--force replaces a world-readable file with a 0600 one', () => {
    writeFileSync(at('loose.pem'), 'old');
    chmodSync(at('loose.pem'), 0o644);
    const run = amcard(['keygen', '--out', 'loose.pem', '--force']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(modeOf('loose.pem'), 0o600);
    readPrivateKey(read('loose.pem'));
  });

  it('refuses bad --bits, --format, extra arguments and the same file twice', () => {
    assert.match(amcard(['keygen', '--out', 'a.pem', '--bits', '1024']).stderr, /--bits must be 2048, 3072, 4096; got "1024"/);
    assert.match(amcard(['keygen', '--out', 'a.pem', '--format', 'der']).stderr, /--format must be one of pem, jwk, xml; got "der"/);
    assert.match(amcard(['keygen', 'a.pem']).stderr, /unexpected argument "a\.pem"; the private key file is given with --out/);
    assert.match(amcard(['keygen', '--out', 'a.pem', '--public-out', './a.pem']).stderr, /name the same file/);
    assert.equal(existsSync(at('a.pem')), false);
  });
});

describe('amcard key convert', () => {
  let privateKey: KeyObject;

  before(async () => {
    privateKey = (await generateKeyPair()).privateKey;
    writeFileSync(at('powershell.xml'), writePrivateKey(privateKey, 'xml'));
    writeFileSync(at('public.pem'), writePublicKey(privateKey, 'pem'));
  });

  it('a PowerShell RSAKeyValue private key to PKCS#8 PEM in a 0600 file', () => {
    const run = amcard(['key', 'convert', 'powershell.xml', '--to', 'pem', '--out', 'converted.pem']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(modeOf('converted.pem'), 0o600);
    assert.ok(readPrivateKey(read('converted.pem')).equals(privateKey));
    assert.equal(run.stdout, '');
    assertNoPrivateKeyIn(run.stderr, privateKey);
  });

  it('does not print a private result unless asked with --out -', () => {
    const refused = amcard(['key', 'convert', 'powershell.xml', '--to', 'jwk']);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /the result is a private key, which is not printed unless you ask for it\. Give --out <file>/);
    assertNoPrivateKeyIn(refused.stderr, privateKey);
    const printed = amcard(['key', 'convert', 'powershell.xml', '--to', 'jwk', '--out', '-']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(readPrivateKey(printed.stdout).equals(privateKey));
  });

  it('--public prints the public key; a public input converts without --public; - reads standard input', () => {
    const xml = amcard(['key', 'convert', 'powershell.xml', '--to', 'xml', '--public']);
    assert.equal(xml.status, 0, xml.stderr);
    assert.equal(xml.stdout, writePublicKey(privateKey, 'xml'));
    const fromPublic = amcard(['key', 'convert', 'public.pem', '--to', 'xml']);
    assert.equal(fromPublic.stdout, writePublicKey(privateKey, 'xml'));
    const fromStdin = amcard(['key', 'convert', '-', '--to', 'pem', '--public'], read('powershell.xml'));
    assert.equal(fromStdin.stdout, writePublicKey(privateKey, 'pem'));
  });

  it('writes a public --out file 0644 and refuses to overwrite it without --force', () => {
    assert.equal(amcard(['key', 'convert', 'public.pem', '--to', 'jwk', '--out', 'public.jwk']).status, 0);
    assert.equal(modeOf('public.jwk'), 0o644);
    const again = amcard(['key', 'convert', 'public.pem', '--to', 'jwk', '--out', 'public.jwk']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /public\.jwk already exists; nothing was written\. Use --force/);
    assert.equal(amcard(['key', 'convert', 'public.pem', '--to', 'jwk', '--out', 'public.jwk', '--force']).status, 0);
  });

  it('bad keys, missing files and bad usage exit 2 naming the problem', () => {
    writeFileSync(at('truncated.pem'), writePrivateKey(privateKey, 'pem').slice(0, 500));
    const truncated = amcard(['key', 'convert', 'truncated.pem', '--to', 'xml', '--public']);
    assert.equal(truncated.status, 2);
    assert.match(truncated.stderr, /^truncated\.pem: the PEM block "BEGIN PRIVATE KEY" on line 1 has no END line/);
    assert.match(amcard(['key', 'convert', 'missing.pem', '--to', 'xml']).stderr, /missing\.pem: cannot read: no such file or directory/);
    assert.match(amcard(['key', 'convert', 'public.pem']).stderr, /--to is required: one of pem, jwk, xml/);
    assert.match(amcard(['key', 'convert', 'public.pem', '--to', 'xml', 'other.pem']).stderr, /give exactly one key file/);
    assert.match(amcard(['key', 'rotate']).stderr, /unknown subcommand "rotate"; the only one is "convert"/);
    assert.equal(amcard(['key', 'rotate']).status, 2);
  });
});
