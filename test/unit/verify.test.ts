import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sign as rsaSign, createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { base64url } from 'jose';
import { decodeSignedCard, MAX_TOKEN_LENGTH, type DecodedSignedCard } from '../../server/src/signing/verify';
import { CARD, encodeJson, exponentOneForgery, ORIGINATOR, PAYLOAD, rsaPublicKeyWith, SENDER, signWithJose } from './signed-card-fixtures';

let signer: { privateKey: KeyObject; publicKey: KeyObject };
let stranger: { privateKey: KeyObject; publicKey: KeyObject };

function sign(payload: unknown = PAYLOAD, privateKey = signer.privateKey, header?: Record<string, unknown>): Promise<string> {
  return signWithJose(payload, privateKey, header);
}

/** Signs with node:crypto directly, for headers jose refuses to produce. */
function signRaw(header: Record<string, unknown>, payload: unknown = PAYLOAD): string {
  const signingInput = `${encodeJson(header)}.${encodeJson(payload)}`;
  return `${signingInput}.${base64url.encode(rsaSign('sha256', Buffer.from(signingInput), signer.privateKey))}`;
}

function decode(token: string, publicKeys: readonly KeyObject[] = [signer.publicKey], sender?: string): Promise<DecodedSignedCard> {
  return decodeSignedCard(token, sender === undefined ? { publicKeys } : { publicKeys, sender });
}

function codes(result: DecodedSignedCard): string[] {
  return result.problems.map((problem) => problem.code);
}

/** The single problem of a rejected token, after checking the rejection is complete. */
function onlyProblem(result: DecodedSignedCard, code: string): string {
  assert.equal(result.verified, false);
  assert.equal(result.cardText, undefined);
  assert.deepEqual(codes(result), [code], JSON.stringify(result.problems));
  return result.problems[0]!.message;
}

before(() => {
  signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
});

describe('decodeSignedCard: a good token', () => {
  it('verifies with the signer\'s public key and returns header, claims and the pretty-printed card', async () => {
    const result = await decode(await sign(), [signer.publicKey], SENDER);
    assert.equal(result.verified, true);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.header, { alg: 'RS256' });
    assert.deepEqual(result.payload, PAYLOAD);
    assert.equal(result.cardKind, 'adaptiveCard');
    assert.equal(result.cardText, JSON.stringify(CARD, null, 2));
  });

  it('is "not checked" (null) without keys, and verifies with the second of several keys', async () => {
    const token = await sign();
    const unchecked = await decode(token, []);
    assert.equal(unchecked.verified, null);
    assert.deepEqual(unchecked.problems, []);
    assert.equal((await decode(token, [stranger.publicKey, signer.publicKey])).verified, true);
  });

  it('accepts surrounding whitespace, as pasted from a mail or a file', async () => {
    assert.equal((await decode(`\n  ${await sign()}\r\n`)).verified, true);
  });

  it('returns a MessageCard from messageCardSerialized', async () => {
    const messageCard = { '@type': 'MessageCard', '@context': 'http://schema.org/extensions', originator: ORIGINATOR, summary: 'Hi', text: 'Hi' };
    const { adaptiveCardSerialized: _omitted, ...claims } = PAYLOAD;
    const result = await decode(await sign({ ...claims, messageCardSerialized: JSON.stringify(messageCard) }));
    assert.equal(result.verified, true);
    assert.equal(result.cardKind, 'messageCard');
    assert.deepEqual(JSON.parse(result.cardText!), messageCard);
  });

  it('verifies a token whose signature openssl made (openssl dgst -sha256 -sign)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'amcard-verify-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const keyFile = path.join(dir, 'private.pem');
    writeFileSync(keyFile, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const signingInput = `${encodeJson({ alg: 'RS256', typ: 'JWT' })}.${encodeJson(PAYLOAD)}`;
    writeFileSync(path.join(dir, 'input.txt'), signingInput);
    execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile, '-out', 'signature.bin', 'input.txt'], { cwd: dir, stdio: 'pipe' });
    const signature = base64url.encode(readFileSync(path.join(dir, 'signature.bin')));
    return decode(`${signingInput}.${signature}`).then((result) => {
      assert.equal(result.verified, true, JSON.stringify(result.problems));
      assert.deepEqual(result.problems, []);
    });
  });
});

