// Rule `schema`: the project's card schema (server/schema/outlook-card.schema.json) reports plain type errors and
// enum violations, and never what an Outlook rule owns.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseJsonDocument, propertyKey, propertyValue, arrayItems } from '../../server/src/card/json-document';
import { detectDocumentKind } from '../../server/src/card/document-kind';
import { checkCardSchema, type TextRange } from '../../server/src/rules/schema-check';
import { card, covered, findings } from './helpers';

const repoRoot = path.join(__dirname, '../../..');
const specExamples: Record<string, string> = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/spec-examples.json'), 'utf8'));

/** Schema problems of an Adaptive Card text, before the rules' findings are taken into account. */
function rawSchemaProblems(text: string, ruleReports: readonly TextRange[] = []) {
  const root = parseJsonDocument(text).root;
  assert.ok(root, 'test card must parse');
  return checkCardSchema(root, ruleReports);
}

function schemaFindings(text: string, settings = {}) {
  return findings(text, settings).filter((f) => f.rule === 'schema');
}

const GOOD_CARDS: Record<string, string> = {
  'Outlook sample with designer properties (padding, isPrimary) and 1.0 extensions': JSON.stringify({
    type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', hideOriginalBody: true,
    correlationId: '2d7c9e51-0b84-4f3a-a6e2-9c15d8b47f03', expectedActors: ['ana@contoso.example'], padding: 'None',
    body: [
      { type: 'ColumnSet', padding: { top: 'Default', bottom: 'Small', left: 'Default', right: 'Default' }, columns: [
        { type: 'Column', width: '50px', verticalContentAlignment: 'Center', backgroundImage: 'https://cdn.contoso.example/bg.png',
          items: [{ type: 'Image', url: 'https://cdn.contoso.example/logo.png', width: '40px', height: '40px', backgroundColor: '#FFFFFF', size: 'Small', style: 'Person' }] },
        { width: 'stretch', items: [{ type: 'TextBlock', text: '**Expense report** ready', weight: 'Bolder', size: 'Medium', color: 'Accent', wrap: true, isSubtle: false, maxLines: 2 }] },
        { type: 'Column', width: 2, items: [] },
      ] },
      { type: 'TextBlock', id: 'details', text: 'Details', isVisible: false, spacing: 'Medium', separator: true, horizontalAlignment: 'Right' },
      { type: 'FactSet', facts: [{ title: 'Amount', value: 'USD 120.00' }] },
      { type: 'ImageSet', imageSize: 'medium', images: [{ url: 'https://cdn.contoso.example/a.png' }, { type: 'Image', url: 'https://cdn.contoso.example/b.png' }] },
      { type: 'Input.Text', id: 'comment', placeholder: 'Comment', isMultiline: true, maxLength: 500, style: 'Text' },
      { type: 'Input.Number', id: 'quantity', min: 1, max: 10, value: 2 },
      { type: 'Input.Date', id: 'due', value: '2026-06-30' },
      { type: 'Input.Toggle', id: 'notify', title: 'Notify me', valueOn: 'yes', valueOff: 'no', value: 'yes' },
      { type: 'Input.ChoiceSet', id: 'reason', style: 'compact', isMultiSelect: false, choices: [{ title: 'Travel', value: 'travel' }] },
      { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: 'More', targetElements: ['details', { elementId: 'details', isVisible: true }] }] },
      { type: 'Container', style: 'emphasis', selectAction: { type: 'Action.OpenUrl', url: 'https://contoso.example/r/1' }, items: [{ type: 'TextBlock', text: 'Open' }] },
    ],
    autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/latest', body: '' },
    actions: [
      { type: 'Action.Http', title: 'Approve', isPrimary: true, method: 'POST', url: 'https://api.contoso.example/approve',
        body: '{"comment": "{{comment.value}}"}', headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Authorization', value: '' }] },
      { type: 'Action.ShowCard', title: 'Reject', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'why', isMultiline: true }],
        actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/reject', body: '{{why.value}}' }] } },
      { type: 'Action.InvokeAddInCommand', title: 'Open add-in', addInId: '0e6b9f21-c4d8-47a3-9b5e-8f2a1d6c3e70', desktopCommandId: 'openPane', initializationContext: { id: 42 } },
      { type: 'Action.DisplayMessageForm', title: 'Open message', itemId: 'AAMkAGI2TG93AAA=' },
      { type: 'Action.DisplayAppointmentForm', title: 'Open meeting', itemId: 'AAMkAGI2TG94AAA=' },
    ],
  }),
  'UAM card with refresh, RichTextBlock, validation, fallback string and null properties': JSON.stringify({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
    refresh: { action: { type: 'Action.Execute', verb: 'refresh', data: { id: 7 } }, userIds: [] },
    backgroundImage: { url: 'https://cdn.contoso.example/bg.png', fillMode: 'RepeatHorizontally' }, minHeight: '120px',
    body: [
      { type: 'RichTextBlock', inlines: ['Plain ', { type: 'TextRun', text: 'bold', weight: 'bolder', italic: true, underline: true, selectAction: { type: 'Action.OpenUrl', url: 'https://contoso.example' } }] },
      { type: 'Input.Text', id: 'name', label: 'Name', isRequired: true, errorMessage: 'Required', regex: '^[A-Z]', inlineAction: { type: 'Action.Execute', verb: 'x', title: 'Go' } },
      { type: 'Input.ChoiceSet', id: 'size', label: 'Size', wrap: true, choices: [{ title: 'S', value: 's' }], height: 'stretch', selectAction: null },
      { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://cdn.contoso.example/v.mp4' }], poster: 'https://cdn.contoso.example/p.png' },
      { type: 'Table', rows: [], fallback: { type: 'TextBlock', text: 'No table' } },
    ],
    actions: [
      { type: 'Action.Execute', title: 'Approve', verb: 'approve', style: 'Positive', associatedInputs: 'auto', fallback: 'Action.Submit', requires: { adaptiveCards: '1.4' } },
    ],
  }),
};

