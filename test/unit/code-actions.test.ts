// Quick fixes: each is computed from a rule id and a range alone, must leave valid JSON in the document's own
// layout, and must make the problem go away.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENDPOINT_PLACEHOLDER, ORIGINATOR_PLACEHOLDER, quickFixes, type QuickFix } from '../../server/src/language/code-actions';
import { parseJsonDocument } from '../../server/src/card/json-document';
import type { ServiceSettings } from '../../server/src/rules/settings';
import { validateText } from '../../server/src/rules/validate';
import { applyEdits, ruleIds } from './helpers';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** The fixes for `rule` reported on the `occurrence`-th appearance of `covered` in `text`. */
function fixesAt(text: string, rule: string, covered: string, settings: ServiceSettings = {}, occurrence = 0): QuickFix[] {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(covered, offset + 1);
  assert.ok(offset >= 0, `${covered} not in the text`);
  return quickFixes(parseJsonDocument(text), { rule, offset, length: covered.length }, settings);
}

/** The fixes for the first finding of `rule` that validation reports. */
function fixesForFinding(text: string, rule: string, settings: ServiceSettings = {}): QuickFix[] {
  const finding = validateText(text, settings).findings.find((f) => f.rule === rule);
  assert.ok(finding, `${rule} is not reported`);
  return quickFixes(parseJsonDocument(text), finding, settings);
}

function titled(fixes: readonly QuickFix[], title: string | RegExp): QuickFix {
  const found = fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(found, `no fix titled ${title}; got ${fixes.map((f) => f.title).join(' | ')}`);
  return found;
}

function applied(text: string, fix: QuickFix): string {
  const result = applyEdits(text, fix.edits);
  assert.equal(parseJsonDocument(result).syntaxProblem, undefined, `not valid JSON:\n${result}`);
  return result;
}

const pretty = (value: unknown, indent: string | number = 2): string => JSON.stringify(value, null, indent);

describe('quick fixes: originator (AM010, AM011)', () => {
  const card = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] };

  it('inserts the configured provider id after "version", indented like its siblings', () => {
    const text = pretty(card);
    const fixes = fixesAt(text, 'AM010', '"AdaptiveCard"', { originator: PROVIDER });
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].isPreferred, true);
    assert.equal(fixes[0].rule, 'AM010');
    assert.equal(applied(text, fixes[0]), pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: card.body }));
  });

  it('keeps a one-line card on one line, with its own spacing', () => {
    const text = '{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", "text": "Hi"}]}';
    const result = applied(text, fixesAt(text, 'AM010', '"AdaptiveCard"', { originator: PROVIDER })[0]);
    assert.equal(result, `{"type": "AdaptiveCard", "version": "1.0", "originator": "${PROVIDER}", "body": [{"type": "TextBlock", "text": "Hi"}]}`);
  });

  it('follows tab indentation and CRLF line ends', () => {
    const text = pretty(card, '\t').replace(/\n/g, '\r\n');
    const result = applied(text, fixesAt(text, 'AM010', '"AdaptiveCard"', { originator: PROVIDER })[0]);
    assert.equal(result, pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: card.body }, '\t').replace(/\n/g, '\r\n'));
  });

  it('without a configured id inserts a placeholder that is not a GUID, and does not prefer that fix', () => {
    const text = pretty(card);
    const [fix] = fixesAt(text, 'AM010', '"AdaptiveCard"');
    assert.equal(fix.isPreferred, false);
    assert.match(applied(text, fix), new RegExp(`"originator": "${ORIGINATOR_PLACEHOLDER}"`));
    assert.deepEqual(ruleIds(applied(text, fix)), ['AM012'], 'AM012 keeps pointing at the placeholder');
  });

  it('replaces an empty originator rather than adding a second one', () => {
    const text = pretty({ ...card, originator: '' });
    const result = applied(text, fixesForFinding(text, 'AM010', { originator: PROVIDER })[0]);
    assert.deepEqual(JSON.parse(result), { ...card, originator: PROVIDER });
  });

  it('fixes AM011 on a UAM card, from the reported finding', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', body: card.body, actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go' }] });
    const result = applied(text, fixesForFinding(text, 'AM011', { originator: PROVIDER })[0]);
    assert.deepEqual(ruleIds(result), []);
  });

  it('adds originator to a MessageCard too', () => {
    const text = pretty({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Hi' });
    const result = applied(text, fixesForFinding(text, 'AM010', { originator: PROVIDER })[0]);
    assert.equal(JSON.parse(result).originator, PROVIDER);
    assert.deepEqual(ruleIds(result), ['AM080']);
  });
});

