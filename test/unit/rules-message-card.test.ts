import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

const openUri = (name: string) => ({ '@type': 'OpenUri', name, targets: [{ os: 'default', uri: `https://a.example/${name}` }] });

/** A MessageCard as a provider would send it: sections, facts, every legacy action and input type. */
const REALISTIC = {
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  originator: ORIGINATOR,
  hideOriginalBody: true,
  correlationId: '2f0c7e5a-9a51-4f6e-8f0d-6a3b7c1d9e42',
  expectedActors: ['ana@contoso.example', 'bo@contoso.example'],
  summary: 'Expense report 1042 awaits your approval',
  themeColor: '0078D7',
  title: 'Expense report 1042',
  sections: [
    {
      activityTitle: 'Ana Ruiz submitted an expense report',
      facts: [{ name: 'Amount', value: '$412.80' }, { name: 'Project', value: 'Contoso Phoenix' }],
      potentialAction: [
        {
          '@type': 'OpenUri', name: 'View receipts',
          targets: [{ os: 'default', uri: 'https://expenses.contoso.example/1042' }, { os: 'iOS', uri: 'contoso-expenses://1042' }, { os: 'android', uri: 'contoso-expenses://1042' }, { os: 'windows', uri: 'https://expenses.contoso.example/1042?app=win' }],
        },
      ],
    },
  ],
  potentialAction: [
    {
      '@type': 'ActionCard', name: 'Comment',
      inputs: [
        { '@type': 'TextInput', id: 'comment', isMultiline: true, title: 'Your comment' },
        { '@type': 'DateInput', id: 'due', title: 'Reimburse by' },
        { '@type': 'MultichoiceInput', id: 'reason', title: 'Reason', choices: [{ display: 'OK', value: 'ok' }, { display: 'Missing receipt', value: 'receipt' }] },
      ],
      actions: [{ '@type': 'HttpPOST', name: 'Send', target: 'https://expenses.contoso.example/api/1042/comment', body: '{"comment": "{{comment.value}}"}' }],
    },
    { '@type': 'HttpPOST', name: 'Approve', target: 'https://expenses.contoso.example/api/1042/approve' },
    { '@type': 'InvokeAddInCommand', name: 'Open in add-in', addInId: '0e6b9f21-c4d8-47a3-9b5e-8f2a1d6c3e70', desktopCommandId: 'expensePane', initializationContext: { report: 1042 } },
    openUri('history'),
  ],
};

function messageCard(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...REALISTIC, ...changes });
}

