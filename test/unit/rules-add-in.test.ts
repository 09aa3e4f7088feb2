import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const ADD_IN_ID = '0e6b9f21-c4d8-47a3-9b5e-8f2a1d6c3e70';
const TEXT = { type: 'TextBlock', text: 'Hi' };

function withAction(action: Record<string, unknown>): string {
  return card('1.0', [TEXT], { actions: [action] });
}

function addInCommand(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'Action.InvokeAddInCommand', title: 'Open', ...properties };
}

function legacyCard(action: Record<string, unknown>): string {
  return JSON.stringify({
    '@type': 'MessageCard', '@context': 'https://schema.org/extensions', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', summary: 'Task',
    potentialAction: [{ '@type': 'InvokeAddInCommand', name: 'Open', ...action }],
  });
}

describe('AM050 missing add-in ids', () => {
  it('reports a missing desktopCommandId on the action type, naming it', () => {
    const text = withAction(addInCommand({ addInId: ADD_IN_ID }));
    assert.deepEqual(reportedRanges(text, 'AM050'), ['"Action.InvokeAddInCommand"']);
    assert.match(messages(text, 'AM050')[0]!, /needs "desktopCommandId".*add-in button/);
  });

  it('reports both missing ids in one finding, and an empty addInId as missing rather than as a non-GUID', () => {
    assert.match(messages(withAction(addInCommand({})), 'AM050').join('|'), /^[^|]*needs "addInId" and "desktopCommandId"[^|]*$/);
    assert.deepEqual(ruleIds(withAction(addInCommand({ addInId: ' ', desktopCommandId: 'openPane' }))), ['AM050']);
  });

  it('reports a desktopCommandId that is not a string on its value', () => {
    assert.deepEqual(reportedRanges(withAction(addInCommand({ addInId: ADD_IN_ID, desktopCommandId: 7 })), 'AM050'), ['7']);
  });

  it('finds add-in commands in ActionSets and ShowCard cards', () => {
    const text = card('1.0', [{ type: 'ActionSet', actions: [addInCommand({ desktopCommandId: 'openPane' })] }], {
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [TEXT], actions: [addInCommand({ addInId: ADD_IN_ID })] } }],
    });
    assert.deepEqual(reportedRanges(text, 'AM050'), ['"Action.InvokeAddInCommand"', '"Action.InvokeAddInCommand"']);
  });
});

describe('AM051 addInId not a GUID', () => {
  it('reports the value', () => {
    const text = withAction(addInCommand({ addInId: 'contoso.addin', desktopCommandId: 'openPane' }));
    assert.deepEqual(reportedRanges(text, 'AM051'), ['"contoso.addin"']);
    assert.match(messages(text, 'AM051')[0]!, /GUID.*not the string "contoso\.addin"/);
    assert.deepEqual(reportedRanges(withAction(addInCommand({ addInId: `{${ADD_IN_ID}}`, desktopCommandId: 'openPane' })), 'AM051'), [`"{${ADD_IN_ID}}"`]);
  });
});

describe('AM052 initializationContext not an object', () => {
  it('reports arrays and strings, telling to unquote JSON in a string', () => {
    assert.deepEqual(reportedRanges(withAction(addInCommand({ addInId: ADD_IN_ID, desktopCommandId: 'openPane', initializationContext: [1, 2] })), 'AM052'), ['[1,2]']);
    const quoted = withAction(addInCommand({ addInId: ADD_IN_ID, desktopCommandId: 'openPane', initializationContext: '{"id": 1}' }));
    assert.match(messages(quoted, 'AM052')[0]!, /not a string containing it: remove the quotes/);
  });

  it('accepts an object, and leaves an absent or null one alone', () => {
    for (const initializationContext of [{ ticket: 42, mode: 'review' }, null, undefined]) {
      assert.deepEqual(ruleIds(withAction(addInCommand({ addInId: ADD_IN_ID, desktopCommandId: 'openPane', initializationContext }))), []);
    }
  });
});

describe('legacy InvokeAddInCommand in a MessageCard', () => {
  it('gets AM050–AM052 with the legacy type on the @type value', () => {
    assert.deepEqual(reportedRanges(legacyCard({ addInId: ADD_IN_ID }), 'AM050'), ['"InvokeAddInCommand"']);
    assert.match(messages(legacyCard({ addInId: ADD_IN_ID }), 'AM050')[0]!, /^InvokeAddInCommand needs "desktopCommandId"/);
    assert.deepEqual(ruleIds(legacyCard({ addInId: 'contoso', desktopCommandId: 'openPane' })), ['AM051', 'AM080']);
    assert.deepEqual(ruleIds(legacyCard({ addInId: ADD_IN_ID, desktopCommandId: 'openPane', initializationContext: 'x' })), ['AM052', 'AM080']);
    assert.deepEqual(ruleIds(legacyCard({ addInId: ADD_IN_ID, desktopCommandId: 'openPane', initializationContext: { a: 1 } })), ['AM080']);
  });
});