describe('schema check: no overlap with the Outlook rules', () => {
  for (const [rule, text] of Object.entries(specExamples)) {
    it(`${rule} example gets no schema finding`, () => {
      assert.deepEqual(schemaFindings(text, rule === 'AM094' ? { sender: 'alerts@contoso.example' } : {}), []);
      if (detectDocumentKind(parseJsonDocument(text).root) === 'adaptiveCard') assert.deepEqual(rawSchemaProblems(text), []);
    });
  }

  const examplesDir = path.join(repoRoot, 'examples');
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
    it(`examples/${file} gets no schema problem`, () => {
      assert.deepEqual(rawSchemaProblems(readFileSync(path.join(examplesDir, file), 'utf8')), []);
    });
  }

  for (const [name, text] of Object.entries(GOOD_CARDS)) {
    it(`good card: ${name}`, () => {
      assert.deepEqual(rawSchemaProblems(text), []);
      assert.deepEqual(schemaFindings(text), []);
    });
  }

  it('leaves values the rules own alone (types, URLs, method, headers, widths, ids, version, originator)', () => {
    const text = JSON.stringify({
      type: 'AdaptiveCard', version: 1.0, originator: 42, hideOriginalBody: 'true', correlationId: 7, expectedActors: 'ana', $schema: 5,
      body: [
        { type: 'TextBlock', text: 5 }, { type: 'Image', url: 3, width: 40, height: 'big', backgroundColor: 1 }, 'not an element',
        { type: 'Input.Text', id: 9, regex: 5 }, { type: 'Container', items: 'none' }, { type: 'FactSet', facts: [{ title: 1, value: 2 }] },
        { type: 'ColumnSet', columns: [{ width: '30%', items: [] }] }, { type: 'Unknown', wrap: 'yes' },
      ],
      actions: [
        { type: 'Action.Http', method: 'patch', url: 5, headers: { name: 'x' } },
        { type: 'Action.ToggleVisibility', targetElements: 'x' },
        { type: 'Action.InvokeAddInCommand', addInId: 1, desktopCommandId: 2, initializationContext: '{}' },
        { type: 'Action.ShowCard', card: 'none' }, { type: 'Action.Submit', data: 5 }, 7,
      ],
      refresh: 'now', autoInvokeAction: 'x',
    });
    assert.deepEqual(rawSchemaProblems(text), []);
  });

  it('reports the type of a value whose rule checks only that it is there: an Action.Http body, a form action\'s itemId', () => {
    const text = card('1.0', [{ type: 'TextBlock', text: 'Hi' }], {
      actions: [
        { type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://api.contoso.example/go', body: { comment: '{{c.value}}' } },
        { type: 'Action.DisplayMessageForm', title: 'Open', itemId: 5 },
        { type: 'Action.DisplayAppointmentForm', title: 'Open', itemId: ['AAMk'] },
      ],
    });
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => covered(text, f)), ['{"comment":"{{c.value}}"}', '5', '["AAMk"]']);
    assert.match(found[0]!.message, /"body" must be a string, not an object/);
  });

  it('does not flag unknown properties (spec § 6)', () => {
    assert.deepEqual(rawSchemaProblems(card('1.0', [{ type: 'TextBlock', text: 'Hi', customHint: 'x' }], { vendorData: { a: 1 } })), []);
  });
});

