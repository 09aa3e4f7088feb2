import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, findings, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const body = (...elements: unknown[]) => card('1.0', elements);

describe('AM060 input id', () => {
  it('reports a missing id on the type and a bad one on the value', () => {
    assert.deepEqual(reportedRanges(body({ type: 'Input.Text', placeholder: 'Comment' }), 'AM060'), ['"Input.Text"']);
    assert.deepEqual(reportedRanges(body({ type: 'Input.Number', id: '' }), 'AM060'), ['""']);
    assert.deepEqual(reportedRanges(body({ type: 'Input.Date', id: 3 }), 'AM060'), ['3']);
    assert.match(messages(body({ type: 'Input.Text' }), 'AM060')[0]!, /"id"/);
  });
  it('covers every supported input type', () => {
    for (const type of ['Input.Text', 'Input.Number', 'Input.Date', 'Input.Toggle', 'Input.ChoiceSet']) {
      const input = { type, title: 'T', choices: [{ title: 'A', value: 'a' }] };
      assert.deepEqual(ruleIds(body(input)), ['AM060'], type);
      assert.deepEqual(ruleIds(body({ ...input, id: 'x' })), [], type);
    }
  });
});

describe('AM061 duplicate ids', () => {
  it('reports the spec example on the later of two inputs with one id, and accepts the corrected card', () => {
    const text = body({ type: 'Input.Text', id: 'name' }, { type: 'Input.Text', id: 'name', placeholder: 'again' });
    assert.deepEqual(findings(text).filter((f) => f.rule === 'AM061').map((f) => f.offset), [text.lastIndexOf('"name"')]);
    assert.match(messages(text, 'AM061')[0]!, /input's id must be unique/);
    assert.deepEqual(ruleIds(body({ type: 'Input.Text', id: 'name' }, { type: 'Input.Text', id: 'name2' })), []);
  });
  it('points to the earlier id as a related place', () => {
    const text = body({ type: 'TextBlock', id: 'email', text: 'E' }, { type: 'Input.Text', id: 'Email' });
    const [duplicate] = findings(text).filter((f) => f.rule === 'AM061');
    assert.deepEqual(duplicate?.related, [{ offset: text.indexOf('"email"'), length: '"email"'.length, message: 'The earlier TextBlock with the id "email"' }]);
  });
  it('reports inputs whose ids differ only in case, saying why', () => {
    const text = body({ type: 'Input.Text', id: 'email' }, { type: 'Input.Text', id: 'Email' });
    assert.deepEqual(reportedRanges(text, 'AM061'), ['"Email"']);
    assert.match(messages(text, 'AM061')[0]!, /case/);
  });
  it('reports an input sharing its id with another node, in either order and case, across ShowCard cards', () => {
    assert.deepEqual(reportedRanges(body({ type: 'TextBlock', id: 'email', text: 'E' }, { type: 'Input.Text', id: 'Email' }), 'AM061'), ['"Email"']);
    const showCard = { type: 'Action.ShowCard', id: 'comment', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'Comment' }] } };
    const text = card('1.0', [{ type: 'Input.Text', id: 'comment' }], { actions: [showCard] });
    assert.deepEqual(reportedRanges(text, 'AM061'), ['"comment"', '"Comment"']);
  });
  it('reports a toggle target id carried by several nodes, case-sensitively, wherever the toggle is', () => {
    const toggle = { type: 'Action.ToggleVisibility', title: 'Details', targetElements: [{ elementId: 'details', isVisible: true }] };
    const text = card('1.0', [
      { type: 'Container', id: 'details', isVisible: false, items: [{ type: 'TextBlock', text: 'A' }] },
      { type: 'ColumnSet', columns: [{ type: 'Column', id: 'details', items: [{ type: 'TextBlock', id: 'Details', text: 'B' }] }] },
    ], { actions: [toggle] });
    assert.deepEqual(reportedRanges(text, 'AM061'), ['"details"']);
    assert.match(messages(text, 'AM061')[0]!, /ToggleVisibility.*ambiguous/);
  });
  it('accepts other shared ids: two actions, or two containers nothing targets', () => {
    // The shape of Microsoft's Approval sample: two ToggleVisibility selectActions share one id, and each targets
    // elements of its own.
    const expand = (target: string) => ({ type: 'Action.ToggleVisibility', id: 'Expand', targetElements: [target] });
    const text = card('1.0', [
      { type: 'Container', id: 'history', selectAction: expand('historyList'), items: [{ type: 'TextBlock', text: 'History' }] },
      { type: 'Container', id: 'historyList', isVisible: false, items: [{ type: 'TextBlock', text: 'Approved' }] },
      { type: 'Container', id: 'history', selectAction: expand('detailList'), items: [{ type: 'TextBlock', text: 'Details' }] },
      { type: 'Container', id: 'detailList', isVisible: false, items: [{ type: 'TextBlock', text: '12 items' }] },
    ]);
    assert.deepEqual(ruleIds(text), []);
  });
  it('reports each further duplicate once', () => {
    const text = body({ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'A' }, { type: 'Input.Text', id: 'a' });
    assert.deepEqual(reportedRanges(text, 'AM061'), ['"A"', '"a"']);
  });
});

