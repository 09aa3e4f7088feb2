// Revision 2's new rules over the wire (AM037, AM049, AM088, and AM045's headers fix): the real server publishes each
// with its code, warning severity and exact range; the quick fix it offers, applied as an editor would, leaves JSON on
// which the server no longer reports the rule.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { editedText, LspClient, textIn, uriOf, type CodeAction, type Diagnostic } from './lsp-client';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const WARNING = 2;
const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}": ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** The edited text, which must be JSON. */
function edited(text: string, uri: string, action: CodeAction): string {
  const result = editedText(text, uri, action);
  JSON.parse(result);
  return result;
}

describe('lsp: the rules new in revision 2 and their quick fixes', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: { originator: PROVIDER } }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('AM037: one warning per token of Action.Execute data, on the token past escapes; each fix removes its token', async () => {
    const uri = uriOf('execute-tokens.card.json');
    const text = pretty({
      type: 'AdaptiveCard', version: '1.4', originator: PROVIDER,
      body: [{ type: 'Input.Text', id: 'AddComment', label: 'Comment' }],
      actions: [{ type: 'Action.Execute', title: 'Comment', verb: 'comment', data: { reason: 'Caf\u00e9: {Reason: {{AddComment.value}}}', copy: '{{AddComment.value}}' } }],
    }).replace('é', '\\u00e9');
    const diagnostics = await client.openAndWait(uri, text);
    const am037 = withCode(diagnostics, 'AM037');
    assert.deepEqual(am037.map((d) => [textIn(text, d.range), d.severity]), [['{{AddComment.value}}', WARNING], ['{{AddComment.value}}', WARNING]]);
    const line = text.split('\n').findIndex((l) => l.includes('"reason"'));
    const character = text.split('\n')[line].indexOf('{{');
    assert.deepEqual(am037[0].range, { start: { line, character }, end: { line, character: character + '{{AddComment.value}}'.length } });
    assert.deepEqual(diagnostics.map((d) => d.code), ['AM037', 'AM037'], 'and nothing else');

    const inString = titled(await client.codeActions(uri, [am037[0]]), 'Remove {{AddComment.value}} (Action.Execute sends the input values itself)');
    assert.equal(inString.isPreferred, true);
    const first = edited(text, uri, inString);
    assert.equal(JSON.parse(first).actions[0].data.reason, 'Café: {Reason: }');
    const remaining = withCode(await client.changeAndWait(uri, first), 'AM037');
    assert.equal(remaining.length, 1);

    const wholeValue = (await client.codeActions(uri, remaining))[0];
    const second = edited(first, uri, wholeValue);
    assert.deepEqual(JSON.parse(second).actions[0].data, { reason: 'Café: {Reason: }' });
    assert.deepEqual(await client.changeAndWait(uri, second), []);
  });

  it('AM049: a warning on the misplaced key; moving it to the root leaves a clean card', async () => {
    const uri = uriOf('auto-invoke.card.json');
    const auto = { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/latest', body: '' };
    const text = pretty({
      type: 'AdaptiveCard', version: '1.0', originator: PROVIDER,
      body: [{ type: 'TextBlock', text: 'Stock: 18' }, { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://a.example/' }], autoInvokeAction: auto }],
    });
    const diagnostics = await client.openAndWait(uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, textIn(text, d.range)]), [['AM049', WARNING, '"autoInvokeAction"']]);
    const actions = await client.codeActions(uri, diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Move "autoInvokeAction" to the card root', true], ['Remove the misplaced "autoInvokeAction"', false]]);
    const moved = edited(text, uri, actions[0]);
    assert.deepEqual(JSON.parse(moved).autoInvokeAction, auto);
    assert.equal(JSON.parse(moved).body[1].autoInvokeAction, undefined);
    assert.deepEqual(await client.changeAndWait(uri, moved), []);
  });

  it('AM088: a warning on an HttpPOST header written as an object; the pairs it converts to are clean', async () => {
    const uri = uriOf('legacy-headers.card.json');
    const text = pretty({
      '@type': 'MessageCard', '@context': 'https://schema.org/extensions', originator: PROVIDER, summary: 'Expense 1042',
      potentialAction: [{ '@type': 'HttpPOST', name: 'Approve', target: 'https://expenses.contoso.example/approve', body: 'id=1042', headers: [{ 'Content-Type': 'application/x-www-form-urlencoded' }] }],
    });
    const diagnostics = await client.openAndWait(uri, text);
    const am088 = withCode(diagnostics, 'AM088');
    assert.deepEqual(am088.map((d) => [d.severity, textIn(text, d.range).replace(/\s+/g, '')]), [[WARNING, '{"Content-Type":"application/x-www-form-urlencoded"}']]);
    const fixed = edited(text, uri, titled(await client.codeActions(uri, am088), 'Write the headers as {"name": …, "value": …} pairs'));
    assert.deepEqual(JSON.parse(fixed).potentialAction[0].headers, [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }]);
    assert.deepEqual((await client.changeAndWait(uri, fixed)).map((d) => d.code), ['AM080']);
  });

  it('AM045: Action.Http headers written as an object are converted to pairs, and the card is clean', async () => {
    const uri = uriOf('http-headers.card.json');
    const text = pretty({
      type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'Input.Text', id: 'comment' }],
      actions: [{ type: 'Action.Http', title: 'OK', method: 'POST', url: 'https://api.contoso.example/comment', body: '{"comment": "{{comment.value}}"}', headers: { Authorization: '', 'Content-Type': 'application/json' } }],
    });
    const diagnostics = await client.openAndWait(uri, text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['AM045']);
    const fixed = edited(text, uri, titled(await client.codeActions(uri, diagnostics), 'Write the headers as {"name": …, "value": …} pairs'));
    assert.deepEqual(JSON.parse(fixed).actions[0].headers, [{ name: 'Authorization', value: '' }, { name: 'Content-Type', value: 'application/json' }]);
    assert.deepEqual(await client.changeAndWait(uri, fixed), []);
  });
});