describe('schema check: type errors and enum violations', () => {
  it('flags a wrong type and a bad enum value on the value node, with the property in the message', () => {
    const text = card('1.0', [{ type: 'TextBlock', text: 'Hi', wrap: 'yes', size: 'huge', spacing: 3 }]);
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => covered(text, f)), ['"yes"', '"huge"', '3']);
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.match(found[0].message, /"wrap" must be a boolean, not the string "yes"/);
    assert.match(found[1].message, /"size" must be one of "default", "small", "medium", "large", "extraLarge" \(in any case\), not the string "huge"/);
    assert.match(found[2].message, /"spacing" must be a string, not the number 3/);
  });

  it('accepts enum values in any case', () => {
    assert.deepEqual(rawSchemaProblems(card('1.0', [{ type: 'TextBlock', text: 'Hi', size: 'EXTRALARGE', weight: 'Bolder', horizontalAlignment: 'CENTER' }])), []);
  });

  it('accepts null wherever a value is optional', () => {
    assert.deepEqual(rawSchemaProblems(card('1.0', [{ type: 'TextBlock', text: 'Hi', wrap: null, size: null }])), []);
  });

  it('checks nested places: ShowCard cards, columns, ImageSet images, ActionSet and select actions, TextRuns, card root', () => {
    const text = card('1.4', [
      { type: 'ColumnSet', columns: [{ items: [{ type: 'TextBlock', text: 'a', isSubtle: 'no' }], style: 'loud' }] },
      { type: 'ImageSet', images: [{ url: 'https://a.example/i.png', size: 'tiny' }] },
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', url: 'https://a.example', style: 'red' }] },
      { type: 'Container', items: [], selectAction: { type: 'Action.Execute', verb: 5 } },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'r', italic: 'yes' }, 5] },
    ], {
      fallbackText: 3,
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Toggle', id: 't', title: 'T', wrap: 'yes' }] } }],
    });
    const found = schemaFindings(text);
    assert.deepEqual(found.map((f) => covered(text, f)), ['"no"', '"loud"', '"tiny"', '"red"', '5', '"yes"', '5', '3', '"yes"']);
    assert.match(found[6].message, /^Item 1 of "inlines" must be a string or an object, not the number 5/);
  });

  it('reports on the value of the last duplicate key, the one the card uses', () => {
    const text = '{"type": "AdaptiveCard", "version": "1.0", "originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a", "body": [{"type": "TextBlock", "text": "Hi", "wrap": true, "wrap": "yes"}]}';
    const [problem] = rawSchemaProblems(text);
    assert.equal(text.slice(problem.offset, problem.offset + problem.length), '"yes"');
    assert.equal(problem.offset, text.lastIndexOf('"yes"'));
  });
});

