// Spec § 2: the one walk over an Adaptive Card that every Adaptive Card rule reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonDocument, type JsonNode } from '../../server/src/card/json-document';
import { actionsWithAutoInvoke, buildCardModel, compareVersion, parseVersion, type CardModel } from '../../server/src/card/card-model';

function modelOf(value: unknown, payloadHasOriginator?: boolean): { text: string; model: CardModel } {
  const text = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', ...(value as object) });
  return { text, model: buildCardModel(parseJsonDocument(text).root!, payloadHasOriginator) };
}

const textOf = (text: string, node: JsonNode): string => text.slice(node.offset, node.offset + node.length);

describe('card model: where elements and actions are found', () => {
  it('walks body, Container, ColumnSet columns, Column items, ImageSet images and RichTextBlock inlines', () => {
    const { model } = modelOf({
      body: [
        { type: 'Container', items: [{ type: 'TextBlock', text: 'a' }] },
        { type: 'ColumnSet', columns: [{ items: [{ type: 'Image', url: 'https://x.example/i.png' }] }] },
        { type: 'ImageSet', images: [{ url: 'https://x.example/1.png' }] },
        { type: 'RichTextBlock', inlines: ['plain', { type: 'TextRun', text: 'run' }] },
      ],
    });
    assert.deepEqual(model.elements.map((e) => [e.type, e.kind, e.known]), [
      ['Container', 'element', true], ['TextBlock', 'element', true],
      ['ColumnSet', 'element', true], ['Column', 'column', true], ['Image', 'element', true],
      ['ImageSet', 'element', true], ['Image', 'image', true],
      ['RichTextBlock', 'element', true], ['TextRun', 'textRun', true],
    ]);
  });

  it('finds actions in card actions, ActionSets, every selectAction host and inlineAction; autoInvokeAction apart', () => {
    const open = (title: string): unknown => ({ type: 'Action.OpenUrl', title, url: 'https://x.example/' });
    const { model } = modelOf({
      selectAction: open('card'),
      autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://x.example/', body: '' },
      body: [
        { type: 'Container', selectAction: open('container'), items: [] },
        { type: 'ColumnSet', selectAction: open('columnSet'), columns: [{ selectAction: open('column'), items: [] }] },
        { type: 'Image', url: 'https://x.example/i.png', selectAction: open('image') },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'r', selectAction: open('textRun') }] },
        { type: 'Input.Text', id: 'q', inlineAction: open('inline') },
        { type: 'ActionSet', actions: [open('actionSet')] },
        { type: 'TextBlock', text: 'no select action here', selectAction: open('ignored') },
      ],
      actions: [open('card actions')],
    });
    const titles = model.actions.map((a) => {
      const title = a.node.children?.find((p) => p.children?.[0]?.value === 'title')?.children?.[1]?.value;
      return `${a.slot}:${String(title)}`;
    });
    assert.deepEqual(titles, [
      'selectAction:container', 'selectAction:columnSet', 'selectAction:column', 'selectAction:image',
      'selectAction:textRun', 'inlineAction:inline', 'actions:actionSet', 'actions:card actions', 'selectAction:card',
    ]);
    assert.equal(model.autoInvokeAction?.slot, 'autoInvokeAction');
    assert.equal(model.autoInvokeAction?.type, 'Action.Http');
    assert.deepEqual(actionsWithAutoInvoke(model).map((a) => a.slot).slice(-2), ['selectAction', 'autoInvokeAction']);
    assert.equal(model.actionArrays.length, 2);
  });

  it('walks Action.ShowCard cards recursively with their depth, but not a ShowCard used as selectAction', () => {
    const inner = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'deep' }] };
    const { model } = modelOf({
      body: [{ type: 'Container', items: [], selectAction: { type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'hidden' }] } } }],
      actions: [{ type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.ShowCard', card: inner }] } }],
    });
    assert.deepEqual(model.cards.map((c) => c.showCardDepth), [0, 1, 2]);
    assert.deepEqual(model.elements.map((e) => e.type), ['Container', 'TextBlock']);
    assert.deepEqual(model.invalidShowCards, []);
  });

  it('records ShowCard cards that are not Adaptive Cards and does not walk them', () => {
    const { text, model } = modelOf({
      actions: [
        { type: 'Action.ShowCard', card: { '@type': 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] } },
        { type: 'Action.ShowCard', title: 'no card' },
        { type: 'Action.ShowCard', card: null },
      ],
    });
    assert.deepEqual(model.invalidShowCards.map((n) => textOf(text, n)), [
      '{"@type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}]}',
      '{"type":"Action.ShowCard","title":"no card"}',
      'null',
    ]);
    assert.equal(model.cards.length, 1);
    assert.deepEqual(model.elements, []);
  });
});

