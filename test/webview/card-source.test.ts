// What the preview renders for a document, without a browser: plain cards, signed payloads and envelopes, templates
// with data, and every way a document can fail to give a card.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCardSource, type CardSource } from '../../webview/src/card-source';
import { parseJsonText } from '../../server/src/card';
import { describeDiagnostics, describeSource } from '../../webview/src/labels';
import { unrenderedActionsNote, usesUniversalActions, versionNote } from '../../webview/src/outlook-version';

const inner = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Inner' }] };
const claims = {
  sender: 'noreply@contoso.example', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', iat: 1717430400,
  recipientsSerialized: '["ana@contoso.example"]',
};
const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const envelope = (token: string, type = 'SignedAdaptiveCard') =>
  JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': type, [type === 'SignedAdaptiveCard' ? 'signedAdaptiveCard' : 'signedMessageCard']: token });
const jws = (payload: unknown) => `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}.c2ln`;

function problemOf(source: CardSource): string {
  assert.equal(source.kind, 'problem', JSON.stringify(source));
  return (source as Extract<CardSource, { kind: 'problem' }>).message;
}

describe('readCardSource', () => {
  it('gives a plain card with its version', () => {
    const source = readCardSource(JSON.stringify(inner));
    assert.deepEqual(source, { kind: 'card', card: inner, description: { origin: 'card', version: '1.0' } });
  });

  it('tolerates comments and trailing commas but reports a syntax error with line and column', () => {
    assert.equal(readCardSource('/* c */ {"type": "AdaptiveCard", "version": "1.4", "body": [],}').kind, 'card');
    assert.deepEqual(readCardSource('{\n  "type": "AdaptiveCard"\n  "version": "1.0"\n}'),
      { kind: 'syntax', message: 'Syntax error: a comma is expected between values.', position: { line: 3, column: 3 } });
    assert.deepEqual(readCardSource('   '), { kind: 'syntax', message: 'The file is empty.', position: { line: 1, column: 1 } });
  });

  it('refuses text nested deeper than the parser limit without overflowing the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const source = readCardSource(deep);
    assert.equal(source.kind, 'syntax');
    assert.match((source as Extract<CardSource, { kind: 'syntax' }>).message, /Nesting deeper than 1000 levels/);
  });

  it('refuses nesting past the limit behind a comment holding a quote, at the bracket that goes too deep', () => {
    assert.deepEqual(readCardSource('[//"\n' + '['.repeat(20_000)),
      { kind: 'syntax', message: 'Nesting deeper than 1000 levels.', position: { line: 2, column: 1000 } });
  });

  it('reports documents that are not Adaptive Cards', () => {
    assert.equal(problemOf(readCardSource('[]')), 'The document is an array; a card is a JSON object.');
    assert.equal(problemOf(readCardSource('"card"')), 'The document is a string; a card is a JSON object.');
    assert.match(problemOf(readCardSource('{"@type": "MessageCard", "summary": "x"}')), /legacy MessageCard.*renders only Adaptive Cards/);
    assert.equal(problemOf(readCardSource('{"type": "Container"}')), 'The document has "type": "Container"; an Adaptive Card has "type": "AdaptiveCard".');
    assert.equal(problemOf(readCardSource('{"body": []}')), 'The document has no "type": "AdaptiveCard".');
  });

  it('unwraps a signed-card payload', () => {
    const source = readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: JSON.stringify(inner) }));
    assert.deepEqual(source, { kind: 'card', card: inner, description: { origin: 'signed payload', version: '1.0' } });
  });

  it('reports a signed payload whose card claim is missing, not JSON or not a card', () => {
    assert.match(problemOf(readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: '{"type": "AdaptiveCard",' }))), /^adaptiveCardSerialized is not JSON: /);
    assert.equal(problemOf(readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: 42 }))), 'adaptiveCardSerialized is a number; it must be the card as a JSON string.');
    assert.equal(problemOf(readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: '[1]' }))), 'adaptiveCardSerialized holds an array, not a card object.');
    assert.equal(problemOf(readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: '{"type": "Container"}' }))),
      'The signed card has "type": "Container"; an Adaptive Card has "type": "AdaptiveCard".');
    assert.match(problemOf(readCardSource(JSON.stringify({ ...claims, messageCardSerialized: '{}' }))), /legacy MessageCard/);
    assert.match(problemOf(readCardSource(JSON.stringify({ ...claims, adaptiveCardSerialized: '['.repeat(2000) }))), /nests deeper than 1000 levels/);
  });

  it('shows the card of a Universal Actions invoke response, and says why when its value is no card', () => {
    const response = (value: unknown) => JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value });
    assert.deepEqual(readCardSource(response(inner)), { kind: 'card', card: inner, description: { origin: 'invoke response', version: '1.0' } });
    assert.equal(problemOf(readCardSource(response('Done'))), 'The invoke response\'s "value" is a string; it must be the card.');
    assert.equal(problemOf(readCardSource(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' }))),
      'The invoke response\'s "value" is missing; it must be the card.');
    assert.equal(problemOf(readCardSource(response({ type: 'Container' }))),
      'The invoke response\'s value has "type": "Container"; an Adaptive Card has "type": "AdaptiveCard".');
    assert.equal(describeSource({ origin: 'invoke response' }), 'Card of a Universal Actions invoke response (value)');
  });

  it('decodes the JWS of a signed-card envelope', () => {
    const source = readCardSource(envelope(jws({ ...claims, adaptiveCardSerialized: JSON.stringify(inner) })));
    assert.deepEqual(source, { kind: 'card', card: inner, description: { origin: 'signed envelope', version: '1.0' } });
  });

  it('reports an envelope without a token, with a token that does not decode, or of a MessageCard', () => {
    assert.equal(problemOf(readCardSource(JSON.stringify({ '@type': 'SignedAdaptiveCard' }))), 'The SignedAdaptiveCard envelope has no signedAdaptiveCard string holding the JWS.');
    assert.match(problemOf(readCardSource(envelope('abc.def'))), /^The envelope's signedAdaptiveCard cannot be decoded: A compact JWS has three base64url segments/);
    assert.match(problemOf(readCardSource(envelope(jws({ ...claims, messageCardSerialized: '{}' }), 'SignedMessageCard'))), /legacy MessageCard/);
  });

  it('expands a template with its data file and says which', () => {
    const template = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi ${name}, ${count(items)} items' }] });
    const source = readCardSource(template, { fileName: 'hi.data.json', text: '{"name": "Ana", "items": [1, 2, 3]}' });
    assert.deepEqual(source, {
      kind: 'card',
      card: { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi Ana, 3 items' }] },
      description: { origin: 'card', dataFileName: 'hi.data.json', version: '1.0' },
    });
  });

  it('keeps ${…} in data values as text: data is not evaluated', () => {
    const template = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: '${note}' }] });
    const source = readCardSource(template, { fileName: 'x.data.json', text: JSON.stringify({ note: '${string(1+1)} {{comment.value}}' }) });
    assert.equal(source.kind, 'card');
    assert.deepEqual((source as Extract<CardSource, { kind: 'card' }>).card['body'], [{ type: 'TextBlock', text: '${string(1+1)} {{comment.value}}' }]);
  });

  it('a data file that does not parse is a syntax error of that file, at its place (the pane keeps its last render)', () => {
    const source = readCardSource(JSON.stringify(inner), { fileName: 'expense.data.json', text: '{\n  "a": tru\n}' });
    assert.deepEqual(source, {
      kind: 'syntax', fileName: 'expense.data.json', position: { line: 2, column: 8 },
      message: 'The data file does not parse: Syntax error: unexpected symbol (JSON has strings in double quotes, numbers, true, false, null, objects and arrays).',
    });
  });
});

