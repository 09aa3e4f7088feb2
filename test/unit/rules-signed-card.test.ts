import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompactSign, generateKeyPair } from 'jose';
import type { Finding } from '../../server/src/rules/finding';
import { covered, findings, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** An Action.Http approval card as a provider signs it. */
const APPROVAL_CARD = {
  type: 'AdaptiveCard',
  version: '1.0',
  originator: ORIGINATOR,
  hideOriginalBody: true,
  correlationId: '2f0c7e5a-9a51-4f6e-8f0d-6a3b7c1d9e42',
  body: [
    { type: 'TextBlock', text: 'Expense report 1042', size: 'Large', weight: 'Bolder' },
    { type: 'FactSet', facts: [{ title: 'Submitted by', value: 'Ana Ruiz' }, { title: 'Amount', value: '$412.80' }] },
    { type: 'TextBlock', text: 'Comment' },
    { type: 'Input.Text', id: 'comment', isMultiline: true, placeholder: 'Why "yes" or "no"?' },
  ],
  actions: [
    {
      type: 'Action.Http', title: 'Approve', method: 'POST', url: 'https://expenses.contoso.example/api/1042/approve',
      body: '{"comment": "{{comment.value}}"}', headers: [{ name: 'Content-Type', value: 'application/json' }],
    },
    { type: 'Action.OpenUrl', title: 'View report', url: 'https://expenses.contoso.example/1042' },
  ],
};

function payloadObject(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sender: 'expenses@contoso.example',
    originator: ORIGINATOR,
    iat: 1717430400,
    recipientsSerialized: JSON.stringify(['ana@contoso.example', 'bo@contoso.example']),
    adaptiveCardSerialized: JSON.stringify(APPROVAL_CARD),
    ...changes,
  };
}

const payload = (changes: Record<string, unknown> = {}): string => JSON.stringify(payloadObject(changes), null, 2);
const withCard = (card: unknown): string => payload({ adaptiveCardSerialized: JSON.stringify(card) });

async function signedToken(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
}

function envelope(token: unknown, changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: token, ...changes }, null, 2);
}

function only(text: string, rule: string, settings = {}): Finding {
  const reported = findings(text, settings).filter((f) => f.rule === rule);
  assert.equal(reported.length, 1, `${rule}: ${JSON.stringify(findings(text, settings))}`);
  return reported[0]!;
}