describe('card model: what is not walked', () => {
  it('never walks fallback content of elements or actions', () => {
    const { model } = modelOf({
      body: [{ type: 'TextBlock', text: 'a', fallback: { type: 'Container', items: [{ type: 'Input.Text', id: 'x' }] } }],
      actions: [{ type: 'Action.Execute', fallback: { type: 'Action.Submit' } }],
    });
    assert.deepEqual(model.elements.map((e) => e.type), ['TextBlock']);
    assert.deepEqual(model.actions.map((a) => a.type), ['Action.Execute']);
  });

  it('leaves out unknown elements and actions that have a fallback, but keeps Action.Submit', () => {
    const { model } = modelOf({
      body: [{ type: 'Table', fallback: 'drop' }, { type: 'Carousel' }],
      actions: [{ type: 'Action.Popover', fallback: 'drop' }, { type: 'Action.Submit', fallback: 'drop' }, { type: 'Action.Teleport' }],
    });
    assert.deepEqual(model.elements.map((e) => [e.type, e.known]), [['Carousel', false]]);
    assert.deepEqual(model.actions.map((a) => [a.type, a.known]), [['Action.Submit', false], ['Action.Teleport', false]]);
  });

  it('treats "fallback": null as no fallback (spec § 0 "Missing")', () => {
    const { model } = modelOf({ body: [{ type: 'Table', fallback: null }], actions: [{ type: 'Action.Popover', fallback: null }] });
    assert.deepEqual(model.elements.map((e) => e.type), ['Table']);
    assert.deepEqual(model.actions.map((a) => a.type), ['Action.Popover']);
  });

  it('does not descend into elements of unknown type or wrong column/image types', () => {
    const { model } = modelOf({
      body: [
        { type: 'container', items: [{ type: 'TextBlock', text: 'x' }] },
        { type: 'ColumnSet', columns: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'y' }] }] },
        'text',
      ],
    });
    assert.deepEqual(model.elements.map((e) => [e.type ?? null, e.kind, e.known]), [
      ['container', 'element', false], ['ColumnSet', 'element', true], ['Container', 'column', false], [null, 'element', false],
    ]);
  });

  it('does not treat refresh.action as an action', () => {
    const { model } = modelOf({ version: '1.4', refresh: { action: { type: 'Action.Execute' } }, body: [] });
    assert.deepEqual(model.actions, []);
  });
});

describe('card model: version, UAM and payload originator', () => {
  it('parses only "major.minor" strings', () => {
    const version = (value: string): unknown => parseVersion(parseJsonDocument(value).root);
    assert.deepEqual(version('"1.4"'), { major: 1, minor: 4 });
    assert.deepEqual(version('"1.10"'), { major: 1, minor: 10 });
    for (const bad of ['1.0', '"1"', '"v1.0"', '"1.0.0"', 'null']) assert.equal(version(bad), undefined, bad);
    assert.ok(compareVersion({ major: 1, minor: 10 }, 1, 4) > 0);
    assert.ok(compareVersion({ major: 1, minor: 3 }, 1, 4) < 0);
    assert.equal(compareVersion({ major: 1, minor: 4 }, 1, 4), 0);
  });

  it('has universal actions with refresh, or an Action.Execute anywhere (also in ShowCard cards), whatever the version', () => {
    assert.equal(modelOf({ refresh: { action: { type: 'Action.Execute' } } }).model.hasUniversalActions, true);
    const nested = { actions: [{ type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Execute' }] } }] };
    assert.equal(modelOf(nested).model.hasUniversalActions, true);
    assert.equal(modelOf({ refresh: null, actions: [{ type: 'Action.Http' }] }).model.hasUniversalActions, false);
    assert.equal(modelOf({ body: [{ type: 'TextBlock', text: 'x', fallback: { type: 'ActionSet', actions: [{ type: 'Action.Execute' }] } }] }).model.hasUniversalActions, false);
  });

  it('uses UAM only with universal actions in a card of version 1.4 or higher', () => {
    const execute = { actions: [{ type: 'Action.Execute' }] };
    assert.equal(modelOf({ ...execute, version: '1.4' }).model.usesUam, true);
    assert.equal(modelOf({ ...execute, version: '1.5' }).model.usesUam, true);
    assert.equal(modelOf({ refresh: { action: { type: 'Action.Execute' } }, version: '1.4' }).model.usesUam, true);
    for (const version of ['1.0', '1.2', '1.3', 'v1.4', undefined]) {
      assert.equal(modelOf({ ...execute, version }).model.usesUam, false, String(version));
    }
    assert.equal(modelOf({ actions: [{ type: 'Action.Http' }], version: '1.4' }).model.usesUam, false);
  });

  it('carries whether a signed payload has an originator claim', () => {
    assert.equal(modelOf({}, true).model.payloadHasOriginator, true);
    assert.equal(modelOf({}).model.payloadHasOriginator, false);
  });
});
