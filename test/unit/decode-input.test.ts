import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDecodeInput, type DecodeInput } from '../../server/src/email/decode-input';
import { emlMessage } from '../../server/src/email/eml';

const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzZW5kZXIiOiJhQGIuZXhhbXBsZSJ9.c2lnbmF0dXJl';
const CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'hi' }] });
const HTML = `<html><head><script type="application/adaptivecard+json">${CARD}</script></head><body><p>hi</p></body></html>`;

function problemOf(input: DecodeInput): string {
  assert.equal(input.kind, 'problem');
  return input.message;
}

describe('readDecodeInput', () => {
  it('takes a compact JWS as it is, without the surrounding whitespace', async () => {
    assert.deepEqual(await readDecodeInput(`\n  ${JWS}\n`), { kind: 'jws', token: JWS });
  });

  it('takes the JWS of a JSON-LD signed-card envelope', async () => {
    assert.deepEqual(await readDecodeInput(JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: JWS })),
      { kind: 'envelope', token: JWS });
  });

  it('takes every card of an HTML email and of a MIME message', async () => {
    const html = await readDecodeInput(HTML);
    assert.equal(html.kind, 'email');
    assert.deepEqual(html.kind === 'email' && html.cards.map((card) => [card.kind, card.text.trim()]), [['script', CARD]]);
    const eml = await readDecodeInput(emlMessage({ from: 'a@contoso.example', to: ['b@contoso.example'], subject: 'Hi', html: HTML }));
    assert.deepEqual(eml.kind === 'email' && eml.cards.map((card) => card.text.trim()), [CARD]);
  });

  it('says what is wrong with empty text, JSON that is no envelope, broken JSON, HTML without a card and a message nested too deep', async () => {
    assert.match(problemOf(await readDecodeInput(' \n')), /^is empty: expected a JWS, a signed-card envelope, an HTML email or an \.eml message\.$/);
    assert.match(problemOf(await readDecodeInput(CARD)), /^holds JSON but no signed-card envelope with a JWS .*amcard lint/);
    assert.match(problemOf(await readDecodeInput('{"@type": "SignedAdaptiveCard",')), /^starts like JSON but does not parse \(/);
    assert.match(problemOf(await readDecodeInput('<p>No card</p>')), /^has no card: no <script type="application\/adaptivecard\+json">/);
    const tooDeep = `From: a@b.example\r\n${'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n'.repeat(40)}`;
    assert.match(problemOf(await readDecodeInput(tooDeep)), /^is a MIME message that cannot be read: Maximum MIME nesting depth of 32 levels exceeded\.$/);
  });

  it('says text that is no JWS at all is not one (a PEM key, prose), and tells a JWS wrapped over lines to lose the line breaks', async () => {
    const notAJws = /^is not a JWS \(header\.payload\.signature: base64url segments separated by dots\): expected a JWS/;
    assert.match(problemOf(await readDecodeInput('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----\n')), notAJws);
    assert.match(problemOf(await readDecodeInput('Hello. This is not a token.')), notAJws);
    assert.match(problemOf(await readDecodeInput(`${JWS.slice(0, 30)}\n${JWS.slice(30)}`)), /^is not a JWS as it stands: it has line breaks or spaces inside/);
  });

  it('takes a damaged JWS as one, for the decoder to say what is wrong with it', async () => {
    for (const token of [`${JWS}.extra`, 'abc.def', JWS.replace('c2ln', 'c+ln')]) assert.deepEqual(await readDecodeInput(token), { kind: 'jws', token });
  });
});