describe('signed-card payload', () => {
  it('reports nothing for a realistic signed payload', () => {
    assert.deepEqual(findings(payload()), []);
  });

  it('lets the originator claim stand in for the card originator (no AM010)', () => {
    assert.deepEqual(ruleIds(withCard({ ...APPROVAL_CARD, originator: undefined })), []);
  });

  it('AM090: lists every missing claim in one finding on the card claim key, not the whole document', () => {
    const text = payload({ sender: undefined, iat: null, recipientsSerialized: '' });
    const finding = only(text, 'AM090');
    assert.equal(covered(text, finding), '"adaptiveCardSerialized"');
    assert.match(finding.message, /lacks the required claims "iat", "sender", "recipientsSerialized"/);
  });

  it('AM090: both card claims, on the second key', () => {
    const text = payload({ messageCardSerialized: JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'S' }) });
    assert.ok(reportedRanges(text, 'AM090').includes('"messageCardSerialized"'));
    assert.match(messages(text, 'AM090')[0]!, /exactly one card/);
  });

  it('AM090: a null card claim counts as missing', () => {
    assert.match(messages(payload({ adaptiveCardSerialized: null }), 'AM090')[0]!, /"adaptiveCardSerialized" \(or "messageCardSerialized"/);
  });

  it('AM091: not a string, not JSON (at the syntax error), or not the matching card type', () => {
    assert.deepEqual(reportedRanges(payload({ adaptiveCardSerialized: APPROVAL_CARD }), 'AM091'), [JSON.stringify(APPROVAL_CARD, null, 2).replace(/\n/g, '\n  ')]);
    assert.match(messages(payload({ adaptiveCardSerialized: APPROVAL_CARD }), 'AM091')[0]!, /JSON\.stringify/);
    assert.deepEqual(reportedRanges(payload({ adaptiveCardSerialized: '{"type": "AdaptiveCard",}' }), 'AM091'), ['}']);
    assert.deepEqual(reportedRanges(payload({ adaptiveCardSerialized: 'not json' }), 'AM091').length, 1);
    const wrongType = payload({ adaptiveCardSerialized: JSON.stringify({ '@type': 'MessageCard', summary: 'S' }) });
    assert.deepEqual(ruleIds(wrongType), ['AM091']);
    assert.match(messages(wrongType, 'AM091')[0]!, /an object with "type": "AdaptiveCard".*without "type": "AdaptiveCard"/);
  });

  it('AM092: sender, iat and recipientsSerialized formats, the 2018 recipients form accepted', () => {
    assert.deepEqual(reportedRanges(payload({ sender: 'expenses' }), 'AM092'), ['"expenses"']);
    const iat = payload({ iat: '2024-06-03T12:00:00Z' });
    assert.deepEqual(reportedRanges(iat, 'AM092'), ['"2024-06-03T12:00:00Z"']);
    assert.match(messages(iat, 'AM092')[0]!, /seconds since 1970.*that is 1717416000/);
    for (const bad of [0, -5, 1.5]) assert.deepEqual(ruleIds(payload({ iat: bad })), ['AM092']);
    assert.deepEqual(reportedRanges(payload({ recipientsSerialized: ['ana@contoso.example'] }), 'AM092').length, 1);
    assert.deepEqual(ruleIds(payload({ recipientsSerialized: '[]' })), ['AM092']);
    assert.deepEqual(ruleIds(payload({ recipientsSerialized: 'ana@contoso.example' })), ['AM092']);
    assert.deepEqual(ruleIds(payload({ recipientsSerialized: JSON.stringify({ recipients: ['ana@contoso.example'] }) })), []);
  });

  it('AM092: a bad recipient is marked inside the serialized list', () => {
    assert.deepEqual(reportedRanges(payload({ recipientsSerialized: JSON.stringify(['ana@contoso.example', 'bo', 7]) }), 'AM092'), [String.raw`\"bo\"`, '7']);
  });

  it('AM012 on a non-GUID originator claim', () => {
    assert.deepEqual(reportedRanges(payload({ originator: 'contoso' }), 'AM012'), ['"contoso"']);
  });

  it('a claim that is present but no string is AM012 alone: it still stands in for the card originator (no AM010)', () => {
    const cardWithout = JSON.stringify({ ...APPROVAL_CARD, originator: undefined });
    for (const originator of [5, { id: ORIGINATOR }, true]) {
      assert.deepEqual(ruleIds(payload({ originator, adaptiveCardSerialized: cardWithout })), ['AM012'], JSON.stringify(originator));
    }
    // A blank claim is missing (AM090), and then the card's own originator is missing too.
    assert.deepEqual(ruleIds(payload({ originator: ' ', adaptiveCardSerialized: cardWithout })), ['AM010', 'AM090']);
  });

  it('AM093: the card originator differs from the claim, marked in the serialized card; case is ignored', () => {
    const other = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
    const text = withCard({ ...APPROVAL_CARD, originator: other });
    assert.deepEqual(reportedRanges(text, 'AM093'), [String.raw`\"${other}\"`]);
    assert.deepEqual(ruleIds(withCard({ ...APPROVAL_CARD, originator: ORIGINATOR.toUpperCase() })), []);
  });

  it('AM094 only with a configured sender, compared case-insensitively', () => {
    assert.deepEqual(ruleIds(payload()), []);
    assert.deepEqual(reportedRanges(payload(), 'AM094', { sender: 'alerts@contoso.example' }), ['"expenses@contoso.example"']);
    assert.deepEqual(ruleIds(payload(), { sender: 'Expenses@Contoso.example' }), []);
  });

  it('validates the inner Adaptive Card with all its rules, mapping ranges through the string escapes', () => {
    const text = withCard({ ...APPROVAL_CARD, hideOriginalBody: 'true' });
    assert.deepEqual(ruleIds(text), ['AM013']);
    assert.deepEqual(reportedRanges(text, 'AM013'), [String.raw`\"true\"`]);
  });

  it('maps a substring finding of an inner rule past escapes of both the card and the payload', () => {
    const card = { ...APPROVAL_CARD, body: [{ type: 'TextBlock', text: 'Say "é" <b>now</b>' }] };
    const text = payload({ adaptiveCardSerialized: JSON.stringify(card).replace('é', '\\u00e9') });
    assert.deepEqual(reportedRanges(text, 'AM074')[0], '<b>');
  });

  it('validates an inner MessageCard in its own mode, the claim standing in for its originator', () => {
    const messageCard = { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Build 42 passed' };
    const text = payload({ adaptiveCardSerialized: undefined, messageCardSerialized: JSON.stringify(messageCard) });
    assert.deepEqual(ruleIds(text), ['AM080']);
    assert.deepEqual(reportedRanges(text, 'AM080'), [String.raw`\"MessageCard\"`]);
  });
});

