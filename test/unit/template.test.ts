// Templates (cards with ${…}) in one home, server/src/card/template.ts: expanded with their data as the preview does,
// and never sent with a raw ${…}.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cardTextToSend, describeDataFiles, expandTemplate, firstTemplateExpression, TemplateError, type TemplateDataSource
} from '../../server/src/card';

const TEMPLATE = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [
    { type: 'TextBlock', text: 'Order ${orderId} is ready' },
    { type: 'FactSet', facts: [{ $data: '${lines}', title: '${name}', value: '${formatNumber(price, 2)}' }] },
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Track', url: 'https://contoso.example/orders/${orderId}' }],
};
const DATA = { orderId: 'SO-4711', lines: [{ name: 'Chair', price: 12.5 }, { name: 'Desk', price: 80 }] };
const EXPANDED = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [
    { type: 'TextBlock', text: 'Order SO-4711 is ready' },
    { type: 'FactSet', facts: [{ title: 'Chair', value: '12.50' }, { title: 'Desk', value: '80.00' }] },
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Track', url: 'https://contoso.example/orders/SO-4711' }],
};

function source(data: object | string | undefined, lookedFor = 'no order.data.json in the card folder'): TemplateDataSource & { reads: number } {
  const counted = {
    reads: 0,
    lookedFor,
    read: async () => {
      counted.reads++;
      return data === undefined ? undefined : { fileName: 'order.data.json', text: typeof data === 'string' ? data : JSON.stringify(data) };
    },
  };
  return counted;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof TemplateError, `expected a TemplateError, got ${String(error)}`);
  assert.equal(error.code, 'ERR_TEMPLATE');
  return error.message;
}

describe('expandTemplate', () => {
  it('expands ${…}, $data and functions with the data as $root', () => {
    assert.deepEqual(expandTemplate(TEMPLATE, { fileName: 'order.data.json', text: JSON.stringify(DATA) }), EXPANDED);
  });

  it('reads data with comments and trailing commas, as the preview does', () => {
    const text = '{\n  // the order\n  "orderId": "SO-4711",\n  "lines": [],\n}\n';
    assert.equal((expandTemplate(TEMPLATE, { fileName: 'order.data.json', text }).body as { text?: string }[])[0]!.text, 'Order SO-4711 is ready');
  });

  it('refuses data that does not parse, an expression that does not parse, and a result that is no card, naming the data file', () => {
    assert.throws(() => expandTemplate(TEMPLATE, { fileName: 'order.data.json', text: '{"orderId": }' }),
      { name: 'TemplateError', message: /^The data file order\.data\.json does not parse at 1:13: Syntax error: a value is expected\.$/ });
    assert.throws(() => expandTemplate({ type: 'AdaptiveCard', text: '${foo(}' }, { fileName: 'd.json', text: '{}' }),
      { name: 'TemplateError', message: /^Expanding the template with d\.json failed: / });
    assert.throws(() => expandTemplate({ $when: '${false}', type: 'AdaptiveCard' }, { fileName: 'd.json', text: '{}' }),
      { name: 'TemplateError', message: 'Expanding the template with d.json gave null, not a card.' });
  });
});

describe('firstTemplateExpression', () => {
  it('names the first string or property name holding ${ by its JSON path, in document order', () => {
    assert.deepEqual(firstTemplateExpression(TEMPLATE), { path: '$.body[0].text', text: 'Order ${orderId} is ready' });
    assert.deepEqual(firstTemplateExpression({ a: [1, { 'odd key': 'x ${y}' }], b: '${z}' }), { path: '$.a[1]["odd key"]', text: 'x ${y}' });
    assert.deepEqual(firstTemplateExpression({ a: { '${key}': 1 } }), { path: '$.a["${key}"]', text: '${key}' });
    assert.equal(firstTemplateExpression(EXPANDED), undefined);
    assert.equal(firstTemplateExpression({ text: '$ {not} {{comment.value}} $' }), undefined);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = '${deep}';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    assert.equal(firstTemplateExpression(deep)?.text, '${deep}');
  });
});

describe('cardTextToSend', () => {
  it('returns a card without ${ exactly as written, and never reads data for it', async () => {
    const text = '{ "type": "AdaptiveCard",\n  "version": "1.0", "body": [{"type": "TextBlock", "text": "$5 {{DATE(2026-06-03T09:30:00Z)}}"}] }';
    const data = source(DATA);
    assert.deepEqual(await cardTextToSend(text, 'plain.card.json', data), { text });
    assert.equal(data.reads, 0);
    const broken = '{ "type": "AdaptiveCard", ';
    assert.deepEqual(await cardTextToSend(broken, 'broken.card.json', data), { text: broken }, 'the email warns about it, as before');
  });

  it('expands a template with its data into JSON that holds no ${', async () => {
    const sent = await cardTextToSend(JSON.stringify(TEMPLATE, null, 2), 'order.card.json', source(DATA));
    assert.equal(sent.dataFileName, 'order.data.json');
    assert.deepEqual(JSON.parse(sent.text), EXPANDED);
    assert.ok(!sent.text.includes('${'));
  });

  it('refuses a template without data, naming the card, the first expression and where the data was looked for', async () => {
    const message = await refusal(cardTextToSend(JSON.stringify(TEMPLATE), 'templated/order.card.json', source(undefined)));
    assert.equal(message, 'templated/order.card.json is a template ("Order ${orderId} is ready" at $.body[0].text) and there is no data to expand it with: ' +
      'no order.data.json in the card folder. Raw ${…} must not reach an email or a signature.');
  });

  it('refuses a ${ left after expansion, naming its JSON path: a missing value, or a data value that holds ${', async () => {
    const missing = await refusal(cardTextToSend(JSON.stringify(TEMPLATE), 'order.card.json', source({ lines: [] })));
    assert.match(missing, /^Expanding order\.card\.json with order\.data\.json left "Order \$\{orderId\} is ready" at \$\.body\[0\]\.text: the data has no value for it\./);
    const injected = await refusal(cardTextToSend(JSON.stringify(TEMPLATE), 'order.card.json', source({ orderId: '${secret}', lines: [] })));
    assert.match(injected, / left "Order \$\{secret\} is ready" at \$\.body\[0\]\.text/);
  });

  it('finds ${ written with a \\u0024 escape, and refuses a template whose JSON does not parse', async () => {
    const escaped = '{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "\\u0024{orderId}"}]}';
    assert.match(await refusal(cardTextToSend(escaped, 'escaped.card.json', source(undefined))), /^escaped\.card\.json is a template \("\$\{orderId\}" at \$\.body\[0\]\.text\)/);
    assert.deepEqual(JSON.parse((await cardTextToSend(escaped, 'escaped.card.json', source(DATA))).text).body[0].text, 'SO-4711');
    assert.match(await refusal(cardTextToSend('{"text": "${orderId}",', 'broken.card.json', source(DATA))),
      /^broken\.card\.json holds \$\{…\} but does not parse at 1:23: .+ A template is expanded before it is sent, so fix the JSON first\.$/);
  });
});

describe('describeDataFiles', () => {
  it('names the data files the preview looks for', () => {
    assert.equal(describeDataFiles('Order.card.json'), "Order.data.json, or the folder's only *.data.json that pairs with no other card");
    assert.equal(describeDataFiles('card.json'), "data.json, or the folder's only *.data.json that pairs with no other card");
    assert.equal(describeDataFiles('order.json'), "the folder's only *.data.json that pairs with no other card");
  });
});