describe('decodeSignedCard: the attack suite', () => {
  it('alg none (with or without a signature) is refused as unsigned', async () => {
    for (const token of [`${encodeJson({ alg: 'none' })}.${encodeJson(PAYLOAD)}.`, `${encodeJson({ alg: 'None' })}.${encodeJson(PAYLOAD)}.c2ln`]) {
      assert.match(onlyProblem(await decode(token), 'jws-algorithm'), /"alg": "[nN]one": the token is unsigned.*Only RS256/);
    }
  });

  it('HS256 signed with the public key as the HMAC secret (key confusion) is refused, never verified', async () => {
    const secret = signer.publicKey.export({ type: 'spki', format: 'pem' });
    const signingInput = `${encodeJson({ alg: 'HS256' })}.${encodeJson(PAYLOAD)}`;
    const forged = `${signingInput}.${base64url.encode(createHmac('sha256', secret).update(signingInput).digest())}`;
    const message = onlyProblem(await decode(forged), 'jws-algorithm');
    assert.match(message, /"HS256", an HMAC with a shared secret.*public key used as one.*Only RS256/);
  });

  it('a degenerate public key given directly (exponent 1 of a real modulus) is refused at verify: its forgery is never valid', async () => {
    const modulus = signer.publicKey.export({ format: 'jwk' }).n!;
    const { token } = exponentOneForgery(PAYLOAD, modulus);
    const result = await decode(token, [rsaPublicKeyWith(modulus, 1n)]);
    assert.equal(result.verified, false);
    assert.match(result.problems.map((problem) => problem.message).join('\n'), /the configured public key is refused: its public exponent is 1, below 3: anyone can forge a signature/);
  });

  it('any other algorithm is refused, naming it', async () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es256 = await sign(PAYLOAD, ecKey.privateKey, { alg: 'ES256' });
    assert.match(onlyProblem(await decode(es256), 'jws-algorithm'), /"alg": "ES256"; signed cards must use RS256/);
    const ps256 = await sign(PAYLOAD, signer.privateKey, { alg: 'PS256' });
    assert.match(onlyProblem(await decode(ps256), 'jws-algorithm'), /"alg": "PS256"/);
    assert.match(onlyProblem(await decode(`${encodeJson({ typ: 'JWT' })}.${encodeJson(PAYLOAD)}.c2ln`), 'jws-algorithm'), /has no "alg"/);
    assert.match(onlyProblem(await decode(`${encodeJson({ alg: 256 })}.${encodeJson(PAYLOAD)}.c2ln`), 'jws-algorithm'), /must be the string "RS256", not 256/);
  });

  it('critical header extensions and b64:false are refused, even when correctly signed', async () => {
    const critical = signRaw({ alg: 'RS256', crit: ['exp'], exp: 1 });
    assert.match(onlyProblem(await decode(critical), 'jws-header'), /"crit": \["exp"\].*RFC 7515 § 4\.1\.11/);
    const unencoded = signRaw({ alg: 'RS256', b64: false });
    assert.match(onlyProblem(await decode(unencoded), 'jws-header'), /"b64": false.*RFC 7797/);
  });

  it('extra and missing segments are refused with the count', async () => {
    const token = await sign();
    assert.match(onlyProblem(await decode(`${token}.extra`), 'jws-syntax'), /three base64url segments.*this has 4/);
    assert.match(onlyProblem(await decode(token.split('.').slice(0, 2).join('.')), 'jws-syntax'), /this has 2/);
    assert.match(onlyProblem(await decode('a.b.c.d.e'), 'jws-syntax'), /JWE/);
  });

  it('characters outside base64url are refused, naming the character and segment', async () => {
    const [header, payload, signature] = (await sign()).split('.');
    assert.match(onlyProblem(await decode(`${header}.${payload}.${signature!.slice(0, 10)}+${signature!.slice(11)}`), 'jws-syntax'), /'\+' at position 11 of the JWS signature segment/);
    assert.match(onlyProblem(await decode(`${header}.${payload!.slice(0, 5)} ${payload!.slice(5)}.${signature}`), 'jws-syntax'), /U\+0020 at position 6 of the JWS payload segment/);
  });

  it('an empty or truncated signature is refused as syntax', async () => {
    const [header, payload, signature] = (await sign()).split('.');
    assert.match(onlyProblem(await decode(`${header}.${payload}.`), 'jws-syntax'), /signature segment is empty/);
    assert.match(onlyProblem(await decode(`${header}.${payload}.${signature!.slice(0, 5)}`), 'jws-syntax'), /signature segment \(5 characters\) is not valid base64url/);
  });

  it('duplicate member names in the header or payload are refused, naming them, even when correctly signed', async () => {
    const payloadJson = JSON.stringify(PAYLOAD).replace('{', '{"sender":"attacker@evil.example",');
    const signingInput = `${encodeJson({ alg: 'RS256' })}.${base64url.encode(payloadJson)}`;
    const twoSenders = `${signingInput}.${base64url.encode(rsaSign('sha256', Buffer.from(signingInput), signer.privateKey))}`;
    assert.match(onlyProblem(await decode(twoSenders), 'jws-duplicate-name'), /The JWS payload has the member name "sender" more than once.*RFC 7515 § 5\.2/);
    const headerInput = `${base64url.encode('{"alg":"RS256","kid":"a","kid":"b"}')}.${encodeJson(PAYLOAD)}`;
    const twoKids = `${headerInput}.${base64url.encode(rsaSign('sha256', Buffer.from(headerInput), signer.privateKey))}`;
    assert.match(onlyProblem(await decode(twoKids), 'jws-duplicate-name'), /The JWS header has the member name "kid" more than once/);
    const nested = await sign({ ...PAYLOAD, extra: [{ a: 1 }, { a: 2 }] });
    assert.equal((await decode(nested)).verified, true, 'the same name in sibling objects is no duplicate');
  });

  it('an oversized token is refused before decoding, with its size and the limit', async () => {
    const huge = await sign({ ...PAYLOAD, padding: 'x'.repeat(MAX_TOKEN_LENGTH) });
    const message = onlyProblem(await decode(huge), 'jws-size');
    assert.match(message, /payload 3\d\d\.\d KiB.*over the limit of 256\.0 KiB/);
    assert.deepEqual((await decode(huge)).payload, {}, 'nothing is decoded');
  });

  it('a payload changed after signing is invalid, and says so', async () => {
    const [header, , signature] = (await sign()).split('.');
    const tampered = `${header}.${encodeJson({ ...PAYLOAD, sender: 'attacker@evil.example' })}.${signature}`;
    const result = await decode(tampered);
    assert.equal(result.verified, false);
    assert.equal(result.problems[0]!.code, 'jws-signature');
    assert.match(result.problems[0]!.message, /signed different bytes: the header or payload was changed after signing/);
    assert.equal(result.payload['sender'], 'attacker@evil.example', 'the decoded claims are still shown');
  });

  it('a signature made with another key is invalid, and says so', async () => {
    const result = await decode(await sign(PAYLOAD, stranger.privateKey));
    assert.equal(result.verified, false);
    assert.deepEqual(codes(result), ['jws-signature']);
    assert.match(result.problems[0]!.message, /made with another key than the private key matching the configured public key/);
    const withTwoKeys = await decode(await sign(PAYLOAD, stranger.privateKey), [signer.publicKey, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey]);
    assert.match(withTwoKeys.problems[0]!.message, /public key 1 .*; .*public key 2/);
  });

  it('a sender claim that differs from the configured From address is AM094', async () => {
    const result = await decode(await sign(), [signer.publicKey], 'alerts@contoso.example');
    assert.equal(result.verified, true);
    assert.deepEqual(codes(result), ['AM094']);
    assert.equal(result.problems[0]!.severity, 'error');
    assert.match(result.problems[0]!.message, /"noreply@contoso\.example" is not the configured From address "alerts@contoso\.example"/);
  });

  it('runs the signed-card rules and the inner card rules on the payload (AM090, AM092, AM093, AM091)', async () => {
    const { sender: _sender, ...withoutSender } = PAYLOAD;
    assert.deepEqual(codes(await decode(await sign(withoutSender))), ['AM090']);
    assert.deepEqual(codes(await decode(await sign({ ...PAYLOAD, iat: '2024-06-03T12:00:00Z' }))), ['AM092']);
    const otherOriginator = { ...PAYLOAD, adaptiveCardSerialized: JSON.stringify({ ...CARD, originator: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f' }) };
    const mismatch = await decode(await sign(otherOriginator));
    assert.deepEqual(codes(mismatch), ['AM093']);
    assert.equal(mismatch.problems[0]!.severity, 'warning');
    const notJson = await decode(await sign({ ...PAYLOAD, adaptiveCardSerialized: 'not json' }));
    assert.deepEqual(codes(notJson), ['AM091']);
    assert.equal(notJson.cardText, undefined);
    const submit = { ...CARD, actions: [{ type: 'Action.Submit', title: 'Send' }] };
    assert.ok(codes(await decode(await sign({ ...PAYLOAD, adaptiveCardSerialized: JSON.stringify(submit) }))).includes('AM030'), 'inner card rules run');
  });

  it('a payload without a card claim is AM090, and a card signed directly is told apart', async () => {
    assert.match((await decode(await sign({ sender: SENDER }))).problems[0]!.message, /no "adaptiveCardSerialized".*carries no card\.$/);
    assert.match((await decode(await sign(CARD))).problems[0]!.message, /The payload is a card itself/);
  });

  it('a non-RSA configured key is reported, not thrown', async () => {
    const result = await decode(await sign(), [generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey]);
    assert.equal(result.verified, false);
    assert.deepEqual(codes(result), ['jws-key']);
    assert.match(result.problems[0]!.message, /is not an RSA key \(ec\)/);
  });

  it('reports a payload nested deeper than the rules analyse, without overflowing the stack', async () => {
    for (const depth of [2_000, 60_000]) {
      const deep = `{"adaptiveCardSerialized":"{}","a":${'['.repeat(depth)}${']'.repeat(depth)},"b":${'{"b":'.repeat(depth / 5)}1${'}'.repeat(depth / 5)}}`;
      const token = `${encodeJson({ alg: 'RS256' })}.${base64url.encode(deep)}.c2ln`;
      const result = await decode(token);
      assert.equal(result.verified, false);
      assert.ok(result.problems.some((problem) => problem.code === 'syntax' && /Nesting deeper than 1000 levels/.test(problem.message)), JSON.stringify(result.problems));
    }
  });

  it('never throws on junk', async () => {
    const junk = ['', '.', '..', '...', 'e30.e30.e30', 'bnVsbA.bnVsbA.', '{"alg":"RS256"}', '\u2028', 'a'.repeat(MAX_TOKEN_LENGTH + 1), `${encodeJson([])}.${encodeJson(PAYLOAD)}.c2ln`];
    for (const token of junk) {
      const result = await decode(token);
      assert.equal(result.verified, false, token.slice(0, 30));
      assert.ok(result.problems.length > 0 && result.problems.every((problem) => problem.message.length > 20), token.slice(0, 30));
    }
  });
});