describe('AM062 regex', () => {
  const regexCard = (regex: unknown) => card('1.4', [{ type: 'Input.Text', id: 'zip', label: 'ZIP', regex }]);
  it('reports patterns that do not compile, with the reason', () => {
    assert.deepEqual(reportedRanges(regexCard('([0-9]{5}'), 'AM062'), ['"([0-9]{5}"']);
    assert.match(messages(regexCard('([0-9]{5}'), 'AM062')[0]!, /regular expression.*\(/);
    assert.deepEqual(ruleIds(regexCard('^A({4')), ['AM062']);
    assert.deepEqual(ruleIds(regexCard('^A({4}')), ['AM062']);
    assert.deepEqual(ruleIds(regexCard('[z-a]')), ['AM062']);
  });
  it('reports a non-string regex', () => {
    assert.deepEqual(reportedRanges(regexCard(5), 'AM062'), ['5']);
  });
  it('compiles without the unicode flag (Annex B)', () => {
    assert.deepEqual(ruleIds(regexCard('^A{4')), []);
    assert.deepEqual(ruleIds(regexCard('^\\d{5}(-\\d{4})?$')), []);
    assert.deepEqual(ruleIds(regexCard('\\p')), []);
  });
});

describe('AM063 required properties', () => {
  it('reports a missing property on the type and a wrong one on the value', () => {
    assert.deepEqual(reportedRanges(body({ type: 'TextBlock', weight: 'bolder' }), 'AM063'), ['"TextBlock"']);
    assert.deepEqual(reportedRanges(body({ type: 'TextBlock', text: 5 }), 'AM063'), ['5']);
    assert.deepEqual(reportedRanges(body({ type: 'Container', items: {} }), 'AM063'), ['{}']);
    assert.match(messages(body({ type: 'TextBlock' }), 'AM063')[0]!, /TextBlock requires "text"/);
  });
  it('says what is wrong with a value that is there: empty, or of another type', () => {
    assert.deepEqual(messages(body({ type: 'Input.ChoiceSet', id: 'c', choices: [] }), 'AM063'),
      ['Input.ChoiceSet requires "choices" as a non-empty array, and this one is empty: add at least one item, or the element is dropped.']);
    assert.deepEqual(messages(body({ type: 'TextBlock', text: ['a'] }), 'AM063'),
      ['TextBlock requires "text" as a non-empty string, not an array: correct it, or the element is dropped.']);
    assert.deepEqual(messages(body({ type: 'TextBlock' }), 'AM063'),
      ['TextBlock requires "text" as a non-empty string: add it, or the element is dropped.']);
  });
  it('covers the whole table', () => {
    const missing = ['TextBlock', 'Image', 'Container', 'FactSet', 'ImageSet', 'ActionSet', 'Media', 'RichTextBlock'];
    for (const type of missing) assert.deepEqual(ruleIds(card('1.4', [{ type }])), ['AM063'], type);
    assert.deepEqual(ruleIds(body({ type: 'Input.Toggle', id: 't' })), ['AM063']);
    assert.deepEqual(ruleIds(body({ type: 'Input.ChoiceSet', id: 'c', choices: [] })), ['AM063']);
  });
  it('reports an Image without url as AM063, not AM070, also in an ImageSet', () => {
    assert.deepEqual(ruleIds(body({ type: 'Image', altText: 'logo' })), ['AM063']);
    assert.deepEqual(ruleIds(body({ type: 'ImageSet', images: [{ type: 'Image' }, { url: 'https://a.example/a.png' }] })), ['AM063']);
  });
  it('checks facts and choices', () => {
    const facts = body({ type: 'FactSet', facts: [{ title: 'Owner', value: 'Ana' }, { title: 'Due' }, 'x', { title: 2, value: 'v' }] });
    assert.deepEqual(reportedRanges(facts, 'AM063'), ['{"title":"Due"}', '"x"', '2']);
    assert.deepEqual(reportedRanges(body({ type: 'FactSet', facts: [{ title: 'Owner', value: '' }] }), 'AM063'), ['""']);
    const choices = body({ type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'A', value: 'a' }, { value: 'b' }] });
    assert.deepEqual(reportedRanges(choices, 'AM063'), ['{"value":"b"}']);
  });
  it('accepts complete elements', () => {
    const text = body(
      { type: 'TextBlock', text: 'Hi' }, { type: 'Image', url: 'https://a.example/a.png' }, { type: 'Container', items: [] },
      { type: 'FactSet', facts: [{ title: 'Owner', value: 'Ana' }] }, { type: 'ImageSet', images: [] },
      { type: 'Input.Toggle', id: 't', title: 'Agree' }, { type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'A', value: 'a' }] },
    );
    assert.deepEqual(ruleIds(text), []);
  });
});

describe('AM064 required input without label', () => {
  it('reports on the input type', () => {
    const text = card('1.4', [{ type: 'Input.Text', id: 'name', isRequired: true, errorMessage: 'Required' }]);
    assert.deepEqual(reportedRanges(text, 'AM064'), ['"Input.Text"']);
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Input.Text', id: 'name', isRequired: true, label: ' ' }])), ['AM064']);
  });
  it('accepts a label, or an optional input', () => {
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Input.Text', id: 'name', isRequired: true, label: 'Name' }])), []);
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Input.Text', id: 'name', isRequired: false }])), []);
  });
  it('reports from version 1.3 on, and not below, where AM022 reports the isRequired instead', () => {
    const unlabelled = [{ type: 'Input.ChoiceSet', id: 'mood', isRequired: true, choices: [{ title: 'Good', value: 'good' }] }];
    assert.deepEqual(ruleIds(card('1.3', unlabelled)), ['AM004', 'AM064']);
    // A 1.0 survey with required, unlabelled choice sets: one finding each (AM022), not a second one asking for a label.
    assert.deepEqual(ruleIds(card('1.0', unlabelled)), ['AM022']);
    assert.deepEqual(ruleIds(card('1.2', unlabelled)), ['AM004', 'AM022']);
  });
  it('is not reported while the version is unreadable (AM002)', () => {
    assert.deepEqual(ruleIds(card('v1.4', [{ type: 'Input.Text', id: 'name', isRequired: true }])), ['AM002']);
  });
});