describe('signed-card envelope', () => {
  it('reports nothing for a JSON-LD envelope around a jose-signed realistic payload', async () => {
    assert.deepEqual(findings(envelope(await signedToken(payloadObject()))), []);
  });

  it('AM095: @context wrong or missing', async () => {
    const token = await signedToken(payloadObject());
    assert.deepEqual(reportedRanges(envelope(token, { '@context': 'https://schema.org' }), 'AM095'), ['"https://schema.org"']);
    assert.match(messages(envelope(token, { '@context': 'https://schema.org' }), 'AM095')[0]!, /"http:\/\/schema\.org\/extensions" \(or https\)/);
    assert.deepEqual(ruleIds(envelope(token, { '@context': 'https://schema.org/extensions' })), []);
    assert.deepEqual(reportedRanges(envelope(token, { '@context': undefined }), 'AM095'), ['"SignedAdaptiveCard"']);
  });

  it('AM095: token missing, under the other envelope kind\'s name, or not a string', async () => {
    const token = await signedToken(payloadObject());
    assert.match(messages(envelope(undefined), 'AM095')[0]!, /needs "signedAdaptiveCard"/);
    const renamed = envelope(undefined, { signedMessageCard: token });
    assert.deepEqual(reportedRanges(renamed, 'AM095'), ['"SignedAdaptiveCard"']);
    assert.match(messages(renamed, 'AM095')[0]!, /has "signedMessageCard"/);
    assert.deepEqual(reportedRanges(envelope(42), 'AM095'), ['42']);
  });

  it('AM095: not a compact JWS, with the offending character marked', async () => {
    const token = await signedToken(payloadObject());
    const [header, body, signature] = token.split('.');
    const text = envelope(`${header}.${body}.${signature!.slice(0, 4)}+${signature!.slice(5)}`);
    assert.deepEqual(reportedRanges(text, 'AM095'), ['+']);
    assert.match(messages(envelope('{"type":"AdaptiveCard","version":"1.0"}'), 'AM095')[0]!, /JSON text, not a compact JWS/);
  });

  it('AM095: the payload lacks the card claim of the envelope type', async () => {
    const messageCard = JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'S' });
    const token = await signedToken(payloadObject({ adaptiveCardSerialized: undefined, messageCardSerialized: messageCard }));
    const text = envelope(token);
    assert.deepEqual(reportedRanges(text, 'AM095'), [JSON.stringify(token)]);
    assert.match(messages(text, 'AM095')[0]!, /no "adaptiveCardSerialized" claim.*"@type": "SignedMessageCard"/);
    assert.deepEqual(ruleIds(envelope(undefined, { '@type': 'SignedMessageCard', signedMessageCard: token })), ['AM080']);
  });

  it('puts findings of the decoded payload and its card on the token, saying where they are', async () => {
    const token = await signedToken(payloadObject({ iat: 'yesterday', adaptiveCardSerialized: JSON.stringify({ ...APPROVAL_CARD, correlationId: 'order-42' }) }));
    const text = envelope(token);
    assert.deepEqual(ruleIds(text), ['AM014', 'AM092']);
    for (const rule of ['AM014', 'AM092']) {
      const finding = only(text, rule);
      assert.equal(covered(text, finding), JSON.stringify(token));
      assert.match(finding.message, /^In the JWS payload: /);
    }
  });
});