describe('versionNote', () => {
  it('says nothing for 1.0 to 1.4', () => {
    for (const version of ['1.0', '1.2', '1.4']) assert.equal(versionNote(version), undefined, version);
  });

  it('explains a version newer than 1.4, a missing one and an unreadable one', () => {
    assert.match(versionNote('1.5')!, /^Outlook renders Adaptive Cards up to 1\.4: this 1\.5 card is shown as far as 1\.4 goes/);
    assert.match(versionNote('2.0')!, /this 2\.0 card/);
    assert.match(versionNote(undefined)!, /has no version/);
    assert.match(versionNote(1.4)!, /version 1\.4 is not a version string/);
    assert.match(versionNote('latest')!, /version "latest" is not a version string/);
  });
});

describe('action models', () => {
  it('gives 1.4 and later (and cards shown as 1.4) the Universal Action Model, earlier versions Action.Http', () => {
    for (const version of ['1.4', '1.5', '2.0', undefined, 'x']) assert.equal(usesUniversalActions(version), true, String(version));
    for (const version of ['1.0', '1.3', '0.9']) assert.equal(usesUniversalActions(version), false, version);
  });

  it('counts the actions of the other model, which Outlook leaves out', () => {
    const http = { type: 'Action.Http', method: 'GET', url: 'https://a.example/' };
    const execute = { type: 'Action.Execute', verb: 'v' };
    assert.equal(unrenderedActionsNote({ version: '1.4', actions: [execute] }), undefined);
    assert.equal(unrenderedActionsNote({ version: '1.4', actions: [http], body: [{ type: 'ActionSet', actions: [http] }] }),
      'Outlook does not render Action.Http in a 1.4 card: 2 actions are left out (AM020). Use Action.Execute, or version 1.0.');
    assert.equal(unrenderedActionsNote({ version: '1.0', actions: [{ type: 'Action.ShowCard', card: { actions: [execute] } }] }),
      'Outlook renders Action.Execute only in 1.4 cards: 1 action is left out (AM021). Use Action.Http, or version 1.4.');
  });
});

describe('parseJsonText', () => {
  it('gives the position of the first error in UTF-16 columns, one-based', () => {
    assert.deepEqual(parseJsonText('{"é😀": 1 2}'), { ok: false, message: 'Syntax error: a comma is expected between values.', position: { line: 1, column: 11 } });
    assert.deepEqual(parseJsonText('{\r\n"a": }'), { ok: false, message: 'Syntax error: a value is expected.', position: { line: 2, column: 6 } });
  });
});

describe('header labels', () => {
  it('counts diagnostics', () => {
    assert.equal(describeDiagnostics({ errors: 0, warnings: 0, infos: 0 }), 'No problems');
    assert.equal(describeDiagnostics({ errors: 2, warnings: 1, infos: 0 }), '2 errors, 1 warning');
    assert.equal(describeDiagnostics({ errors: 1, warnings: 0, infos: 3 }), '1 error, 3 info');
  });

  it('describes where the card comes from', () => {
    assert.equal(describeSource({ origin: 'card' }), 'Card');
    assert.equal(describeSource({ origin: 'card', dataFileName: 'a.data.json' }), 'Card, template expanded with a.data.json');
    assert.match(describeSource({ origin: 'signed envelope' }), /signed-card envelope \(JWS decoded, signature not checked\)/);
  });
});
