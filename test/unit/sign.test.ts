// Signing cards: the payload claims, every refusal, and RS256 signatures that an independent implementation (the
// openssl command line) and jose accept.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { base64url, compactVerify, decodeProtectedHeader } from 'jose';
import { buildSignedCardPayload, signCard, signPayload, SigningInputError, type SignedCardInput } from '../../server/src/signing/sign';
import { findings } from './helpers';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const OTHER_ORIGINATOR = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
const SENDER = 'expenses@contoso.example';
const RECIPIENTS = ['ana@contoso.example', 'bo@contoso.example'];
const IAT = 1717430400;
const EXAMPLES = path.join(__dirname, '../../../examples');

const ADAPTIVE_CARD = {
  type: 'AdaptiveCard',
  version: '1.0',
  originator: ORIGINATOR,
  body: [{ type: 'TextBlock', text: 'Expense report 1042: "approve" it' }],
  actions: [{ type: 'Action.OpenUrl', title: 'View', url: 'https://expenses.contoso.example/1042' }],
};
const MESSAGE_CARD = {
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  originator: ORIGINATOR,
  summary: 'Expense report',
  text: 'Expense report 1042',
};

function input(changes: Partial<SignedCardInput> = {}): SignedCardInput {
  return { cardText: JSON.stringify(ADAPTIVE_CARD, null, 2), sender: SENDER, recipients: RECIPIENTS, iat: IAT, ...changes };
}

function cardWithOriginator(originator: unknown): string {
  const { originator: _omitted, ...rest } = ADAPTIVE_CARD;
  return JSON.stringify(originator === undefined ? rest : { ...rest, originator }, null, 2);
}