describe('quick fixes: version (AM002, AM003, AM004, AM021)', () => {
  const body = [{ type: 'TextBlock', text: 'Hi' }];
  const http = { type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://api.contoso.example/go', body: '{}' };
  const execute = { type: 'Action.Execute', title: 'Go', verb: 'go' };

  it('adds a missing version right after "type"; prefers 1.0 for an Action.Http card', () => {
    const text = pretty({ type: 'AdaptiveCard', originator: PROVIDER, body, actions: [http] });
    const fixes = fixesForFinding(text, 'AM002');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Set the card "version" to "1.0"', true], ['Set the card "version" to "1.4"', false]]);
    const result = applied(text, fixes[0]);
    assert.equal(result, pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body, actions: [http] }));
    assert.deepEqual(ruleIds(result), []);
  });

  it('turns a numeric version into the string, preferring 1.4 for a card without Action.Http', () => {
    const text = '{"type": "AdaptiveCard", "version": 1.4, "originator": "' + PROVIDER + '", "body": [{"type": "TextBlock", "text": "Hi"}]}';
    const fix = titled(fixesForFinding(text, 'AM002'), 'Set the card "version" to "1.4"');
    assert.equal(fix.isPreferred, true);
    assert.equal(applied(text, fix), text.replace('1.4,', '"1.4",'));
  });

  it('offers 1.0 and 1.4 for a 1.6 card, and 1.4 alone after removing the current 1.0', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.6', originator: PROVIDER, body });
    assert.deepEqual(fixesForFinding(text, 'AM003').map((f) => f.title), ['Set the card "version" to "1.0"', 'Set the card "version" to "1.4"']);
    const fix = titled(fixesForFinding(text, 'AM003'), /"1\.4"/);
    assert.deepEqual(ruleIds(applied(text, fix)), []);
  });

  it('AM004 on 1.3: no preferred version when the card mixes both action models', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.3', originator: PROVIDER, body, actions: [http, execute] });
    const fixes = fixesForFinding(text, 'AM004');
    assert.equal(fixes.length, 2);
    assert.ok(fixes.every((f) => !f.isPreferred));
  });

  it('AM021 offers only 1.4, which removes the problem', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body, actions: [execute] });
    const fixes = fixesForFinding(text, 'AM021');
    assert.deepEqual(fixes.map((f) => f.title), ['Set the card "version" to "1.4"']);
    assert.deepEqual(ruleIds(applied(text, fixes[0])), []);
  });
});