describe('schema check: the rules win', () => {
  const text = card('1.0', [{ type: 'TextBlock', text: 'Hi', wrap: 'yes', size: 'huge' }]);
  const root = parseJsonDocument(text).root!;
  const block = arrayItems(propertyValue(root, 'body'))[0];

  it('drops a problem when a rule reported the same property key, its value, or an enclosing node', () => {
    for (const reported of [propertyKey(block, 'wrap')!, propertyValue(block, 'wrap')!, block, propertyValue(root, 'body')!]) {
      assert.deepEqual(rawSchemaProblems(text, [reported]).map((p) => text.slice(p.offset, p.offset + p.length)), reported === block || reported.type === 'array' ? [] : ['"huge"']);
    }
  });

  it('keeps a problem when a rule reported a sibling', () => {
    assert.equal(rawSchemaProblems(text, [propertyValue(block, 'type')!]).length, 2);
  });

  it('is not run on MessageCards, or when the user turned it off', () => {
    const messageCard = '{"@type": "MessageCard", "@context": "https://schema.org/extensions", "originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a", "summary": "s", "wrap": "yes", "sections": [{"wrap": "yes"}]}';
    assert.deepEqual(schemaFindings(messageCard), []);
    assert.deepEqual(schemaFindings(text, { severities: { schema: 'off' } }), []);
    assert.deepEqual(schemaFindings(text, { severities: { schema: 'error' } }).map((f) => f.severity), ['error', 'error']);
  });
});

/**
 * A value marked `x-rule` is left by the schema check to its rule, so the rule must report a value of the wrong type:
 * otherwise nothing does (an Action.Http body given as an object once passed silently). Each marked property of the
 * schema is tried in a card that is clean without it; a property the table below has no host for fails the test.
 */
