// docs/rules.md § "Document kinds", response cards: a Universal Actions invoke response anywhere, or any card kind in a
// response-card file, is checked in its own mode without AM010/AM011, and an invoke response's findings point into
// the card of its `value`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adaptiveCardOf, detectDocumentKind, isResponseCard } from '../../server/src/card/document-kind';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { quickFixes } from '../../server/src/language/code-actions';
import { validateText } from '../../server/src/rules/validate';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

const root = (value: unknown) => parseJsonDocument(JSON.stringify(value)).root;

function invokeResponse(card: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ statusCode: 200, type: CARD_TYPE, value: card, ...extra }, null, 2);
}

function ids(text: string, inResponseFile = false): string[] {
  return [...new Set(validateText(text, {}, { inResponseFile }).findings.map((finding) => finding.rule))].sort();
}

/** A 1.0 card without originator, as a refresh or update card is written. */
const UPDATE_CARD = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Approved', wrap: true }] };
/** A 1.4 Universal Actions card without originator: AM011 when it is delivered. */
const UAM_CARD = {
  type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Approved' }],
  actions: [{ type: 'Action.Execute', title: 'Undo', verb: 'undo' }],
};

describe('document kind: invoke response', () => {
  it('is an invoke response with statusCode and the card type, whatever its value', () => {
    assert.equal(detectDocumentKind(root({ statusCode: 200, type: CARD_TYPE, value: UPDATE_CARD })), 'invokeResponse');
    assert.equal(detectDocumentKind(root({ statusCode: 400, type: CARD_TYPE, value: 'no card' })), 'invokeResponse');
  });

  it('is no document kind without statusCode, with another response type, or as a non-object', () => {
    assert.equal(detectDocumentKind(root({ type: CARD_TYPE, value: UPDATE_CARD })), undefined);
    assert.equal(detectDocumentKind(root({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' })), undefined);
    assert.equal(detectDocumentKind(root([{ statusCode: 200, type: CARD_TYPE }])), undefined);
  });

  it('gives the earlier rows precedence (first match wins)', () => {
    assert.equal(detectDocumentKind(root({ ...UPDATE_CARD, statusCode: 200 })), 'adaptiveCard');
    assert.equal(detectDocumentKind(root({ statusCode: 200, type: CARD_TYPE, adaptiveCardSerialized: '{}' })), 'signedPayload');
  });

  it('carries its Adaptive Card in value; a value of another kind is no card', () => {
    const response = root({ statusCode: 200, type: CARD_TYPE, value: UPDATE_CARD });
    assert.equal(adaptiveCardOf(response)?.parent?.children?.[0]?.value, 'value');
    assert.equal(adaptiveCardOf(root({ statusCode: 200, type: CARD_TYPE, value: { '@type': 'MessageCard' } })), undefined);
    const card = root(UPDATE_CARD);
    assert.equal(adaptiveCardOf(card), card);
    assert.equal(adaptiveCardOf(root({ '@type': 'MessageCard' })), undefined);
  });

  it('is a response card anywhere; another kind is one only in a response-card file', () => {
    assert.equal(isResponseCard(root({ statusCode: 200, type: CARD_TYPE, value: UPDATE_CARD }), false), true);
    assert.equal(isResponseCard(root(UPDATE_CARD), false), false);
    assert.equal(isResponseCard(root(UPDATE_CARD), true), true);
    assert.equal(isResponseCard(root({ '@type': 'MessageCard', text: 'x' }), true), true);
    assert.equal(isResponseCard(root({ name: 'not a card' }), true), false);
  });
});

describe('response cards are checked without AM010 and AM011', () => {
  it('an invoke response without originator gets neither AM010 (1.0) nor AM011 (1.4)', () => {
    assert.deepEqual(ids(invokeResponse(UPDATE_CARD)), []);
    assert.deepEqual(ids(invokeResponse(UAM_CARD)), []);
  });

  it('the same cards delivered as cards get AM010 and AM011', () => {
    assert.deepEqual(ids(JSON.stringify(UPDATE_CARD)), ['AM010']);
    assert.deepEqual(ids(JSON.stringify(UAM_CARD)), ['AM011']);
  });

  it('a card, a UAM card and a MessageCard in a response-card file get no AM010/AM011, the other rules still run', () => {
    assert.deepEqual(ids(JSON.stringify(UPDATE_CARD), true), []);
    assert.deepEqual(ids(JSON.stringify(UAM_CARD), true), []);
    const messageCard = JSON.stringify({ '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 'Done', text: 'Approved' });
    assert.deepEqual(ids(messageCard), ['AM010', 'AM080']);
    assert.deepEqual(ids(messageCard, true), ['AM080']);
    const withSubmit = { ...UPDATE_CARD, actions: [{ type: 'Action.Submit', title: 'OK' }] };
    assert.deepEqual(ids(JSON.stringify(withSubmit), true), ['AM030']);
  });

  it('a signed payload in a response-card file: its card gets no AM010/AM011 either (they report inside the claim string)', () => {
    const signed = (card: unknown): string => JSON.stringify({
      sender: 'noreply@contoso.example', iat: 1717430400, recipientsSerialized: '["ana@contoso.example"]', adaptiveCardSerialized: JSON.stringify(card),
    });
    assert.deepEqual(ids(signed(UPDATE_CARD)), ['AM010', 'AM090']);
    assert.deepEqual(ids(signed(UPDATE_CARD), true), ['AM090']);
    assert.deepEqual(ids(signed(UAM_CARD)), ['AM011', 'AM090']);
    assert.deepEqual(ids(signed(UAM_CARD), true), ['AM090']);
    // Only the exempt rules: an inner Action.Submit is still AM030, inside the string.
    assert.deepEqual(ids(signed({ ...UPDATE_CARD, actions: [{ type: 'Action.Submit', title: 'OK' }] }), true), ['AM030', 'AM090']);
  });

  it('a bad originator is still AM012 in a response card', () => {
    assert.deepEqual(ids(invokeResponse({ ...UPDATE_CARD, originator: 'my-provider' })), ['AM012']);
  });
});

describe('an invoke response is checked as the card in its value', () => {
  it('points rule findings into the value card', () => {
    const text = invokeResponse({ ...UPDATE_CARD, actions: [{ type: 'Action.Submit', title: 'OK' }] });
    const findings = validateText(text, {}).findings;
    assert.deepEqual(findings.map((finding) => finding.rule), ['AM030']);
    const [finding] = findings;
    assert.equal(text.slice(finding!.offset, finding!.offset + finding!.length), '"Action.Submit"');
    assert.ok(finding!.offset > text.indexOf('"value"'));
  });

  it('reads version and root properties off the value card (AM020 for Action.Http in 1.4, AM002 without version)', () => {
    const http = { type: 'Action.Http', title: 'Go', method: 'GET', url: 'https://api.contoso.example/x' };
    assert.deepEqual(ids(invokeResponse({ ...UAM_CARD, actions: [http] })), ['AM020']);
    assert.deepEqual(ids(invokeResponse({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] })), ['AM002']);
  });

  it('reports schema problems of the value card where they are', () => {
    const text = invokeResponse({ ...UPDATE_CARD, body: [{ type: 'TextBlock', text: 'x', wrap: 'yes' }] });
    const schema = validateText(text, {}).findings.filter((finding) => finding.rule === 'schema');
    assert.equal(schema.length, 1);
    assert.equal(text.slice(schema[0]!.offset, schema[0]!.offset + schema[0]!.length), '"yes"');
  });

  it('reports AM001 on a value that is no Adaptive Card', () => {
    const text = invokeResponse({ '@type': 'MessageCard', text: 'x' });
    const findings = validateText(text, {}).findings;
    assert.deepEqual(findings.map((finding) => finding.rule), ['AM001']);
    assert.equal(text.slice(findings[0]!.offset, findings[0]!.offset + findings[0]!.length), JSON.stringify({ '@type': 'MessageCard', text: 'x' }, null, 2).replace(/\n/g, '\n  '));
    assert.deepEqual(ids(JSON.stringify({ statusCode: 200, type: CARD_TYPE })), ['AM001']);
  });

  it('offers quick fixes that edit the value card (setting the version of a card without one)', () => {
    const text = invokeResponse({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] });
    const finding = validateText(text, {}).findings.find((f) => f.rule === 'AM002')!;
    const fix = quickFixes(parseJsonDocument(text), finding, {}).find((f) => f.title === 'Set the card "version" to "1.0"');
    assert.ok(fix, 'no version fix');
    let fixed = text;
    for (const edit of [...fix.edits].sort((a, b) => b.offset - a.offset)) fixed = fixed.slice(0, edit.offset) + edit.newText + fixed.slice(edit.offset + edit.length);
    const parsed = JSON.parse(fixed) as { version?: string; value: { version?: string } };
    assert.equal(parsed.value.version, '1.0');
    assert.equal(parsed.version, undefined);
    assert.deepEqual(ids(fixed), []);
  });
});
