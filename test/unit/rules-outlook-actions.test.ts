import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const TEXT = { type: 'TextBlock', text: 'Hi' };

function actionCard(action: Record<string, unknown>, body: unknown[] = [TEXT], version = '1.0'): string {
  return card(version, body, { actions: [action] });
}

describe('AM053 display forms', () => {
  it('reports a missing itemId on the type and an empty one on the value', () => {
    assert.deepEqual(reportedRanges(actionCard({ type: 'Action.DisplayAppointmentForm', title: 'Open' }), 'AM053'), ['"Action.DisplayAppointmentForm"']);
    assert.deepEqual(reportedRanges(actionCard({ type: 'Action.DisplayMessageForm', title: 'Open', itemId: ' ' }), 'AM053'), ['" "']);
    assert.match(messages(actionCard({ type: 'Action.DisplayMessageForm', title: 'Open' }), 'AM053')[0]!, /"itemId".*message/);
  });
  it('accepts an itemId', () => {
    assert.deepEqual(ruleIds(actionCard({ type: 'Action.DisplayMessageForm', title: 'Open', itemId: 'AAMkAGI2T...' })), []);
    assert.deepEqual(ruleIds(actionCard({ type: 'Action.DisplayAppointmentForm', title: 'Open', itemId: 'AAMkAGI2T...' })), []);
  });
});

