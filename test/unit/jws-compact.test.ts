import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64url, CompactSign, generateKeyPair } from 'jose';
import { decodeCompactJws, type JwsProblem } from '../../server/src/card/jws-compact';

const encodeJson = (value: unknown): string => base64url.encode(JSON.stringify(value));
const HEADER = encodeJson({ alg: 'RS256' });
const PAYLOAD = encodeJson({ sender: 'noreply@contoso.example' });

function problemOf(token: string): JwsProblem {
  const result = decodeCompactJws(token);
  assert.equal(result.ok, false, `expected ${token} to be rejected`);
  return (result as { problem: JwsProblem }).problem;
}

function problemText(token: string): string {
  const problem = problemOf(token);
  return token.slice(problem.offset, problem.offset + problem.length);
}

describe('decodeCompactJws', () => {
  it('decodes a token signed with jose: header, payload, payload JSON text, signature and segment offsets', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const payloadJson = JSON.stringify({ originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', iat: 1717430400, name: 'Zoë' });
    const token = await new CompactSign(new TextEncoder().encode(payloadJson)).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    const result = decodeCompactJws(token);
    assert.ok(result.ok);
    assert.deepEqual(result.jws.header, { alg: 'RS256', typ: 'JWT' });
    assert.deepEqual(result.jws.payload, JSON.parse(payloadJson));
    assert.equal(result.jws.payloadJson, payloadJson);
    assert.equal(result.jws.signature, token.split('.')[2]);
    assert.notEqual(result.jws.signature, '');
    for (const segment of result.jws.segments) assert.equal(token.slice(segment.offset, segment.offset + segment.text.length), segment.text);
    assert.deepEqual(result.jws.segments.map((segment) => segment.name), ['header', 'payload', 'signature']);
  });

  it('accepts an empty signature (unsecured JWS)', () => {
    const result = decodeCompactJws(`${encodeJson({ alg: 'none' })}.${PAYLOAD}.`);
    assert.ok(result.ok);
    assert.equal(result.jws.signature, '');
  });

  it('rejects a token that does not have three segments, naming the count', () => {
    const problem = problemOf(`${HEADER}.${PAYLOAD}`);
    assert.match(problem.message, /three base64url segments .*this has 2/);
    assert.deepEqual([problem.offset, problem.length], [0, HEADER.length + 1 + PAYLOAD.length]);
    assert.match(problemOf('a.b.c.d.e').message, /JWE/);
  });

  it('says so when the token is JSON text instead of a JWS', () => {
    assert.match(problemOf('{"type":"AdaptiveCard","version":"1.0"}').message, /JSON text, not a compact JWS/);
  });

  it('locates a character outside the base64url alphabet, with advice for standard base64', () => {
    const token = `${HEADER}.ab+d.sig`;
    const problem = problemOf(token);
    assert.equal(problem.offset, HEADER.length + 3);
    assert.equal(problemText(token), '+');
    assert.match(problem.message, /'\+' at position 3 of the JWS payload segment is not a base64url character.*use base64url/);
    assert.match(problemOf(`${HEADER}.${PAYLOAD}==.sig`).message, /no = padding/);
    assert.match(problemOf(`${HEADER}.${PAYLOAD}.si g`).message, /U\+0020 at position 3 of the JWS signature segment.*whitespace/);
  });

  it('rejects an empty header or payload segment', () => {
    assert.match(problemOf(`.${PAYLOAD}.sig`).message, /JWS header segment is empty/);
    const problem = problemOf(`${HEADER}..sig`);
    assert.match(problem.message, /JWS payload segment is empty/);
    assert.equal(problem.offset, HEADER.length + 1);
  });

  it('rejects a segment length no base64url text has', () => {
    const token = `${HEADER}.${PAYLOAD}x.sig`;
    assert.equal((PAYLOAD.length + 1) % 4, 1);
    assert.match(problemOf(token).message, /payload segment has \d+ characters, a length no base64url text can have/);
    assert.equal(problemText(token), `${PAYLOAD}x`);
  });

  it('rejects a header or payload that is not UTF-8 JSON object text, marking that segment', () => {
    const notJson = base64url.encode('alg=RS256');
    const token = `${notJson}.${PAYLOAD}.sig`;
    assert.match(problemOf(token).message, /JWS header does not decode to JSON .*"alg=RS256"/);
    assert.equal(problemText(token), notJson);
    assert.match(problemOf(`${HEADER}.${encodeJson([1, 2])}.sig`).message, /JWS payload decodes to an array, but it must be a JSON object/);
    assert.match(problemOf(`${HEADER}.${encodeJson('text')}.sig`).message, /decodes to a string/);
    assert.match(problemOf(`${HEADER}.${base64url.encode(new Uint8Array([0xff, 0xfe, 0x7b]))}.sig`).message, /payload does not decode to UTF-8 text/);
  });
});