describe('quick fixes: Action.Http in a 1.4 card (AM020)', () => {
  const body = [{ type: 'Input.Text', id: 'comment', label: 'Comment' }];
  const http = {
    type: 'Action.Http', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/requests/approve?x=1',
    body: '{"decision": "yes", "comment": "{{comment.value}}"}', headers: [{ name: 'Authorization', value: '' }],
  };

  it('prefers going back to 1.0, which keeps the action as written', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body: [{ type: 'Input.Text', id: 'comment' }], actions: [http] });
    const fix = titled(fixesForFinding(text, 'AM020'), 'Set the card "version" to "1.0"');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(ruleIds(applied(text, fix)), []);
  });

  it('converts to Action.Execute: verb from the URL, static body fields as data, endpoint details dropped', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, actions: [http] });
    const result = applied(text, titled(fixesForFinding(text, 'AM020'), 'Convert Action.Http to Action.Execute (drops url, method and headers)'));
    assert.equal(result, pretty({
      type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body,
      actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve', data: { decision: 'yes' } }],
    }));
    assert.deepEqual(ruleIds(result), []);
  });

  it('takes no verb from a host name, and drops body fields that hold a token anywhere', () => {
    const rooted = { ...http, url: 'https://api.contoso.example/', body: '{"ticket": 7, "note": "from {{comment.value}}"}' };
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, actions: [{ type: 'Action.Execute', title: 'Ok', verb: 'ok' }, rooted] });
    const result = applied(text, fixesForFinding(text, 'AM020')[0]!);
    assert.deepEqual(JSON.parse(result).actions[1], { type: 'Action.Execute', title: 'Approve', data: { ticket: 7 } });
    assert.deepEqual(ruleIds(result), []);
  });

  it('only converts (preferred) when the card already uses Action.Execute, and never converts autoInvokeAction', () => {
    const uam = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, actions: [{ type: 'Action.Execute', title: 'Ok' }, http] });
    assert.deepEqual(fixesForFinding(uam, 'AM020').map((f) => [f.title, f.isPreferred]), [['Convert Action.Http to Action.Execute (drops url, method and headers)', true]]);
    const auto = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/a', body: '' } });
    assert.deepEqual(fixesForFinding(auto, 'AM020').map((f) => f.title), ['Set the card "version" to "1.0"']);
  });
});

describe('quick fixes: Action.Submit (AM030)', () => {
  const body = [{ type: 'Input.Text', id: 'comment' }, { type: 'Input.Toggle', id: 'agree', title: 'Agree' }];
  const submit = { type: 'Action.Submit', title: 'Send', data: { kind: 'feedback' } };

  it('in a 1.0 card: Action.Http POSTing the inputs and the Submit data to a placeholder endpoint', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body, actions: [submit] });
    const fixes = fixesForFinding(text, 'AM030');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Replace Action.Submit with Action.Http (POST the inputs)', true]]);
    const result = applied(text, fixes[0]);
    assert.deepEqual(JSON.parse(result).actions, [{
      type: 'Action.Http', title: 'Send', method: 'POST', url: ENDPOINT_PLACEHOLDER,
      body: '{"kind":"feedback","comment":"{{comment.value}}","agree":"{{agree.value}}"}',
    }]);
    assert.deepEqual(ruleIds(result), []);
  });

  it('uses the first registered target URL', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body, actions: [{ type: 'Action.Submit', title: 'Send' }] });
    const settings = { targetUrls: ['https://api.contoso.example/cards'] };
    const result = applied(text, fixesForFinding(text, 'AM030', settings)[0]);
    assert.equal(JSON.parse(result).actions[0].url, 'https://api.contoso.example/cards');
    assert.deepEqual(ruleIds(result, settings), []);
  });

  it('in a 1.4 card: Action.Execute, keeping data', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, actions: [submit] });
    const fixes = fixesForFinding(text, 'AM030');
    assert.deepEqual(fixes.map((f) => f.title), ['Replace Action.Submit with Action.Execute']);
    const result = applied(text, fixes[0]);
    assert.deepEqual(JSON.parse(result).actions, [{ ...submit, type: 'Action.Execute' }]);
    assert.deepEqual(ruleIds(result), []);
  });

  it('works on an Action.Submit in an ActionSet on one line', () => {
    const text = `{"type": "AdaptiveCard", "version": "1.0", "originator": "${PROVIDER}", "body": [{"type": "ActionSet", "actions": [{"type": "Action.Submit", "title": "Send"}]}]}`;
    const result = applied(text, fixesForFinding(text, 'AM030')[0]);
    assert.match(result, /\{"type": "Action.Http", "title": "Send", "method": "POST", "url": "[^"]+", "body": "\{\}"\}/);
  });
});