describe('schema check: every value left to a rule is still reported when its type is wrong', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'server/schema/outlook-card.schema.json'), 'utf8')) as {
    definitions: Record<string, { properties?: Record<string, { type?: string | string[]; 'x-rule'?: string }> }>;
  };
  const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
  const TEXT = { type: 'TextBlock', text: 'Hi', id: 'shown' };
  const IMAGE_URL = 'https://a.example/i.png';
  const ELEMENTS: Record<string, Record<string, unknown>> = {
    TextBlock: { type: 'TextBlock', text: 'x' },
    RichTextBlock: { type: 'RichTextBlock', inlines: ['x'] },
    Image: { type: 'Image', url: IMAGE_URL },
    ImageSet: { type: 'ImageSet', images: [{ type: 'Image', url: IMAGE_URL }] },
    Media: { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://a.example/v.mp4' }] },
    Container: { type: 'Container', items: [] },
    ColumnSet: { type: 'ColumnSet', columns: [] },
    FactSet: { type: 'FactSet', facts: [] },
    ActionSet: { type: 'ActionSet', actions: [] },
    'Input.Text': { type: 'Input.Text', id: 'text' },
    'Input.Number': { type: 'Input.Number', id: 'number' },
    'Input.Date': { type: 'Input.Date', id: 'date' },
    'Input.Toggle': { type: 'Input.Toggle', id: 'toggle', title: 'T' },
    'Input.ChoiceSet': { type: 'Input.ChoiceSet', id: 'choice', choices: [{ title: 'a', value: 'a' }] },
  };
  const ACTIONS: Record<string, Record<string, unknown>> = {
    'Action.Http': { type: 'Action.Http', title: 'H', method: 'POST', url: 'https://api.contoso.example/h', body: '' },
    'Action.Execute': { type: 'Action.Execute', title: 'E', verb: 'go' },
    'Action.OpenUrl': { type: 'Action.OpenUrl', title: 'O', url: 'https://a.example/' },
    'Action.ShowCard': { type: 'Action.ShowCard', title: 'S', card: { type: 'AdaptiveCard', body: [] } },
    'Action.ToggleVisibility': { type: 'Action.ToggleVisibility', title: 'T', targetElements: ['shown'] },
    'Action.InvokeAddInCommand': { type: 'Action.InvokeAddInCommand', title: 'A', addInId: ORIGINATOR, desktopCommandId: 'open' },
    'Action.DisplayMessageForm': { type: 'Action.DisplayMessageForm', title: 'M', itemId: 'AAMk' },
    'Action.DisplayAppointmentForm': { type: 'Action.DisplayAppointmentForm', title: 'M', itemId: 'AAMk' },
  };
  const root = (version: string, extra: Record<string, unknown>): Record<string, unknown> =>
    ({ type: 'AdaptiveCard', version, originator: ORIGINATOR, body: [TEXT], ...extra });
  const withElement = (element: Record<string, unknown>) => root('1.4', { body: [TEXT, element] });
  const withAction = (action: Record<string, unknown>) => root(action['type'] === 'Action.Execute' ? '1.4' : '1.0', { actions: [action] });
  /** For each definition with marked properties: a clean card with `set` applied where that definition applies. */
  const HOSTS: Record<string, (set: Record<string, unknown>) => Record<string, unknown>> = {
    AdaptiveCard: (set) => root('1.0', set),
    Refresh: (set) => root('1.4', { refresh: { action: ACTIONS['Action.Execute'], userIds: [], ...set } }),
    Element: (set) => withElement({ ...ELEMENTS['TextBlock'], ...set }),
    InputCommon: (set) => withElement({ ...ELEMENTS['Input.Text'], ...set }),
    Column: (set) => withElement({ type: 'ColumnSet', columns: [{ type: 'Column', items: [], ...set }] }),
    Action: (set) => withAction({ ...ACTIONS['Action.OpenUrl'], ...set }),
    ActionCommon: (set) => withAction({ ...ACTIONS['Action.OpenUrl'], ...set }),
    BackgroundImageOrUrl: (set) => root('1.4', { backgroundImage: { url: IMAGE_URL, ...set } }),
    ...Object.fromEntries(Object.keys(ELEMENTS).map((type) => [type, (set: Record<string, unknown>) => withElement({ ...ELEMENTS[type], ...set })])),
    ...Object.fromEntries(Object.keys(ACTIONS).map((type) => [type, (set: Record<string, unknown>) => withAction({ ...ACTIONS[type], ...set })])),
  };
  const CANDIDATES: readonly [string, unknown][] = [['number', 5], ['boolean', true], ['object', { a: 1 }], ['array', [1]], ['string', 'x']];

  const marked = Object.entries(schema.definitions).flatMap(([definition, { properties = {} }]) =>
    Object.entries(properties).filter(([, property]) => property['x-rule'] !== undefined).map(([name, property]) => ({ definition, name, property })));

  it('finds the marked properties', () => assert.ok(marked.length > 50, String(marked.length)));

  for (const { definition, name, property } of marked) {
    it(`${definition}.${name} (${property['x-rule']})`, () => {
      const host = HOSTS[definition];
      assert.ok(host, `no host card for ${definition}: add one to HOSTS`);
      const clean = JSON.stringify(host({}));
      assert.deepEqual(findings(clean).map((f) => `${f.rule} ${f.message}`), [], 'the host card is clean');
      const declared = property.type === undefined ? ['string', 'object'] : [property.type].flat();
      for (const [kind, value] of CANDIDATES) {
        if (declared.includes(kind)) continue;
        const text = JSON.stringify(host({ [name]: value }));
        assert.ok(findings(text).length > 0, `${definition}.${name} = ${JSON.stringify(value)} gets no finding`);
      }
    });
  }
});