function refusal(changes: Partial<SignedCardInput>): string {
  try {
    buildSignedCardPayload(input(changes));
  } catch (error) {
    assert.ok(error instanceof SigningInputError, `expected a SigningInputError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the input was accepted');
}

function payloadJsonOf(jws: string): string {
  return new TextDecoder().decode(base64url.decode(jws.split('.')[1]!));
}

describe('buildSignedCardPayload', () => {
  it('carries exactly the claims of [OL-SEC]: minified card, stringified recipients, sender, originator, iat', () => {
    assert.deepEqual(buildSignedCardPayload(input()), {
      originator: ORIGINATOR,
      iat: IAT,
      sender: SENDER,
      recipientsSerialized: '["ana@contoso.example","bo@contoso.example"]',
      adaptiveCardSerialized: JSON.stringify(ADAPTIVE_CARD),
    });
  });

  it('minifies by dropping whitespace between tokens only: numbers, escapes and spaces in strings stay as written', () => {
    const cardText = '{\r\n\t"type" : "AdaptiveCard",\n  "version": "1.0", "originator": "' + ORIGINATOR + '",\n'
      + '  "minHeight" : 1.0e2,\n  "body": [ { "type": "TextBlock", "text": "a  b \\u00e9 \\"q\\" \\n" } ]\n}\n';
    const payload = buildSignedCardPayload(input({ cardText }));
    assert.equal(payload.adaptiveCardSerialized,
      `{"type":"AdaptiveCard","version":"1.0","originator":"${ORIGINATOR}","minHeight":1.0e2,"body":[{"type":"TextBlock","text":"a  b \\u00e9 \\"q\\" \\n"}]}`);
  });

  it('accepts a card with a byte order mark and leaves the mark out of the claim', () => {
    const payload = buildSignedCardPayload(input({ cardText: `\uFEFF${JSON.stringify(ADAPTIVE_CARD)}` }));
    assert.equal(payload.adaptiveCardSerialized, JSON.stringify(ADAPTIVE_CARD));
  });

  it('puts a MessageCard into messageCardSerialized and nothing into adaptiveCardSerialized', () => {
    const payload = buildSignedCardPayload(input({ cardText: JSON.stringify(MESSAGE_CARD, null, 4) }));
    assert.equal(payload.messageCardSerialized, JSON.stringify(MESSAGE_CARD));
    assert.equal('adaptiveCardSerialized' in payload, false);
  });

  it('takes iat as now in whole seconds when none is given', () => {
    const before = Math.floor(Date.now() / 1000);
    const { iat } = buildSignedCardPayload(input({ iat: undefined }));
    const after = Math.floor(Date.now() / 1000);
    assert.ok(Number.isInteger(iat) && iat >= before && iat <= after, `iat ${iat} not in [${before}, ${after}]`);
  });

  it('trims the addresses and keeps the recipients in the order given', () => {
    const payload = buildSignedCardPayload(input({ sender: ' expenses@contoso.example ', recipients: [' bo@contoso.example', 'ana@contoso.example '] }));
    assert.equal(payload.sender, SENDER);
    assert.equal(payload.recipientsSerialized, '["bo@contoso.example","ana@contoso.example"]');
  });

  describe('originator', () => {
    it('comes from the card when only the card has one', () => {
      assert.equal(buildSignedCardPayload(input()).originator, ORIGINATOR);
    });

    it('comes from the input when the card has none, and the card is left without one', () => {
      const payload = buildSignedCardPayload(input({ cardText: cardWithOriginator(undefined), originator: ORIGINATOR }));
      assert.equal(payload.originator, ORIGINATOR);
      assert.equal(JSON.parse(payload.adaptiveCardSerialized!).originator, undefined);
    });

    it('treats a card originator of null or whitespace as absent', () => {
      for (const value of [null, '  ']) {
        assert.equal(buildSignedCardPayload(input({ cardText: cardWithOriginator(value), originator: ORIGINATOR })).originator, ORIGINATOR);
      }
    });

    it('accepts card and input that differ only in case, and uses the card\'s spelling', () => {
      const payload = buildSignedCardPayload(input({ originator: ` ${ORIGINATOR.toUpperCase()} ` }));
      assert.equal(payload.originator, ORIGINATOR);
    });

    it('refuses a card and an input that name different providers', () => {
      const message = refusal({ originator: OTHER_ORIGINATOR });
      assert.match(message, new RegExp(`card's "originator" ${ORIGINATOR} differs from the originator given for signing, ${OTHER_ORIGINATOR}`));
    });

    it('refuses when neither the card nor the input has one', () => {
      assert.match(refusal({ cardText: cardWithOriginator(undefined) }), /^No originator: the card has no "originator" and none was given/);
    });

    it('refuses a card originator that is not a GUID, or not a string', () => {
      assert.match(refusal({ cardText: cardWithOriginator('{' + ORIGINATOR + '}') }), /card's "originator" "\{8f14e45f.*\}" is not a GUID/);
      assert.match(refusal({ cardText: cardWithOriginator(42) }), /card's "originator" must be a string .*, not the number 42\./);
    });

    it('refuses a given originator that is not a GUID', () => {
      assert.match(refusal({ cardText: cardWithOriginator(undefined), originator: 'contoso' }), /originator "contoso" is not a GUID/);
    });
  });

  describe('refusals name the problem', () => {
    it('invalid JSON, with line and column', () => {
      assert.match(refusal({ cardText: '{\n  "type": "AdaptiveCard",\n}' }), /^The card is not valid JSON at line 3, column 1: /);
    });

    it('JSON that is no card', () => {
      assert.match(refusal({ cardText: '{"type": "Container"}' }), /Only an Adaptive Card \("type": "AdaptiveCard"\) or a MessageCard .* can be signed/);
      assert.match(refusal({ cardText: '[1]' }), /Only an Adaptive Card/);
    });

    it('a signed-card payload or envelope instead of a card', () => {
      const payloadText = JSON.stringify(buildSignedCardPayload(input()));
      assert.match(refusal({ cardText: payloadText }), /already a signed card \(a JWS payload\)/);
      const envelope = JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: 'a.b.c' });
      assert.match(refusal({ cardText: envelope }), /already a signed card \(a signed-card envelope\)/);
    });

    it('a missing or malformed sender', () => {
      assert.match(refusal({ sender: ' ' }), /^No sender: /);
      assert.match(refusal({ sender: 'expenses at contoso' }), /sender "expenses at contoso" is not an email address/);
    });

    it('no recipients, an empty one, or one that is no address, by position', () => {
      assert.match(refusal({ recipients: [] }), /^No recipients: .*every To and Cc address/);
      assert.match(refusal({ recipients: ['ana@contoso.example', ''] }), /^Recipient 2 is empty/);
      assert.match(refusal({ recipients: ['ana@contoso.example', 'bo@contoso.example', 'carl'] }), /^Recipient 3, "carl", is not an email address/);
    });

    it('an iat that is not a positive whole number of seconds', () => {
      for (const iat of [0, -5, 1.5, Number.NaN, Date.now() * 1e6]) {
        assert.match(refusal({ iat }), /"iat" must be a positive whole number of seconds since 1970/, String(iat));
      }
    });
  });
});

