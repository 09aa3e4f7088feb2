// Quick fixes over the wire: ask for code actions with the diagnostics the server published, apply the edit
// the way an editor would, and let the server validate the result.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { editedText, LspClient, uriOf, type CodeAction, type Diagnostic } from './lsp-client';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

function only(actions: CodeAction[], title: RegExp): CodeAction {
  const matching = actions.filter((action) => title.test(action.title));
  assert.equal(matching.length, 1, `expected one action like ${title}, got: ${actions.map((a) => a.title).join(' | ')}`);
  return matching[0];
}

describe('lsp: code actions', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: { originator: PROVIDER } }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('AM010: adds the configured originator, and the card is then clean', async () => {
    const uri = uriOf('originator.card.json');
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
    const diagnostics = await client.openAndWait(uri, text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['AM010']);
    const action = only(await client.codeActions(uri, diagnostics), /originator/);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, diagnostics);
    const fixed = editedText(text, uri, action);
    assert.equal(JSON.parse(fixed).originator, PROVIDER);
    assert.deepEqual(await client.changeAndWait(uri, fixed), []);
  });

  it('AM030: replaces Action.Submit with Action.Http in a 1.0 card, and the card is then clean', async () => {
    const uri = uriOf('submit.card.json');
    const text = pretty({
      type: 'AdaptiveCard', version: '1.0', originator: PROVIDER,
      body: [{ type: 'Input.Text', id: 'comment', placeholder: 'Comment' }],
      actions: [{ type: 'Action.Submit', title: 'Send' }],
    });
    const diagnostics = await client.openAndWait(uri, text);
    const am030 = diagnostics.filter((d) => d.code === 'AM030');
    assert.equal(am030.length, 1);
    const action = only(await client.codeActions(uri, am030), /Action\.Http/);
    const fixed = editedText(text, uri, action);
    assert.equal(JSON.parse(fixed).actions[0].type, 'Action.Http');
    assert.equal(JSON.parse(fixed).actions[0].body, '{"comment":"{{comment.value}}"}');
    const after = await client.changeAndWait(uri, fixed);
    assert.ok(!after.some((d) => d.code === 'AM030'), `AM030 is gone: ${JSON.stringify(after)}`);
    assert.deepEqual(after.map((d) => d.code), [], 'and nothing else appears');
  });

  it('AM030 in a 1.4 card offers Action.Execute instead', async () => {
    const uri = uriOf('submit14.card.json');
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }], actions: [{ type: 'Action.Submit', title: 'Send' }] });
    const diagnostics = await client.openAndWait(uri, text);
    const actions = await client.codeActions(uri, diagnostics.filter((d) => d.code === 'AM030'));
    assert.deepEqual(actions.map((a) => a.title), ['Replace Action.Submit with Action.Execute']);
    assert.deepEqual(await client.changeAndWait(uri, editedText(text, uri, actions[0])), []);
  });

  it('offers nothing for diagnostics of other sources, other kinds asked for, or ranges that no longer fit', async () => {
    const uri = uriOf('foreign.card.json');
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
    const [ours] = await client.openAndWait(uri, text);
    const foreign: Diagnostic = { ...ours, source: 'json' };
    assert.deepEqual(await client.codeActions(uri, [foreign]), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: ours.range, context: { diagnostics: [ours], only: ['refactor'] } }), []);
    const shifted: Diagnostic = { ...ours, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    assert.deepEqual(await client.codeActions(uri, [shifted]), []);
    assert.equal((await client.codeActions(uri, [ours])).length, 1);
  });

  it('carries no command unless the client names one', async () => {
    const uri = uriOf('no-command.card.json');
    const diagnostics = await client.openAndWait(uri, pretty({ type: 'AdaptiveCard', version: '1.0', body: [] }));
    const actions = await client.codeActions(uri, diagnostics);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((action) => action.command === undefined), JSON.stringify(actions));
  });
});

describe('lsp: code actions for a client that names an applied-fix command', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {}, initializationOptions: { appliedQuickFixCommand: 'editor.fixApplied' } }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('each quick fix carries the command, without arguments, to run after its edit', async () => {
    const uri = uriOf('with-command.card.json');
    const diagnostics = await client.openAndWait(uri, pretty({ type: 'AdaptiveCard', version: '1.0', body: [] }));
    const action = only(await client.codeActions(uri, diagnostics), /originator/);
    assert.deepEqual(action.command, { title: action.title, command: 'editor.fixApplied' });
    assert.ok(action.edit, 'the edit is still there');
  });
});