describe('quick fixes: removing or replacing unsupported elements (AM031, AM032)', () => {
  const text = pretty({
    type: 'AdaptiveCard', version: '1.0', originator: PROVIDER,
    body: [{ type: 'Table', rows: [] }, { type: 'TextBlock', text: 'A' }, { type: 'Input.Time', id: 'start' }, 'stray'],
  });

  it('removes the first entry with the comma after it', () => {
    const result = applied(text, fixesAt(text, 'AM032', '"Table"')[0]);
    assert.deepEqual(JSON.parse(result).body, [{ type: 'TextBlock', text: 'A' }, { type: 'Input.Time', id: 'start' }, 'stray']);
    assert.equal(result, pretty({ ...JSON.parse(text), body: JSON.parse(result).body }));
  });

  it('removes the last entry with the comma before it, also when it is not an object', () => {
    const result = applied(text, fixesAt(text, 'AM032', '"stray"')[0]);
    assert.equal(result, pretty({ ...JSON.parse(text), body: JSON.parse(text).body.slice(0, 3) }));
  });

  it('replaces Input.Time with Input.Text (preferred) or removes it from the middle of the array', () => {
    const fixes = fixesAt(text, 'AM031', '"Input.Time"');
    assert.equal(titled(fixes, 'Replace Input.Time with Input.Text').isPreferred, true);
    assert.deepEqual(JSON.parse(applied(text, fixes[0])).body[2], { type: 'Input.Text', id: 'start' });
    const removed = applied(text, titled(fixes, 'Remove the Input.Time element'));
    assert.equal(removed, pretty({ ...JSON.parse(text), body: [{ type: 'Table', rows: [] }, { type: 'TextBlock', text: 'A' }, 'stray'] }));
  });

  it('removes the only entry, leaving an empty array', () => {
    const only = '{"type": "AdaptiveCard", "version": "1.4", "body": [ {"type": "Table"} ]}';
    assert.equal(applied(only, fixesAt(only, 'AM032', '"Table"')[0]), '{"type": "AdaptiveCard", "version": "1.4", "body": []}');
  });

  it('removes an unsupported column from a ColumnSet, from the reported finding', () => {
    const columns = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [] }, { type: 'Table' }] }] });
    assert.deepEqual(ruleIds(applied(columns, fixesForFinding(columns, 'AM032')[0])), []);
  });

  it('prefers correcting a type one or two edits from one Outlook renders, keeping what the element holds; removal is never preferred', () => {
    const typo = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [
      { type: 'ColumnSet', columns: [{ type: 'Colum', items: [{ type: 'TextBlock', text: 'Total: 42' }] }] }, { type: 'textblock', text: 'Hi' }, { type: 'Contaner', items: [] },
    ] });
    const column = fixesAt(typo, 'AM032', '"Colum"');
    assert.deepEqual(column.map((f) => [f.title, f.isPreferred]), [['Change the type to "Column"', true], ['Remove the unsupported element', false]]);
    assert.deepEqual(JSON.parse(applied(typo, column[0]!)).body[0].columns[0], { type: 'Column', items: [{ type: 'TextBlock', text: 'Total: 42' }] });
    assert.equal(fixesAt(typo, 'AM032', '"textblock"')[0]!.title, 'Change the type to "TextBlock"');
    assert.equal(fixesAt(typo, 'AM032', '"Contaner"')[0]!.title, 'Change the type to "Container"');
    assert.deepEqual(fixesAt(text, 'AM032', '"Table"').map((f) => [f.title, f.isPreferred]), [['Remove the unsupported element', false]]);
  });
});