describe('signPayload and signCard', () => {
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  let dir: string;

  before(() => {
    ({ privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
    dir = mkdtempSync(path.join(tmpdir(), 'amcard-sign-'));
    writeFileSync(path.join(dir, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  /** openssl's verdict on the JWS signature over header.payload, with the public key of `publicKeyPem` (or the test key). */
  function opensslVerifies(jws: string, publicKeyFile = path.join(dir, 'pub.pem')): boolean {
    const [header, payload, signature] = jws.split('.');
    writeFileSync(path.join(dir, 'signing-input.txt'), `${header}.${payload}`);
    writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(signature!, 'base64url'));
    const result = spawnSync('openssl', ['dgst', '-sha256', '-verify', publicKeyFile, '-signature', path.join(dir, 'sig.bin'), path.join(dir, 'signing-input.txt')], { encoding: 'utf8' });
    assert.ok(result.status === 0 || /Verification failure/i.test(result.stdout + result.stderr), `openssl failed: ${result.stderr}`);
    return result.status === 0 && /Verified OK/.test(result.stdout);
  }

  it('signs RS256 with the header {"alg":"RS256","typ":"JWT"} and the payload JSON as signed', async () => {
    const payload = buildSignedCardPayload(input());
    const jws = await signPayload(payload, privateKey);
    assert.deepEqual(decodeProtectedHeader(jws), { alg: 'RS256', typ: 'JWT' });
    assert.equal(payloadJsonOf(jws), JSON.stringify(payload));
    const verified = await compactVerify(jws, publicKey, { algorithms: ['RS256'] });
    assert.deepEqual(JSON.parse(new TextDecoder().decode(verified.payload)), payload);
  });

  it('makes signatures that openssl dgst -sha256 -verify accepts over header.payload', async () => {
    const jws = await signPayload(buildSignedCardPayload(input()), privateKey);
    assert.equal(opensslVerifies(jws), true);
  });

  it('openssl rejects the signature once the payload is changed, and with another key', async () => {
    const payload = buildSignedCardPayload(input());
    const [header, , signature] = (await signPayload(payload, privateKey)).split('.');
    const forged = base64url.encode(JSON.stringify({ ...payload, sender: 'mallory@contoso.example' }));
    assert.equal(opensslVerifies(`${header}.${forged}.${signature}`), false);

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    writeFileSync(path.join(dir, 'other.pem'), other.export({ type: 'spki', format: 'pem' }));
    assert.equal(opensslVerifies(await signPayload(payload, privateKey), path.join(dir, 'other.pem')), false);
  });

  it('signs with a key that openssl generated', async () => {
    const keyFile = path.join(dir, 'openssl-key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile], { stdio: 'ignore' });
    execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-out', path.join(dir, 'openssl-pub.pem')], { stdio: 'ignore' });
    const jws = await signPayload(buildSignedCardPayload(input()), createPrivateKey(readFileSync(keyFile)));
    assert.equal(opensslVerifies(jws, path.join(dir, 'openssl-pub.pem')), true);
  });

  it('refuses a public key, a non-RSA key, an RSA-PSS key and an RSA key under 2048 bits', async () => {
    const payload = buildSignedCardPayload(input());
    const cases: [KeyObject, RegExp][] = [
      [publicKey, /needs a private key; this is a public key/],
      [generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, /needs an RSA key; this is a ec key/],
      [generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey, /needs an RSA key; this is a rsa-pss key/],
      [generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, /The RSA key has 1024 bits; signing needs at least 2048/],
    ];
    for (const [key, message] of cases) {
      await assert.rejects(signPayload(payload, key), (error: unknown) => error instanceof SigningInputError && message.test(error.message));
      await assert.rejects(signCard(input(), key), (error: unknown) => error instanceof SigningInputError && message.test(error.message));
    }
  });

  it('signCard returns the payload and its JWS; the decoded payload passes the signed-card rules with no finding', async () => {
    const { payload, jws } = await signCard(input(), privateKey);
    assert.deepEqual(payload, buildSignedCardPayload(input()));
    assert.deepEqual(findings(payloadJsonOf(jws), { sender: SENDER, originator: ORIGINATOR }), []);
  });

  it('signCard of a MessageCard passes the signed-card rules too', async () => {
    const { jws } = await signCard(input({ cardText: JSON.stringify(MESSAGE_CARD) }), privateKey);
    const payloadJson = payloadJsonOf(jws);
    assert.ok(JSON.parse(payloadJson).messageCardSerialized);
    // AM080 is the warning every legacy MessageCard gets, signed or not.
    assert.deepEqual(findings(payloadJson).map((finding) => finding.rule), ['AM080']);
  });

  for (const name of readdirSync(EXAMPLES).filter((file) => file.endsWith('.card.json')).sort()) {
    it(`signCard of examples/${name} gives a payload with no finding`, async () => {
      const { jws } = await signCard(input({ cardText: readFileSync(path.join(EXAMPLES, name), 'utf8'), originator: undefined }), privateKey);
      assert.deepEqual(findings(payloadJsonOf(jws)).map((f) => `${f.rule}: ${f.message}`), []);
      assert.equal(opensslVerifies(jws), true);
    });
  }
});
