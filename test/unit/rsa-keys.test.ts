import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompactSign } from 'jose';
import { generateKeyPair, KeyFormatError, readKey, readPrivateKey, readPublicKey, writePrivateKey, writePublicKey } from '../../server/src/signing/rsa-keys';

let dir: string;
let privateKey: KeyObject;
let publicKey: KeyObject;

function openssl(args: readonly string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function file(name: string, text?: string): string {
  const full = path.join(dir, name);
  if (text !== undefined) writeFileSync(full, text);
  return full;
}

function xmlPart(xml: string, name: string): Buffer {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  assert.ok(match, `<${name}> in ${xml.slice(0, 40)}`);
  return Buffer.from(match[1]!, 'base64');
}

/** The refusal's message, after checking it quotes none of the key text it was given. */
function refusal(read: () => unknown, keyText: string): string {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof KeyFormatError, `expected a KeyFormatError, got ${String(caught)}`);
  for (const run of caught.message.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
    assert.ok(!keyText.includes(run), `the message quotes key text: ${run}`);
  }
  return caught.message;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'amcard-keys-'));
  ({ privateKey, publicKey } = await generateKeyPair());
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('generateKeyPair', () => {
  it('makes RSA keys of 2048 bits by default and of the size asked for, with exponent 65537', async () => {
    assert.equal(privateKey.asymmetricKeyType, 'rsa');
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(privateKey.asymmetricKeyDetails?.publicExponent, 65537n);
    assert.ok(createPublicKey(privateKey).equals(publicKey));
    assert.equal((await generateKeyPair(3072)).publicKey.asymmetricKeyDetails?.modulusLength, 3072);
  });

  it('refuses fewer than 2048 bits and sizes that are not whole numbers', async () => {
    await assert.rejects(generateKeyPair(1024), (error: Error) => error instanceof KeyFormatError && /2048 to 16384 bits; 1024 was asked for/.test(error.message));
    await assert.rejects(generateKeyPair(2048.5), KeyFormatError);
  });
});