describe('quick fixes: POST without body (AM044)', () => {
  it('adds a body with the input values after "url"', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'Input.Text', id: 'comment' }], actions: [{ type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://api.contoso.example/go', id: 'go' }] });
    const [fix] = fixesForFinding(text, 'AM044');
    assert.equal(fix.title, 'Add a "body" that posts the input values');
    const result = applied(text, fix);
    assert.deepEqual(Object.keys(JSON.parse(result).actions[0]), ['type', 'title', 'method', 'url', 'body', 'id']);
    assert.equal(JSON.parse(result).actions[0].body, '{"comment":"{{comment.value}}"}');
    assert.deepEqual(ruleIds(result), []);
  });

  it('adds an empty body when the card has no inputs', () => {
    const text = `{"type": "AdaptiveCard", "version": "1.0", "originator": "${PROVIDER}", "body": [{"type": "TextBlock", "text": "Hi"}], "autoInvokeAction": {"type": "Action.Http", "method": "POST", "url": "https://api.contoso.example/go"}}`;
    const result = applied(text, fixesForFinding(text, 'AM044')[0]);
    assert.match(result, /"url": "https:\/\/api.contoso.example\/go", "body": ""\}/);
    assert.deepEqual(ruleIds(result), []);
  });
});

describe('quick fixes: unknown input reference (AM046)', () => {
  const card = (body: string) => pretty({
    type: 'AdaptiveCard', version: '1.0', originator: PROVIDER,
    body: [{ type: 'Input.Text', id: 'comment' }, { type: 'Input.Text', id: 'title' }],
    actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body }],
  });

  it('changes a misspelt id to the nearest input id (preferred), from the reported finding', () => {
    const text = card('{"c": "{{coment.value}}", "t": "{{title.value}}"}');
    const [fix] = fixesForFinding(text, 'AM046');
    assert.equal(fix.title, 'Change {{coment.value}} to {{comment.value}}');
    assert.equal(fix.isPreferred, true);
    const result = applied(text, fix);
    assert.equal(JSON.parse(result).actions[0].body, '{"c": "{{comment.value}}", "t": "{{title.value}}"}');
    assert.deepEqual(ruleIds(result), []);
  });

  it('offers one fix per unknown token when the whole string is reported, not preferring far-off ids', () => {
    const text = card('{{titel.value}} {{zzzzzzzz.value}} {{TITLE.value}}');
    const raw = JSON.stringify('{{titel.value}} {{zzzzzzzz.value}} {{TITLE.value}}');
    const fixes = fixesAt(text, 'AM046', raw);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [
      ['Change {{titel.value}} to {{title.value}}', true],
      ['Change {{zzzzzzzz.value}} to {{comment.value}}', false],
    ]);
  });
});

