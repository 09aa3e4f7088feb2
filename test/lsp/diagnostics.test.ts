// The language server over stdio: which documents it checks, what it publishes, and how it behaves while typing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, textIn, uriOf, type Diagnostic } from './lsp-client';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const RULES_DOC = pathToFileURL(path.join(ROOT, 'docs', 'rules.md')).href;

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

/** A 1.0 card without originator (AM010) whose only action is an Action.Submit (AM030). */
const submitCard = pretty({
  type: 'AdaptiveCard', version: '1.0',
  body: [{ type: 'TextBlock', text: 'Hi' }],
  actions: [{ type: 'Action.Submit', title: 'Send' }],
});
const goodCard = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }] });

describe('lsp: diagnostics', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('publishes each finding with rule id, exact range, severity, source and a link to the rule docs', async () => {
    const diagnostics = await client.openAndWait(uriOf('publish.card.json'), submitCard);
    assert.deepEqual(codes(diagnostics), ['AM010', 'AM030']);
    const am010 = diagnostics.find((d) => d.code === 'AM010')!;
    const am030 = diagnostics.find((d) => d.code === 'AM030')!;
    assert.equal(textIn(submitCard, am010.range), '"AdaptiveCard"');
    assert.deepEqual(am010.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 24 } });
    assert.equal(textIn(submitCard, am030.range), '"Action.Submit"');
    assert.equal(am010.severity, 2);
    assert.equal(am030.severity, 1);
    for (const d of diagnostics) {
      assert.equal(d.source, 'actionable-messages');
      assert.ok(d.message.length > 0);
    }
    assert.equal(am010.codeDescription?.href, `${RULES_DOC}#am010`);
    assert.equal(am030.codeDescription?.href, `${RULES_DOC}#am030`);
  });

  it('clears the diagnostics when an edit fixes the card', async () => {
    const uri = uriOf('fixed.card.json');
    assert.deepEqual(codes(await client.openAndWait(uri, submitCard)), ['AM010', 'AM030']);
    assert.deepEqual(await client.changeAndWait(uri, goodCard), []);
  });

  it('reports exactly `syntax` for malformed JSON it has never seen parse, with a lower-case docs anchor', async () => {
    const text = '{"type": "AdaptiveCard", "version": "1.0",}';
    const diagnostics = await client.openAndWait(uriOf('broken.card.json'), text);
    assert.deepEqual([...new Set(codes(diagnostics))], ['syntax']);
    assert.equal(diagnostics[0].codeDescription?.href, `${RULES_DOC}#syntax`);
    assert.equal(diagnostics[0].severity, 1);
  });

  it('while the text has a syntax error, keeps the last rule diagnostics, moved through the edit', async () => {
    const uri = uriOf('typing.card.json');
    await client.openAndWait(uri, submitCard);
    // An unfinished edit between the two findings: AM010 stays put, AM030 moves with the text.
    const typing = submitCard.replace('"text": "Hi"', '"text": "Hi", "wrap"');
    const diagnostics = await client.changeAndWait(uri, typing);
    assert.deepEqual(codes(diagnostics), ['AM010', 'AM030', 'syntax']);
    assert.equal(textIn(typing, diagnostics.find((d) => d.code === 'AM010')!.range), '"AdaptiveCard"');
    assert.equal(textIn(typing, diagnostics.find((d) => d.code === 'AM030')!.range), '"Action.Submit"');
    // Finishing the edit validates for real again.
    const finished = submitCard.replace('"text": "Hi"', '"text": "Hi", "wrap": true');
    assert.deepEqual(codes(await client.changeAndWait(uri, finished)), ['AM010', 'AM030']);
  });

  it('keeps the diagnostics through a second edit elsewhere while the text still has a syntax error', async () => {
    const uri = uriOf('typing-twice.card.json');
    await client.openAndWait(uri, submitCard);
    // The first edit breaks the JSON before both findings; the second renames the button, after AM030's "type".
    const broken = submitCard.replace('"version": "1.0",', '"version": "1.0"');
    assert.deepEqual(codes(await client.changeAndWait(uri, broken)), ['AM010', 'AM030', 'syntax']);
    const renamed = broken.replace('"title": "Send"', '"title": "Send it"');
    const diagnostics = await client.changeAndWait(uri, renamed);
    assert.deepEqual(codes(diagnostics), ['AM010', 'AM030', 'syntax']);
    assert.equal(textIn(renamed, diagnostics.find((d) => d.code === 'AM030')!.range), '"Action.Submit"');
  });

  it('drops a kept diagnostic whose text the unfinished edit touches', async () => {
    const uri = uriOf('typing-inside.card.json');
    await client.openAndWait(uri, submitCard);
    const typing = submitCard.replace('"Action.Submit"', '"Action.Sub');
    const diagnostics = await client.changeAndWait(uri, typing);
    assert.ok(codes(diagnostics).includes('syntax'));
    assert.ok(codes(diagnostics).includes('AM010'));
    assert.ok(!codes(diagnostics).includes('AM030'), 'AM030 covered the edited text and must go');
  });

  it('debounces a burst of changes into one validation of the last text', async () => {
    const uri = uriOf('burst.card.json');
    await client.openAndWait(uri, submitCard);
    const before = client.publicationsFor(uri).length;
    const next = client.nextDiagnostics(uri);
    for (let i = 0; i < 5; i++) await client.change(uri, submitCard.replace('"Hi"', `"Hi ${i}"`));
    await client.change(uri, goodCard);
    assert.deepEqual(await next, []);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(client.publicationsFor(uri).length, before + 1);
  });

  it('leaves JSON that is no card alone, and checks JSON of any name whose root is a card', async () => {
    const packageUri = uriOf('package.json');
    await client.open(packageUri, pretty({ name: 'x', version: '1.0.0', type: 'module' }));
    const cardUri = uriOf('templates/approval.json');
    const diagnostics = await client.openAndWait(cardUri, submitCard);
    assert.deepEqual(codes(diagnostics), ['AM010', 'AM030']);
    assert.deepEqual(client.publicationsFor(packageUri), []);
  });

  it('recognises the other document kinds by content too (a MessageCard)', async () => {
    const messageCard = pretty({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', originator: PROVIDER, summary: 'Hi' });
    assert.deepEqual(codes(await client.openAndWait(uriOf('legacy.json'), messageCard)), ['AM080']);
  });

  it('clears a document that stops being a card, and picks it up again when it becomes one', async () => {
    const uri = uriOf('shifting.json');
    assert.deepEqual(codes(await client.openAndWait(uri, submitCard)), ['AM010', 'AM030']);
    assert.deepEqual(await client.changeAndWait(uri, pretty({ name: 'no card' })), []);
    assert.deepEqual(codes(await client.changeAndWait(uri, submitCard)), ['AM010', 'AM030']);
  });

  it('checks card.json and *.card.json whatever they contain (AM001 for a non-card)', async () => {
    assert.deepEqual(codes(await client.openAndWait(uriOf('cards/card.json'), pretty({ name: 'x' }))), ['AM001']);
    assert.deepEqual(codes(await client.openAndWait(uriOf('other.card.json'), '[1, 2]')), ['AM001']);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = uriOf('closing.card.json');
    await client.openAndWait(uri, submitCard);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await cleared, []);
  });
});
