// The one decode orchestration that the Decode JWS command and `amcard decode` render, on real signed tokens.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { base64url } from 'jose';
import {
  decodeReport, issuedAtOf, verifiedOf, type DecodeReport, type DecodeReportOptions, type DecodeSubject, type ScriptEntry, type SignedEntry
} from '../../server/src/signing/decode-report';
import { CARD, encodeJson, PAYLOAD, SENDER, signWithJose } from './signed-card-fixtures';

let signer: { privateKey: KeyObject; publicKey: KeyObject };
let stranger: { privateKey: KeyObject; publicKey: KeyObject };
let token: string;

before(async () => {
  signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  token = await signWithJose(PAYLOAD, signer.privateKey);
});

type Decoded = Exclude<DecodeReport, { kind: 'problem' }>;

async function decoded(subject: DecodeSubject, options: Partial<DecodeReportOptions> = {}): Promise<Decoded> {
  const report = await decodeReport(subject, { publicKeys: [signer.publicKey], settings: {}, ...options });
  assert.notEqual(report.kind, 'problem', JSON.stringify(report));
  return report as Decoded;
}

function signed(report: Decoded, index = 0): SignedEntry {
  const entry = report.entries[index];
  assert.equal(entry?.kind, 'signed');
  return entry as SignedEntry;
}

function script(report: Decoded, index: number): ScriptEntry {
  const entry = report.entries[index];
  assert.equal(entry?.kind, 'script');
  return entry as ScriptEntry;
}

function codes(problems: readonly { code: string }[]): string[] {
  return problems.map((problem) => problem.code);
}