describe('quick fixes: input token in Action.Execute (AM037)', () => {
  const comment = { type: 'Input.Text', id: 'comment', label: 'Comment' };
  const card = (action: Record<string, unknown>, body: unknown[] = [comment]): string =>
    pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body, actions: [{ type: 'Action.Execute', title: 'Send', ...action }] });

  it('removes a data property whose value is only the token, keeping the others in their layout', () => {
    const text = card({ verb: 'send', data: { comment: '{{comment.value}}', ticket: 7 } });
    const fixes = fixesForFinding(text, 'AM037');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Remove {{comment.value}} (Action.Execute sends the input values itself)', true]]);
    const result = applied(text, fixes[0]);
    assert.equal(result, card({ verb: 'send', data: { ticket: 7 } }));
    assert.deepEqual(ruleIds(result), []);
  });

  it('removes only the token\'s characters inside a longer string, as in Microsoft\'s project-management sample', () => {
    const body = [{ type: 'Input.Text', id: 'AddComment', label: 'Comment' }];
    const text = card({ verb: 'comment', data: '{Reason: {{AddComment.value}}}' }, body);
    const [fix] = fixesForFinding(text, 'AM037');
    assert.deepEqual(fix.edits, [{ offset: text.indexOf('{{AddComment'), length: '{{AddComment.value}}'.length, newText: '' }]);
    const result = applied(text, fix);
    assert.equal(JSON.parse(result).actions[0].data, '{Reason: }');
    assert.deepEqual(ruleIds(result), []);
  });

  it('leaves an empty data object, removes an array entry, and removes a verb or data that was only the token', () => {
    assert.equal(JSON.stringify(JSON.parse(applied(card({ verb: 'send', data: { c: '{{comment.value}}' } }), fixesForFinding(card({ verb: 'send', data: { c: '{{comment.value}}' } }), 'AM037')[0])).actions[0].data), '{}');
    const inArray = card({ verb: 'send', data: { values: ['a', '{{comment.value}}', 'b'] } });
    assert.deepEqual(JSON.parse(applied(inArray, fixesForFinding(inArray, 'AM037')[0])).actions[0].data, { values: ['a', 'b'] });
    const verb = card({ verb: '{{comment.value}}', data: { x: 1 } });
    assert.deepEqual(JSON.parse(applied(verb, fixesForFinding(verb, 'AM037')[0])).actions[0], { type: 'Action.Execute', title: 'Send', data: { x: 1 } });
    const data = card({ verb: 'send', data: '{{comment.value}}' });
    const withoutData = applied(data, fixesForFinding(data, 'AM037')[0]);
    assert.deepEqual(JSON.parse(withoutData).actions[0], { type: 'Action.Execute', title: 'Send', verb: 'send' });
    assert.deepEqual(ruleIds(withoutData), []);
  });

  it('removes just the reported one of two tokens, past escape sequences in the JSON text', () => {
    const text = card({ verb: 'send', data: { note: 'caf\u00e9 {{comment.value}} and {{other}}' } }).replace('é', '\\u00e9');
    const fixes = fixesAt(text, 'AM037', '{{other}}');
    assert.deepEqual(fixes.map((f) => f.title), ['Remove {{other}} (Action.Execute sends the input values itself)']);
    assert.equal(JSON.parse(applied(text, fixes[0])).actions[0].data.note, 'caf\u00e9 {{comment.value}} and ');
    const first = applied(text, fixesAt(text, 'AM037', '{{comment.value}}')[0]);
    assert.ok(first.includes('"caf\\u00e9  and {{other}}"'), first);
  });

  it('offers nothing for a stale range: a token in an Action.Http body, or in a property name', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [comment],
      actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body: '{{comment.value}}' }] });
    assert.deepEqual(fixesAt(text, 'AM037', '{{comment.value}}'), []);
    const key = card({ verb: 'send', data: { '{{comment.value}}': 'x' } });
    assert.deepEqual(fixesAt(key, 'AM037', '{{comment.value}}'), [], 'nor in a property name of the data');
  });
});