describe('private key formats round-trip', () => {
  it('PKCS#8 PEM', () => {
    const pem = writePrivateKey(privateKey, 'pem');
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.ok(readPrivateKey(pem).equals(privateKey));
  });

  it('PKCS#1 PEM', () => {
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    assert.match(pem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.ok(readPrivateKey(pem).equals(privateKey));
  });

  it('JWK, and a JWK set holding one key', () => {
    const jwk = writePrivateKey(privateKey, 'jwk');
    assert.deepEqual(Object.keys(JSON.parse(jwk)).sort(), ['d', 'dp', 'dq', 'e', 'kty', 'n', 'p', 'q', 'qi']);
    assert.ok(readPrivateKey(jwk).equals(privateKey));
    assert.ok(readPrivateKey(JSON.stringify({ keys: [JSON.parse(jwk)] })).equals(privateKey));
  });

  it('RSAKeyValue XML in .NET order, with D as long as the Modulus and the CRT parts half as long', () => {
    const xml = writePrivateKey(privateKey, 'xml');
    assert.match(xml, /^<RSAKeyValue><Modulus>[^<]+<\/Modulus><Exponent>AQAB<\/Exponent><P>[^<]+<\/P><Q>[^<]+<\/Q><DP>[^<]+<\/DP><DQ>[^<]+<\/DQ><InverseQ>[^<]+<\/InverseQ><D>[^<]+<\/D><\/RSAKeyValue>\n$/);
    assert.equal(xmlPart(xml, 'Modulus').length, 256);
    assert.equal(xmlPart(xml, 'D').length, 256);
    for (const half of ['P', 'Q', 'DP', 'DQ', 'InverseQ']) assert.equal(xmlPart(xml, half).length, 128, half);
    assert.ok(readPrivateKey(xml).equals(privateKey));
  });

  it('keeps leading zero bytes in XML parts that JWK strips', () => {
    // A test key whose d is 255 bytes and qi 127: .NET's FromXmlString still needs D and InverseQ padded.
    const key = readPrivateKey(readFileSync(path.join(__dirname, '../../../test/fixtures/rsa-2048-short-d-and-qi.pem'), 'utf8'));
    const jwk = key.export({ format: 'jwk' });
    assert.equal(Buffer.from(jwk.d!, 'base64url').length, 255);
    assert.equal(Buffer.from(jwk.qi!, 'base64url').length, 127);
    const xml = writePrivateKey(key, 'xml');
    assert.deepEqual([xmlPart(xml, 'D').length, xmlPart(xml, 'D')[0]], [256, 0]);
    assert.deepEqual([xmlPart(xml, 'InverseQ').length, xmlPart(xml, 'InverseQ')[0]], [128, 0]);
    assert.ok(readPrivateKey(xml).equals(key));
  });
});

describe('public key formats round-trip', () => {
  it('SPKI PEM, PKCS#1 public PEM, JWK, RSAKeyValue XML', () => {
    const spki = writePublicKey(publicKey, 'pem');
    assert.match(spki, /^-----BEGIN PUBLIC KEY-----\n/);
    assert.ok(readPublicKey(spki).equals(publicKey));
    assert.ok(readPublicKey(publicKey.export({ type: 'pkcs1', format: 'pem' }) as string).equals(publicKey));
    const jwk = writePublicKey(publicKey, 'jwk');
    assert.deepEqual(Object.keys(JSON.parse(jwk)).sort(), ['e', 'kty', 'n']);
    assert.ok(readPublicKey(jwk).equals(publicKey));
    const xml = writePublicKey(publicKey, 'xml');
    assert.match(xml, /^<RSAKeyValue><Modulus>[A-Za-z0-9+/=]+<\/Modulus><Exponent>AQAB<\/Exponent><\/RSAKeyValue>\n$/);
    assert.ok(readPublicKey(xml).equals(publicKey));
  });

  it('an X.509 certificate made by openssl req -x509 gives its public key', () => {
    file('cert-key.pem', writePrivateKey(privateKey, 'pem'));
    openssl(['req', '-x509', '-key', 'cert-key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=amcard test']);
    const certificate = readFileSync(file('cert.pem'), 'utf8');
    assert.match(certificate, /^-----BEGIN CERTIFICATE-----/);
    assert.ok(readPublicKey(certificate).equals(publicKey));
    assert.equal(readKey(certificate).type, 'public');
  });

  it('the public half of any private key format, and the public writers accept a private key', () => {
    for (const format of ['pem', 'jwk', 'xml'] as const) {
      assert.ok(readPublicKey(writePrivateKey(privateKey, format)).equals(publicKey), format);
      assert.equal(writePublicKey(privateKey, format), writePublicKey(publicKey, format));
    }
  });
});

describe('RSAKeyValue XML as people paste it', () => {
  it('reads an XML declaration, namespace, comments, any element order and line breaks inside base64', () => {
    const xml = writePrivateKey(privateKey, 'xml');
    const parts = ['D', 'InverseQ', 'Modulus', 'P', 'Q', 'DP', 'DQ', 'Exponent'].map((name) => {
      const base64 = xmlPart(xml, name).toString('base64').replace(/(.{64})/g, '$1\n      ');
      return `  <${name}>\n      ${base64}\n  </${name} >`;
    });
    const pasted = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<!-- made by PowerShell -->\r\n<RSAKeyValue xmlns="http://www.w3.org/2000/09/xmldsig#">\r\n${parts.join('\r\n')}\r\n</RSAKeyValue>\r\n`;
    assert.ok(readPrivateKey(pasted).equals(privateKey));
  });

  it('refuses each malformed shape with its own message naming the element and position', () => {
    const xml = writePrivateKey(privateKey, 'xml');
    const cases: [string, RegExp][] = [
      [xml.replace(/<D>[^<]*<\/D>/, ''), /has private parts <P>, <Q>, <DP>, <DQ>, <InverseQ> but lacks <D>/],
      [writePublicKey(publicKey, 'xml').replace(/<Exponent>[^<]*<\/Exponent>/, ''), /has no <Exponent>/],
      [xml.replace('</RSAKeyValue>', '<Q>AQAB</Q></RSAKeyValue>'), /line 1, column \d+: <Q> appears a second time/],
      [xml.replace('</RSAKeyValue>', '<Seed>AQAB</Seed></RSAKeyValue>'), /unknown element <Seed>; RSAKeyValue holds Modulus, Exponent, P, Q, DP, DQ, InverseQ, D/],
      [xml.replace(/<\/RSAKeyValue>\n$/, ''), /the document ends inside <RSAKeyValue>; the XML is truncated/],
      [xml.slice(0, 300), /<Modulus> is never closed; the XML is truncated/],
      [xml.replace(/<Modulus>([^<]*)<\/Modulus>/, (_, b64: string) => `<Modulus>${Buffer.from(b64, 'base64').toString('base64url')}</Modulus>`), /<Modulus> is not base64|<Modulus> is base64 of the wrong length/],
      [xml.replace('<P>', '<P>A'), /<P> is base64 of the wrong length/],
      [xml.replace('<Exponent>AQAB</Exponent>', '<Exponent></Exponent>'), /<Exponent> is empty/],
      [xml.replace('<Exponent>AQAB</Exponent>', '<Exponent>&#65;QAB</Exponent>'), /<Exponent> contains an XML entity/],
      ['<KeyValue><Modulus>AQAB</Modulus></KeyValue>', /the root element is <KeyValue>; expected <RSAKeyValue>/],
      [`${xml}${xml}`, /more text after <\/RSAKeyValue>; give one key/],
      ['<RSAKeyValue/>', /<RSAKeyValue\/> is empty/],
      [xml.replace('<Exponent>AQAB</Exponent>', '<Exponent><b>AQAB</b></Exponent>'), /expected <\/Exponent> to close <Exponent>/],
    ];
    for (const [text, expected] of cases) assert.match(refusal(() => readPrivateKey(text, 'key.xml'), text), expected);
  });

  it('refuses private parts that do not belong together, naming the part', async () => {
    const xml = writePrivateKey(privateKey, 'xml');
    const other = writePrivateKey((await generateKeyPair()).privateKey, 'xml');
    const swap = (name: string) => xml.replace(new RegExp(`<${name}>[^<]*</${name}>`), new RegExp(`<${name}>[^<]*</${name}>`).exec(other)![0]);
    assert.match(refusal(() => readPrivateKey(swap('P'), 'k.xml'), swap('P')), /do not belong together: P times Q is not the Modulus/);
    assert.match(refusal(() => readPrivateKey(swap('D'), 'k.xml'), swap('D')), /D \(d\) is not the private exponent/);
    assert.match(refusal(() => readPrivateKey(swap('InverseQ'), 'k.xml'), swap('InverseQ')), /InverseQ \(qi\) is not the inverse of Q mod P/);
  });
});

describe('openssl interoperability', () => {
  it('imports keys from openssl genrsa as PKCS#8 and as traditional PKCS#1', () => {
    openssl(['genrsa', '-out', 'pkcs8.pem', '2048']);
    openssl(['genrsa', '-traditional', '-out', 'pkcs1.pem', '2048']);
    const pkcs8 = readFileSync(file('pkcs8.pem'), 'utf8');
    const pkcs1 = readFileSync(file('pkcs1.pem'), 'utf8');
    assert.match(pkcs8, /BEGIN PRIVATE KEY/);
    assert.match(pkcs1, /BEGIN RSA PRIVATE KEY/);
    assert.ok(readPrivateKey(pkcs8).equals(createPrivateKey(pkcs8)));
    assert.ok(readPrivateKey(pkcs1).equals(createPrivateKey(pkcs1)));
  });

  it('the RSAKeyValue XML carries the modulus and exponent openssl reports for the key', () => {
    openssl(['genrsa', '-out', 'modulus.pem', '3072']);
    const key = readPrivateKey(readFileSync(file('modulus.pem'), 'utf8'));
    const xml = writePublicKey(key, 'xml');
    const modulusHex = /^Modulus=([0-9A-F]+)$/m.exec(openssl(['rsa', '-in', 'modulus.pem', '-modulus', '-noout']))![1]!;
    assert.equal(xmlPart(xml, 'Modulus').toString('hex').toUpperCase(), modulusHex);
    const exponent = /publicExponent: (\d+) /.exec(openssl(['pkey', '-in', 'modulus.pem', '-text', '-noout']))![1]!;
    assert.equal(BigInt(`0x${xmlPart(xml, 'Exponent').toString('hex')}`), BigInt(exponent));
  });

  it('a private key written as RSAKeyValue XML, read back, signs a JWS that openssl dgst -verify accepts', async () => {
    const xml = writePrivateKey(privateKey, 'xml');
    const key = readPrivateKey(xml, 'powershell.xml');
    const payload = new TextEncoder().encode(JSON.stringify({ sender: 'noreply@contoso.example', iat: 1717430400 }));
    const token = await new CompactSign(payload).setProtectedHeader({ alg: 'RS256' }).sign(key);
    const [header, body, signature] = token.split('.');
    file('signing-input.txt', `${header}.${body}`);
    writeFileSync(file('sig.bin'), Buffer.from(signature!, 'base64url'));
    file('pub.pem', writePublicKey(readPublicKey(xml), 'pem'));
    assert.match(openssl(['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.bin', 'signing-input.txt']), /Verified OK/);
  });
});

describe('refusals', () => {
  it('a 1024-bit key, in PEM and in XML', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const pem = small.export({ type: 'pkcs8', format: 'pem' }) as string;
    assert.match(refusal(() => readPrivateKey(pem, 'small.pem'), pem), /^small\.pem: this RSA key has 1024 bits; Outlook needs at least 2048/);
    const jwk = small.export({ format: 'jwk' });
    const xml = `<RSAKeyValue><Modulus>${Buffer.from(jwk.n!, 'base64url').toString('base64')}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>`;
    assert.match(refusal(() => readPublicKey(xml), xml), /1024 bits/);
  });

  it('EC and Ed25519 keys in PEM and JWK, and an openssl EC key in its own PEM label', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    assert.match(refusal(() => readPrivateKey(ecPem), ecPem), /this is an EC key; actionable messages are signed with RS256, which needs an RSA key/);
    const ecPublic = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    assert.match(refusal(() => readPublicKey(ecPublic), ecPublic), /an EC key/);
    const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    assert.match(refusal(() => readPrivateKey(sec1), sec1), /this is an EC private key/);
    const ed = generateKeyPairSync('ed25519');
    const edPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    assert.match(refusal(() => readPrivateKey(edPem), edPem), /this is an ed25519 key/);
    const edJwk = JSON.stringify(ed.privateKey.export({ format: 'jwk' }));
    assert.match(refusal(() => readPrivateKey(edJwk), edJwk), /"kty": "OKP"; .*needs an RSA key/);
    assert.throws(() => writePublicKey(ed.publicKey, 'pem'), /ed25519 key/);
  });

  it('garbage, empty text, broken JSON and an incomplete private JWK', () => {
    assert.match(refusal(() => readPrivateKey('hello world', 'k.txt'), ''), /^k\.txt: not a key in a known format/);
    assert.match(refusal(() => readPrivateKey('  \n', 'k.txt'), ''), /the key text is empty/);
    assert.match(refusal(() => readPrivateKey('{"kty": "RSA",', 'k.json'), ''), /not valid JSON, so it is not a JWK/);
    const jwk = privateKey.export({ format: 'jwk' });
    const partial = JSON.stringify({ ...jwk, qi: undefined, dq: undefined });
    assert.match(refusal(() => readPrivateKey(partial), partial), /lacks "dq", "qi"/);
    const badMember = JSON.stringify({ ...jwk, e: 'AQ AB' });
    assert.match(refusal(() => readPrivateKey(badMember), badMember), /"e" is not a base64url string/);
  });

  it('truncated and damaged PEM', () => {
    const pem = writePrivateKey(privateKey, 'pem');
    const noEnd = pem.slice(0, pem.length / 2);
    assert.match(refusal(() => readPrivateKey(noEnd, 'k.pem'), noEnd), /^k\.pem: the PEM block "BEGIN PRIVATE KEY" on line 1 has no END line; the key is truncated/);
    const lines = pem.split('\n');
    const missingLines = [...lines.slice(0, 5), ...lines.slice(-3)].join('\n');
    assert.match(refusal(() => readPrivateKey(missingLines), missingLines), /not valid base64|does not decode to a key/);
    const shortened = [...lines.slice(0, 5), lines[5]!.slice(0, 60), ...lines.slice(-3)].join('\n');
    assert.match(refusal(() => readPrivateKey(shortened), shortened), /"PRIVATE KEY" PEM block does not decode to a key; it is damaged or truncated/);
    const mismatched = pem.replace('-----END PRIVATE KEY-----', '-----END PUBLIC KEY-----');
    assert.match(refusal(() => readPrivateKey(mismatched), mismatched), /"END PUBLIC KEY" closes a block that began as "BEGIN PRIVATE KEY"/);
  });

  it('a public key where a private key is needed, two keys in one file, encrypted keys, writing a public key as private', () => {
    const spki = writePublicKey(publicKey, 'pem');
    assert.match(refusal(() => readPrivateKey(spki, 'pub.pem'), spki), /^pub\.pem: this is a public key; signing needs the private key/);
    const two = writePrivateKey(privateKey, 'pem') + spki;
    assert.match(refusal(() => readPrivateKey(two), two), /found 2 PEM key blocks; give one key per file/);
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
    assert.match(refusal(() => readPrivateKey(encrypted), encrypted), /an encrypted private key \(decrypt it first/);
    assert.throws(() => writePrivateKey(publicKey, 'pem'), /this is a public key/);
  });
});