describe('decodeReport: one JWS', () => {
  it('gives header, claims, iat as a date, a valid verdict and the pretty-printed card', async () => {
    const report = await decoded({ text: `\n${token}\n` }, { settings: { sender: SENDER } });
    assert.equal(report.kind, 'jws');
    assert.equal(report.keyCount, 1);
    assert.equal(report.entries.length, 1);
    const entry = signed(report);
    assert.deepEqual(entry.header, { alg: 'RS256' });
    assert.deepEqual(entry.claims, PAYLOAD);
    assert.deepEqual(entry.issuedAt, { seconds: 1717430400, date: '2024-06-03T16:00:00.000Z' });
    assert.deepEqual(entry.signature, { status: 'valid' });
    assert.deepEqual(entry.card, { kind: 'adaptiveCard', text: JSON.stringify(CARD, null, 2) });
    assert.deepEqual(entry.problems, []);
    assert.deepEqual(entry.findings, []);
  });

  it('is "not checked" without a key, and still runs the rules', async () => {
    const report = await decoded({ text: token }, { publicKeys: [], settings: { sender: 'alerts@contoso.example' } });
    assert.equal(report.keyCount, 0);
    const entry = signed(report);
    assert.deepEqual(entry.signature, { status: 'not-checked' });
    assert.deepEqual(codes(entry.findings), ['AM094'], 'the settings\' sender is the one the "sender" claim must match');
  });

  it('is invalid with the reason when the payload was changed after signing; the rule findings are kept apart', async () => {
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${encodeJson({ ...PAYLOAD, iat: 'yesterday' })}.${signature}`;
    const entry = signed(await decoded({ text: tampered }, { publicKeys: [stranger.publicKey, signer.publicKey] }));
    assert.equal(entry.signature.status, 'invalid');
    assert.match(entry.signature.status === 'invalid' ? entry.signature.reason : '', /^The signature does not verify: .*public key 2 signed different bytes: the header or payload was changed after signing/);
    assert.deepEqual(codes(entry.problems), ['jws-signature', 'AM092'], 'token problems first, as decoded');
    assert.deepEqual(codes(entry.findings), ['AM092']);
    assert.equal(entry.issuedAt, undefined, 'a string iat is no date');
  });

  it('is invalid when another key signed it', async () => {
    const entry = signed(await decoded({ text: await signWithJose(PAYLOAD, stranger.privateKey) }));
    assert.match(entry.signature.status === 'invalid' ? entry.signature.reason : '', /made with another key/);
    assert.deepEqual(entry.findings, []);
  });

  it('refuses alg none even without a key: invalid, no card, the header and claims still shown', async () => {
    const unsigned = `${base64url.encode('{"alg":"none"}')}.${encodeJson(PAYLOAD)}.`;
    const entry = signed(await decoded({ text: unsigned }, { publicKeys: [] }));
    assert.equal(entry.signature.status, 'invalid');
    assert.match(entry.signature.status === 'invalid' ? entry.signature.reason : '', /"alg": "none": the token is unsigned/);
    assert.deepEqual(codes(entry.problems), ['jws-algorithm']);
    assert.deepEqual(entry.findings, []);
    assert.deepEqual(entry.header, { alg: 'none' });
    assert.deepEqual(entry.claims, PAYLOAD);
    assert.equal(entry.card, undefined);
  });

  it('takes a { token } as the JWS itself, even when it starts like JSON', async () => {
    const report = await decoded({ token: ' {"a": 1.5} ' });
    assert.equal(report.kind, 'jws');
    assert.deepEqual(codes(signed(report).problems), ['jws-syntax']);
    assert.deepEqual(signed(report).header, {});
  });

  it('reads the JWS of a JSON-LD signed-card envelope', async () => {
    const envelope = JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: token });
    const report = await decoded({ text: envelope });
    assert.equal(report.kind, 'envelope');
    assert.deepEqual(signed(report).signature, { status: 'valid' });
  });
});

describe('decodeReport: an email with several cards', () => {
  const messageCard = { '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 'Hi', text: 'Hi' };
  const submitCard = { ...CARD, actions: [{ type: 'Action.Submit', title: 'Send' }] };
  const section = (jws: string): string => `<section itemscope itemtype="http://schema.org/SignedAdaptiveCard"><div itemprop="signedAdaptiveCard">${jws}</div></section>`;

  it('gives one entry per card in document order: scripts checked with the settings, each token verified', async () => {
    const html = `<html><head><script type="application/adaptivecard+json">${JSON.stringify(submitCard)}</script>
<script type="application/ld+json">${JSON.stringify(messageCard)}</script></head>
<body>${section(token)}${section(await signWithJose(PAYLOAD, stranger.privateKey))}</body></html>`;
    const report = await decoded({ text: html });
    assert.equal(report.kind, 'email');
    assert.deepEqual(report.entries.map((entry) => entry.kind), ['script', 'script', 'signed', 'signed']);

    const adaptive = script(report, 0);
    assert.equal(adaptive.mediaType, 'application/adaptivecard+json');
    assert.equal(adaptive.text, JSON.stringify(submitCard));
    assert.deepEqual(adaptive.card, { kind: 'adaptiveCard', text: JSON.stringify(submitCard, null, 2) });
    assert.ok(adaptive.findings.some((finding) => finding.code === 'AM030' && finding.severity === 'error'), JSON.stringify(adaptive.findings));
    assert.deepEqual(adaptive.problems, adaptive.findings);
    assert.equal(script(report, 1).mediaType, 'application/ld+json');
    assert.equal(script(report, 1).card?.kind, 'messageCard');

    assert.deepEqual(signed(report, 2).signature, { status: 'valid' });
    assert.equal(signed(report, 3).signature.status, 'invalid');

    const quiet = await decoded({ text: html }, { settings: { severities: { AM030: 'off' } } });
    assert.ok(!script(quiet, 0).findings.some((finding) => finding.code === 'AM030'), 'the script is checked with the settings given');
  });

  it('keeps a script that is no JSON object, with its syntax finding and no card', async () => {
    const report = await decoded({ text: '<script type="application/adaptivecard+json">{"type": "AdaptiveCard",</script>' });
    const entry = script(report, 0);
    assert.equal(entry.card, undefined);
    assert.equal(entry.text, '{"type": "AdaptiveCard",');
    assert.ok(entry.findings.length > 0);
  });
});

describe('decodeReport: input without anything to decode, and the key loader', () => {
  it('is a problem, before any key is loaded', async () => {
    let loads = 0;
    const loader = async (): Promise<KeyObject[]> => {
      loads += 1;
      return [signer.publicKey];
    };
    for (const text of [' \n', '<p>No card</p>', JSON.stringify(CARD)]) {
      const report = await decodeReport({ text }, { publicKeys: loader, settings: {} });
      assert.equal(report.kind, 'problem', text);
    }
    assert.equal(loads, 0);
    assert.deepEqual(signed(await decoded({ text: token }, { publicKeys: loader })).signature, { status: 'valid' });
    assert.equal(loads, 1);
  });

  it('passes a loader\'s error on', async () => {
    await assert.rejects(decodeReport({ text: token }, { publicKeys: () => Promise.reject(new Error('no key file')), settings: {} }), /no key file/);
  });
});

describe('issuedAtOf: the one guard for iat as a date', () => {
  it('gives the instant of any number a Date can hold: 0, negative, fractional, the last and first instants', () => {
    assert.deepEqual(issuedAtOf(0), { seconds: 0, date: '1970-01-01T00:00:00.000Z' });
    assert.deepEqual(issuedAtOf(-1), { seconds: -1, date: '1969-12-31T23:59:59.000Z' });
    assert.deepEqual(issuedAtOf(1.5), { seconds: 1.5, date: '1970-01-01T00:00:01.500Z' });
    assert.deepEqual(issuedAtOf(8.64e12), { seconds: 8.64e12, date: '+275760-09-13T00:00:00.000Z' });
    assert.deepEqual(issuedAtOf(-8.64e12), { seconds: -8.64e12, date: '-271821-04-20T00:00:00.000Z' });
  });

  it('keeps a finite number beyond the range of a Date, without a date', () => {
    assert.deepEqual(issuedAtOf(8.64e12 + 1), { seconds: 8.64e12 + 1, date: undefined });
    assert.deepEqual(issuedAtOf(-8.64e12 - 1), { seconds: -8.64e12 - 1, date: undefined });
    assert.deepEqual(issuedAtOf(1e20), { seconds: 1e20, date: undefined });
  });

  it('is undefined for NaN, infinities and anything but a number', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1717430400', null, undefined, true, [1717430400]]) {
      assert.equal(issuedAtOf(value), undefined, String(value));
    }
  });

  it('is what a decoded token carries, for a huge iat too', async () => {
    const huge = signed(await decoded({ text: await signWithJose({ ...PAYLOAD, iat: 1e20 }, signer.privateKey) }));
    assert.deepEqual(huge.issuedAt, { seconds: 1e20, date: undefined });
    const last = signed(await decoded({ text: await signWithJose({ ...PAYLOAD, iat: 8.64e12 }, signer.privateKey) }));
    assert.deepEqual(last.issuedAt, { seconds: 8.64e12, date: '+275760-09-13T00:00:00.000Z' });
  });
});

describe('verifiedOf: the verdict as true, false or null', () => {
  it('maps valid, invalid and not checked', () => {
    assert.equal(verifiedOf({ status: 'valid' }), true);
    assert.equal(verifiedOf({ status: 'invalid', reason: 'changed' }), false);
    assert.equal(verifiedOf({ status: 'not-checked' }), null);
  });
});