describe('quick fixes: headers written as an object (AM045, AM088)', () => {
  const http = (headers: unknown) => ({ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body: '{}', headers });
  const httpCard = (headers: unknown): string => pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }], actions: [http(headers)] });
  const post = (headers: unknown) => ({ '@type': 'HttpPOST', name: 'Approve', target: 'https://expenses.contoso.example/approve', body: 'ok', headers });
  const messageCard = (...actions: unknown[]): string => pretty({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', originator: PROVIDER, summary: 'Expense', potentialAction: actions });

  it('AM045: an object becomes {name, value} pairs in the card\'s layout, and the card is clean', () => {
    const text = httpCard({ 'Content-Type': 'application/json', Authorization: '' });
    const fixes = fixesForFinding(text, 'AM045');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Write the headers as {"name": …, "value": …} pairs', true]]);
    const result = applied(text, fixes[0]);
    assert.equal(result, httpCard([{ name: 'Content-Type', value: 'application/json' }, { name: 'Authorization', value: '' }]));
    assert.deepEqual(ruleIds(result), []);
  });

  it('AM045: one pair written without its array gets the array', () => {
    const text = httpCard({ name: 'Content-Type', value: 'application/json' });
    assert.deepEqual(JSON.parse(applied(text, fixesForFinding(text, 'AM045')[0])).actions[0].headers, [{ name: 'Content-Type', value: 'application/json' }]);
  });

  it('AM088: entries written as objects of their own become pairs, next to a pair that stays as it is', () => {
    const text = messageCard(post([{ 'X-Expense': '1042' }, { name: 'Authorization', value: '' }, { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Trace': 'on' }]));
    const fixes = fixesForFinding(text, 'AM088');
    assert.equal(fixes.length, 1);
    const result = applied(text, fixes[0]);
    assert.deepEqual(JSON.parse(result).potentialAction[0].headers, [
      { name: 'X-Expense', value: '1042' }, { name: 'Authorization', value: '' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'X-Trace', value: 'on' },
    ]);
    assert.deepEqual(ruleIds(result), ['AM080']);
  });

  it('AM088: an object on one HttpPOST of several is converted there only', () => {
    const text = messageCard(post([{ name: 'Content-Type', value: 'text/plain' }]), post({ 'Content-Type': 'application/json' }));
    const result = applied(text, fixesForFinding(text, 'AM088')[0]);
    assert.deepEqual(JSON.parse(result).potentialAction.map((action: { headers: unknown }) => action.headers), [
      [{ name: 'Content-Type', value: 'text/plain' }], [{ name: 'Content-Type', value: 'application/json' }],
    ]);
  });

  it('offers nothing when a value is not a string or nothing is written as an object', () => {
    assert.deepEqual(fixesForFinding(httpCard({ 'X-Count': 5 }), 'AM045'), []);
    assert.deepEqual(fixesForFinding(httpCard([{ name: 'Content-Type' }]), 'AM045'), []);
    assert.deepEqual(fixesForFinding(httpCard('Content-Type: application/json'), 'AM045'), []);
  });

  it('AM045: {"Name", "Value"} becomes the pair in lower case, not two headers named "Name" and "Value"', () => {
    const text = httpCard([{ Name: 'Authorization', Value: '' }]);
    const result = applied(text, fixesForFinding(text, 'AM045')[0]);
    assert.deepEqual(JSON.parse(result).actions[0].headers, [{ name: 'Authorization', value: '' }]);
    assert.deepEqual(ruleIds(result), []);
  });

  it('AM045: offered only on the object form, not on another problem of the same headers', () => {
    const text = httpCard([{ name: 'X-Trace' }, { Accept: 'text/plain' }]);
    assert.deepEqual(fixesAt(text, 'AM045', '{\n          "name": "X-Trace"\n        }'), []);
    assert.equal(fixesAt(text, 'AM045', '{\n          "Accept": "text/plain"\n        }').length, 1);
  });
});

describe('quick fixes: autoInvokeAction not on the top-level card (AM049)', () => {
  const auto = { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/latest', body: '' };
  const open = { type: 'Action.OpenUrl', title: 'Open', url: 'https://a.example/' };

  it('moves an Action.Http from an ActionSet to the card root (preferred), or removes it', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'ActionSet', actions: [open], autoInvokeAction: auto }] });
    const fixes = fixesForFinding(text, 'AM049');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Move "autoInvokeAction" to the card root', true], ['Remove the misplaced "autoInvokeAction"', false]]);
    const moved = applied(text, fixes[0]);
    assert.equal(moved, pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'ActionSet', actions: [open] }], autoInvokeAction: auto }));
    assert.deepEqual(ruleIds(moved), []);
    assert.deepEqual(ruleIds(applied(text, fixes[1])), []);
  });

  it('moves one from a ShowCard card after the root actions, on one line', () => {
    const text = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }],
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'More' }], autoInvokeAction: auto } }], hideOriginalBody: true });
    const moved = applied(text, fixesForFinding(text, 'AM049')[0]);
    assert.deepEqual(Object.keys(JSON.parse(moved)), ['type', 'version', 'originator', 'body', 'actions', 'autoInvokeAction', 'hideOriginalBody']);
    assert.equal(moved.includes('\n'), false);
    assert.deepEqual(ruleIds(moved), []);
  });

  it('only removes it when the root has one already', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Hi' }], autoInvokeAction: auto }], autoInvokeAction: auto });
    const fixes = fixesForFinding(text, 'AM049');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Remove the misplaced "autoInvokeAction"', true]]);
    assert.deepEqual(ruleIds(applied(text, fixes[0])), []);
  });

  it('prefers removing an Action.Execute, which would not run at the root either (a Universal Actions card)', () => {
    const execute = { type: 'Action.Execute', title: 'Accept', verb: 'accept' };
    const text = pretty({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body: [{ type: 'ActionSet', actions: [execute], autoInvokeAction: { type: 'Action.Execute', verb: 'opened' } }],
      refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] } });
    const fixes = fixesForFinding(text, 'AM049');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Move "autoInvokeAction" to the card root', false], ['Remove the misplaced "autoInvokeAction"', true]]);
    assert.deepEqual(ruleIds(applied(text, fixes[1])), []);
    assert.deepEqual(ruleIds(applied(text, fixes[0])), ['AM048'], 'moved, it is the root\'s AM048 to report');
  });

  it('does not prefer the move when the action would not run at the root: a 1.4 card, a GET, a POST without body', () => {
    const misplaced = (version: string, action: Record<string, unknown>) =>
      pretty({ type: 'AdaptiveCard', version, originator: PROVIDER, body: [{ type: 'ActionSet', actions: [open], autoInvokeAction: action }] });
    for (const [version, action, after] of [
      ['1.4', auto, 'AM020'], ['1.0', { ...auto, method: 'GET' }, 'AM048'], ['1.0', { ...auto, body: undefined }, 'AM044'],
    ] as const) {
      const text = misplaced(version, action);
      const fixes = fixesForFinding(text, 'AM049');
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Move "autoInvokeAction" to the card root', false], ['Remove the misplaced "autoInvokeAction"', true]], `${version} ${JSON.stringify(action)}`);
      assert.deepEqual(ruleIds(applied(text, fixes[1]!)), []);
      assert.deepEqual(ruleIds(applied(text, fixes[0]!)), [after]);
    }
  });

  it('offers nothing for the root\'s own autoInvokeAction', () => {
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }], autoInvokeAction: auto });
    assert.deepEqual(fixesAt(text, 'AM049', '"autoInvokeAction"'), []);
  });
});

