// Degenerate RSA public keys (exponent below 3, even exponent, even modulus) as users would meet them: amcard
// refuses them at import, and the exponent-1 forgery, which such a key would call valid, is never reported valid.
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exponentOneForgery, PAYLOAD, rsaPublicKeyWith } from '../unit/signed-card-fixtures';
import { runCli, type CliRun } from './run-cli';

let dir: string;
let realModulus: string;

function amcard(args: readonly string[]): CliRun {
  return runCli(args, dir);
}

/** A public key with the real key's modulus (or `modulus`) and the exponent `exponent`. */
function publicKeyWith(exponent: bigint, modulus = realModulus): KeyObject {
  return rsaPublicKeyWith(modulus, exponent);
}

function writeKey(name: string, key: KeyObject): string {
  writeFileSync(path.join(dir, name), key.export({ type: 'spki', format: 'pem' }));
  return name;
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-degenerate-keys-'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  realModulus = publicKey.export({ format: 'jwk' }).n!;
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('amcard: degenerate RSA public keys', () => {
  it('decode --key refuses the exponent-1 key built from a real modulus, which would accept a signature forged without any private key', () => {
    const key = publicKeyWith(1n);
    const { token, signingInput, signature: forged } = exponentOneForgery(PAYLOAD, realModulus);
    // The forgery is real: OpenSSL itself verifies it with this key. Only the key check stands between it and "valid".
    assert.ok(verify('sha256', Buffer.from(signingInput), key, forged), 'OpenSSL no longer accepts e = 1 keys; the forgery needs another form');
    const run = amcard(['decode', token, '--key', writeKey('e1.pem', key)]);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /valid/);
    assert.match(run.stderr, /e1\.pem: this RSA key is refused: its public exponent is 1, below 3: anyone can forge a signature/);
  });

  const cases: readonly { name: string; key: () => KeyObject; reason: RegExp }[] = [
    { name: 'exponent 1', key: () => publicKeyWith(1n), reason: /its public exponent is 1, below 3/ },
    { name: 'exponent 2', key: () => publicKeyWith(2n), reason: /its public exponent is 2, below 3/ },
    { name: 'even exponent 65536', key: () => publicKeyWith(65536n), reason: /its public exponent 65536 is even/ },
    {
      name: 'even modulus',
      key: () => {
        const bytes = Buffer.from(realModulus, 'base64url');
        bytes[bytes.length - 1]! &= 0xfe;
        return publicKeyWith(65537n, bytes.toString('base64url'));
      },
      reason: /its modulus is even/,
    },
  ];
  for (const { name, key, reason } of cases) {
    it(`key convert and decode --key refuse a key with ${name}, saying why (exit 2)`, () => {
      const file = writeKey(`${name.replace(/ /g, '-')}.pem`, key());
      for (const args of [['key', 'convert', file, '--to', 'jwk'], ['decode', 'a.b.c', '--key', file]]) {
        const run = amcard(args);
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, new RegExp(`${file.replace(/\./g, '\\.')}: this RSA key is refused: ${reason.source}`));
        assert.equal(run.stdout, '');
      }
    });
  }
});