describe('MessageCard mode', () => {
  it('reports only AM080, on the @type value, for a realistic valid card', () => {
    const text = JSON.stringify(REALISTIC, null, 2);
    assert.deepEqual(ruleIds(text), ['AM080']);
    assert.deepEqual(reportedRanges(text, 'AM080'), ['"MessageCard"']);
    assert.match(messages(text, 'AM080')[0]!, /iOS and Android.*Adaptive Card/);
  });

  it('AM081: a missing @context on the @type value, a wrong one on its value; http also accepted', () => {
    assert.deepEqual(reportedRanges(messageCard({ '@context': undefined }), 'AM081'), ['"MessageCard"']);
    assert.deepEqual(reportedRanges(messageCard({ '@context': 'https://schema.org' }), 'AM081'), ['"https://schema.org"']);
    assert.deepEqual(ruleIds(messageCard({ '@context': 'http://schema.org/extensions' })), ['AM080']);
  });

  it('AM082: neither summary nor text; either one alone is enough', () => {
    assert.deepEqual(reportedRanges(messageCard({ summary: undefined, text: ' ' }), 'AM082'), ['"MessageCard"']);
    assert.deepEqual(ruleIds(messageCard({ summary: undefined, text: 'Build 42 passed' })), ['AM080']);
  });

  it('AM083: more than 4 actions in a card, section or ActionCard collection, on the array', () => {
    const five = [1, 2, 3, 4, 5].map((n) => openUri(String(n)));
    assert.deepEqual(ruleIds(messageCard({ potentialAction: five })), ['AM080', 'AM083']);
    assert.deepEqual(ruleIds(messageCard({ potentialAction: five.slice(1) })), ['AM080']);
    const inSection = messageCard({ sections: [{ title: 'S', potentialAction: five }] });
    assert.equal(reportedRanges(inSection, 'AM083')[0], JSON.stringify(five));
    assert.match(messages(inSection, 'AM083')[0]!, /5 actions in "potentialAction".*at most 4/);
    const inActionCard = messageCard({ potentialAction: [{ '@type': 'ActionCard', name: 'More', actions: five }] });
    assert.deepEqual(reportedRanges(inActionCard, 'AM083'), [JSON.stringify(five)]);
  });

  it('AM084: an ActionCard or InvokeAddInCommand inside an ActionCard, which is not descended into', () => {
    const nested = { '@type': 'ActionCard', name: 'Inner', actions: [{ '@type': 'ViewAction', name: 'Old' }] };
    const text = messageCard({ potentialAction: [{ '@type': 'ActionCard', name: 'Outer', actions: [nested, { '@type': 'InvokeAddInCommand', name: 'Add-in' }] }] });
    assert.deepEqual(reportedRanges(text, 'AM084'), ['"ActionCard"', '"InvokeAddInCommand"']);
    assert.deepEqual(ruleIds(text), ['AM080', 'AM084']);
    assert.match(messages(text, 'AM084')[0]!, /only contain OpenUri and HttpPOST.*do not nest/);
  });

  it('AM085: HttpPOST target missing, http, or without host', () => {
    const post = (target: unknown) => messageCard({ potentialAction: [{ '@type': 'HttpPOST', name: 'Done', target }] });
    assert.deepEqual(reportedRanges(post(undefined), 'AM085'), ['"HttpPOST"']);
    assert.deepEqual(reportedRanges(post('http://api.contoso.example/done'), 'AM085'), ['"http://api.contoso.example/done"']);
    assert.deepEqual(reportedRanges(post('https://'), 'AM085'), ['"https://"']);
    assert.deepEqual(ruleIds(post('https://api.contoso.example/done')), ['AM080']);
  });

  it('AM086: unknown action and input types', () => {
    const viewAction = messageCard({ potentialAction: [{ '@type': 'ViewAction', name: 'Open', target: ['https://a.example/task'] }] });
    assert.deepEqual(reportedRanges(viewAction, 'AM086'), ['"ViewAction"']);
    assert.match(messages(viewAction, 'AM086')[0]!, /"OpenUri", "HttpPOST", "ActionCard" and "InvokeAddInCommand".*pre-2016 form of OpenUri/);
    assert.deepEqual(reportedRanges(messageCard({ potentialAction: [{ name: 'No type' }] }), 'AM086'), ['{"name":"No type"}']);
    const input = messageCard({ potentialAction: [{ '@type': 'ActionCard', name: 'Ask', inputs: [{ '@type': 'ChoiceInput', id: 'x' }], actions: [] }] });
    assert.deepEqual(reportedRanges(input, 'AM086'), ['"ChoiceInput"']);
    assert.match(messages(input, 'AM086')[0]!, /"TextInput", "DateInput" or "MultichoiceInput"/);
    // The type as written, and a null type as none.
    assert.match(messages(viewAction, 'AM086')[0]!, /^Action type "ViewAction" is unknown:/);
    assert.match(messages(input, 'AM086')[0]!, /^Input type "ChoiceInput" is not a MessageCard input/);
    assert.match(messages(messageCard({ potentialAction: [{ '@type': null, name: 'Open' }] }), 'AM086')[0]!, /^This action has no "@type":/);
    assert.match(messages(messageCard({ potentialAction: [{ '@type': 7, name: 'Open' }] }), 'AM086')[0]!, /^"@type" must be a string, not the number 7:/);
  });

  it('AM087: OpenUri targets missing, empty, with a bad os or without uri', () => {
    const open = (targets: unknown) => messageCard({ potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets }] });
    assert.deepEqual(reportedRanges(open(undefined), 'AM087'), ['"OpenUri"']);
    assert.deepEqual(reportedRanges(open([]), 'AM087'), ['[]']);
    assert.deepEqual(reportedRanges(open('https://a.example'), 'AM087'), ['"https://a.example"']);
    assert.deepEqual(reportedRanges(open([{ os: 'macOS', uri: 'https://a.example' }, { os: 'ios', uri: 'https://a.example' }]), 'AM087'), ['"macOS"', '"ios"']);
    assert.deepEqual(reportedRanges(open([{ os: 'default' }, { os: 'default', uri: '' }]), 'AM087'), ['{"os":"default"}', '""']);
    assert.deepEqual(ruleIds(open([{ uri: 'https://a.example' }])), ['AM080']);
  });

  it('AM088: HttpPOST headers as an object, or with entries that are not {name, value} pairs', () => {
    const post = (headers: unknown) => messageCard({ potentialAction: [{ '@type': 'HttpPOST', name: 'Done', target: 'https://api.contoso.example/done', headers }] });
    assert.deepEqual(reportedRanges(post({ 'Content-Type': 'application/json' }), 'AM088'), ['{"Content-Type":"application/json"}']);
    assert.match(messages(post({ 'Content-Type': 'application/json' }), 'AM088')[0]!, /"headers" must be an array of \{"name": …, "value": …\} objects, not an object/);
    assert.deepEqual(reportedRanges(post([{ name: 'X-A' }, 'X-B: c', { name: 5, value: 'v' }]), 'AM088'), ['{"name":"X-A"}', '"X-B: c"', '5']);
    assert.deepEqual(ruleIds(post([{ name: 'Content-Type', value: 'application/json' }, { name: 'Authorization', value: '' }])), ['AM080']);
  });

  it('AM088: a training demo\'s shape, each header an object of its own inside ActionCards, reported once per header', () => {
    const expense = (verb: string) => ({
      '@type': 'ActionCard', name: verb, inputs: [{ '@type': 'TextInput', id: 'comment', title: 'Comment' }],
      actions: [{ '@type': 'HttpPOST', name: verb, target: `https://expenses.contoso.example/${verb}`, body: 'comment={{comment.value}}', headers: [{ 'Content-Type': 'application/x-www-form-urlencoded' }] }],
    });
    const text = messageCard({ potentialAction: [expense('approve'), expense('reject')] });
    assert.deepEqual(reportedRanges(text, 'AM088'), ['{"Content-Type":"application/x-www-form-urlencoded"}', '{"Content-Type":"application/x-www-form-urlencoded"}']);
    assert.match(messages(text, 'AM088')[0]!, /written as \{"Content-Type": …\}: write it as \{"name": "Content-Type", "value": "…"\}/);
  });

  it('AM088 with AM085 on one HttpPOST: each rule reports its own property', () => {
    const text = messageCard({ potentialAction: [{ '@type': 'HttpPOST', name: 'Done', target: 'http://api.contoso.example/done', headers: {} }] });
    assert.deepEqual(ruleIds(text), ['AM080', 'AM085', 'AM088']);
  });

  it('applies the Outlook root property rules AM010, AM012–AM015 to the MessageCard root', () => {
    assert.deepEqual(reportedRanges(messageCard({ originator: undefined }), 'AM010'), ['"MessageCard"']);
    assert.deepEqual(reportedRanges(messageCard({ originator: 'contoso' }), 'AM012'), ['"contoso"']);
    assert.deepEqual(reportedRanges(messageCard({ hideOriginalBody: 'true' }), 'AM013'), ['"true"']);
    assert.deepEqual(reportedRanges(messageCard({ correlationId: 'order-42' }), 'AM014'), ['"order-42"']);
    assert.deepEqual(reportedRanges(messageCard({ expectedActors: ['ana@contoso.example', 'john'] }), 'AM015'), ['"john"']);
  });
});