describe('quick fixes: robustness', () => {
  const text = pretty({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });

  it('gives nothing for a range that no longer covers a node', () => {
    assert.deepEqual(quickFixes(parseJsonDocument(text), { rule: 'AM010', offset: text.indexOf('"AdaptiveCard"') + 1, length: 5 }, {}), []);
    assert.deepEqual(quickFixes(parseJsonDocument(text), { rule: 'AM010', offset: text.length + 10, length: 3 }, {}), []);
  });

  it('gives nothing for a document with syntax errors, an unknown rule, or a rule without fixes', () => {
    assert.deepEqual(quickFixes(parseJsonDocument(text + ','), { rule: 'AM010', offset: 0, length: 1 }, {}), []);
    assert.deepEqual(quickFixes(parseJsonDocument(text), { rule: 'AM999', offset: 0, length: text.length }, {}), []);
    assert.deepEqual(quickFixes(parseJsonDocument(text), { rule: 'AM036', offset: 0, length: text.length }, {}), []);
  });
});

describe('quick fixes on duplicate property names', () => {
  it('sets the value of the last "version", the one read, so the problem goes away', () => {
    const text = `{"type": "AdaptiveCard", "version": "1.0", "originator": "${PROVIDER}", "body": [{"type": "TextBlock", "text": "Hi"}], "version": "1.6"}`;
    const fix = titled(fixesForFinding(text, 'AM003'), 'Set the card "version" to "1.4"');
    const result = applied(text, fix);
    assert.equal(result, text.replace('"version": "1.6"', '"version": "1.4"'));
    assert.deepEqual(ruleIds(result), []);
  });
});