describe('AM054/AM055 Action.ToggleVisibility', () => {
  const body = [{ type: 'TextBlock', id: 'more', text: 'More', isVisible: false }, TEXT];
  const toggle = (targetElements: unknown) => actionCard({ type: 'Action.ToggleVisibility', title: 'Toggle', targetElements }, body);

  it('AM054: missing, not an array, empty', () => {
    assert.deepEqual(reportedRanges(toggle(undefined), 'AM054'), ['"Action.ToggleVisibility"']);
    assert.deepEqual(reportedRanges(toggle('more'), 'AM054'), ['"more"']);
    assert.deepEqual(reportedRanges(toggle([]), 'AM054'), ['[]']);
  });
  it('AM054: entries that are neither an id nor an object with elementId', () => {
    assert.deepEqual(reportedRanges(toggle(['', 3, { isVisible: true }, { elementId: '' }, 'more']), 'AM054'),
      ['""', '3', '{"isVisible":true}', '{"elementId":""}']);
  });
  it('AM055: targets must name an element or column id, case-sensitively', () => {
    assert.deepEqual(reportedRanges(toggle(['details', { elementId: 'More' }, 'more']), 'AM055'), ['"details"', '"More"']);
    assert.match(messages(toggle(['details']), 'AM055')[0]!, /"details"/);
  });
  it('AM055: finds ids of columns, images and elements in ShowCard cards, but not of actions', () => {
    const columns = { type: 'ColumnSet', columns: [{ type: 'Column', id: 'col', items: [{ type: 'ImageSet', images: [{ url: 'https://a.example/i.png', id: 'img' }] }] }] };
    const showCard = { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Container', id: 'inner', items: [] }] } };
    const text = card('1.0', [columns], {
      actions: [showCard, { type: 'Action.ToggleVisibility', id: 'act', title: 'Toggle', targetElements: ['col', 'img', { elementId: 'inner', isVisible: true }, 'act'] }],
    });
    assert.deepEqual(reportedRanges(text, 'AM055'), ['"act"']);
  });
  it('accepts a valid toggle', () => {
    assert.deepEqual(ruleIds(toggle(['more', { elementId: 'more', isVisible: true }])), []);
  });
});

describe('AM056/AM057 refresh', () => {
  const execute = { type: 'Action.Execute', verb: 'refresh' };
  const refreshCard = (refresh: unknown) => card('1.4', [TEXT], { refresh });

  it('AM056: refresh not an object, without action, or with another action type', () => {
    assert.deepEqual(reportedRanges(refreshCard(true), 'AM056'), ['true']);
    assert.deepEqual(reportedRanges(refreshCard({ userIds: [] }), 'AM056'), ['{"userIds":[]}']);
    assert.deepEqual(reportedRanges(refreshCard({ userIds: [], action: { type: 'Action.Http', method: 'POST', url: 'https://a.example', body: '' } }), 'AM056'), ['"Action.Http"']);
    assert.deepEqual(ruleIds(refreshCard({ userIds: [], action: { type: 'Action.Submit' } })), ['AM056']);
    assert.deepEqual(reportedRanges(refreshCard({ userIds: [], action: 'refresh' }), 'AM056'), ['"refresh"']);
  });
  it('AM057: refresh without userIds, on the refresh object; an empty array is fine', () => {
    assert.deepEqual(reportedRanges(refreshCard({ action: execute }), 'AM057'), ['{"action":{"type":"Action.Execute","verb":"refresh"}}']);
    assert.deepEqual(ruleIds(refreshCard({ action: execute, userIds: [] })), []);
  });
  it('only reads the top-level card', () => {
    const showCard = { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', refresh: 'x', body: [TEXT] } };
    assert.deepEqual(ruleIds(card('1.0', [TEXT], { actions: [showCard] })), []);
  });
});

describe('AM058/AM059 Action.OpenUrl', () => {
  const openUrl = (url: unknown) => actionCard({ type: 'Action.OpenUrl', title: 'Open', url });

  it('AM058: missing, empty, relative, script/data/file and host-less URLs', () => {
    assert.deepEqual(reportedRanges(actionCard({ type: 'Action.OpenUrl', title: 'Open' }), 'AM058'), ['"Action.OpenUrl"']);
    for (const url of ['', '/hr/handbook', 'handbook.html', 'javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)',
      'vbscript:msgbox', 'data:text/html,hi', 'file:///c:/a.txt', 'https://', 'http:/a.example', 7]) {
      assert.deepEqual(ruleIds(openUrl(url)), ['AM058'], String(url));
    }
    assert.deepEqual(reportedRanges(openUrl('/hr/handbook'), 'AM058'), ['"/hr/handbook"']);
    assert.match(messages(openUrl('/hr/handbook'), 'AM058')[0]!, /relative.*https:\/\//);
  });
  it('AM058: an http(s) URL with a host that the URL parser rejects (after trimming)', () => {
    for (const url of ['https://<tenant>.sharepoint.com/sites/hr', 'https://contoso .example/hr', 'http://contoso.example:70000/']) {
      assert.deepEqual(ruleIds(openUrl(url)), ['AM058'], url);
    }
    assert.match(messages(openUrl('https://<tenant>.sharepoint.com/sites/hr'), 'AM058')[0]!, /URL parser/);
    assert.deepEqual(ruleIds(openUrl('  https://contoso.sharepoint.com/sites/hr  ')), []);
  });
  it('AM059: other schemes', () => {
    for (const url of ['myapp://open/42', 'mailto:ana@contoso.example', 'tel:+15551234']) {
      assert.deepEqual(ruleIds(openUrl(url)), ['AM059'], url);
    }
    assert.deepEqual(reportedRanges(openUrl('myapp://open/42'), 'AM059'), ['"myapp://open/42"']);
  });
  it('accepts http and https URLs, also as selectAction', () => {
    assert.deepEqual(ruleIds(openUrl('https://contoso.example/hr')), []);
    assert.deepEqual(ruleIds(openUrl('HTTP://contoso.example/hr')), []);
    const selectable = { type: 'Container', items: [TEXT], selectAction: { type: 'Action.OpenUrl', url: 'https://contoso.example' } };
    assert.deepEqual(ruleIds(card('1.0', [selectable])), []);
    const bad = { ...selectable, selectAction: { type: 'Action.OpenUrl', url: 'javascript:void(0)' } };
    assert.deepEqual(ruleIds(card('1.0', [bad])), ['AM058']);
  });
});
