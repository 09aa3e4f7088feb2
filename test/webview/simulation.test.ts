// The requests and log entries of simulated actions (spec § 7), response files, Outlook Markdown and the image
// filter, without a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withShownImagesOnly } from '../../webview/src/image-urls';
import { renderOutlookMarkdown } from '../../webview/src/markdown';
import { buildExecuteInvoke, buildHttpRequest, formatHttpRequest, substituteInputs } from '../../server/src/card';
import { SIMULATED_TOKEN, automaticRequests, simulate } from '../../webview/src/simulation';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const REQUEST_ID = /^Action-Request-Id: (.*)$/m;

/** `entry` with its Action-Request-Id, checked to be a GUID, written as <id>, so the rest compares exactly. */
function withRequestId<T extends { readonly text: string }>(entry: T): T {
  const id = REQUEST_ID.exec(entry.text)?.[1];
  assert.match(id ?? '(no Action-Request-Id)', GUID);
  return { ...entry, text: entry.text.replace(REQUEST_ID, 'Action-Request-Id: <id>') };
}

const TRICKY = 'a "b" & c\nd\\e é 😀 $& $1';

describe('substituteInputs', () => {
  const inputs = new Map([['Comment', TRICKY], ['n', '5']]);

  it('URL-encodes values with encodeURIComponent', () => {
    assert.equal(substituteInputs('https://x.example/?c={{comment.value}}&n={{N.VALUE}}', inputs, 'url'),
      'https://x.example/?c=a%20%22b%22%20%26%20c%0Ad%5Ce%20%C3%A9%20%F0%9F%98%80%20%24%26%20%241&n=5');
  });

  it('JSON-string-escapes values and inserts $ patterns literally', () => {
    assert.equal(substituteInputs('{"c": "{{comment.value}}"}', inputs, 'json'), String.raw`{"c": "a \"b\" & c\nd\\e é 😀 $& $1"}`);
  });

  it('leaves tokens of unknown ids and malformed tokens as written, and replaces every occurrence', () => {
    assert.equal(substituteInputs('{{missing.value}} {{n.value}}{{n.value}} {{n.text}} {{ n.value }}', inputs, 'url'), '{{missing.value}} 55 {{n.text}} {{ n.value }}');
  });

  it('substitutes only a dot before value, and each {{ up to the first }} after it, as the rules read tokens', () => {
    assert.equal(substituteInputs('{{nXvalue}} {{n-value}} {{{{n.value}} {{n.value}}', inputs, 'url'), '{{nXvalue}} {{n-value}} {{{{n.value}} 5');
  });
});

describe('buildHttpRequest', () => {
  const inputs = new Map([['q', 'x y'], ['who', 'ä&b']]);

  it('defaults to a JSON body when there is no Content-Type header', () => {
    const request = buildHttpRequest({ method: 'post', url: 'https://a.example/{{q.value}}', body: '{"who": "{{who.value}}"}' }, inputs);
    assert.deepEqual(request, { method: 'POST', url: 'https://a.example/x%20y', headers: [], body: '{"who": "ä&b"}' });
  });

  it('JSON-escapes for application/json with parameters, URL-encodes for other types and in header values', () => {
    const json = buildHttpRequest({
      method: 'POST', url: 'https://a.example/', body: '{{who.value}}',
      headers: [{ name: 'content-type', value: 'Application/JSON; charset=utf-8' }],
    }, inputs);
    assert.equal(json.body, 'ä&b');
    const text = buildHttpRequest({
      method: 'POST', url: 'https://a.example/', body: 'who={{who.value}}',
      headers: [{ name: 'Content-Type', value: 'text/plain' }, { name: 'X-Q', value: '{{q.value}}' }, { value: 'no name' }, 'junk'],
    }, inputs);
    assert.deepEqual(text.headers, [{ name: 'Content-Type', value: 'text/plain' }, { name: 'X-Q', value: 'x%20y' }]);
    assert.equal(text.body, 'who=%C3%A4%26b');
  });

  it('formats as an HTTP message, without a blank line when there is no body', () => {
    assert.equal(formatHttpRequest({ method: 'GET', url: 'https://a.example/', headers: [{ name: 'A', value: '1' }], body: undefined }), 'GET https://a.example/\nA: 1');
    assert.equal(formatHttpRequest({ method: 'POST', url: 'https://a.example/', headers: [], body: '' }), 'POST https://a.example/\n\n');
  });
});

describe('buildExecuteInvoke', () => {
  it('merges the input values into the data, the inputs winning', () => {
    assert.deepEqual(buildExecuteInvoke({ type: 'Action.Execute', id: 'ok', verb: 'approve', data: { order: 1, note: 'old' } }, new Map([['note', 'new']]), 'manual'), {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', id: 'ok', verb: 'approve', data: { order: 1, note: 'new' } }, trigger: 'manual' },
    });
  });

  it('sends only the inputs without data, and a data value that is no object as it is', () => {
    assert.deepEqual(buildExecuteInvoke({}, new Map([['a', '1']]), 'automatic').value, { action: { type: 'Action.Execute', data: { a: '1' } }, trigger: 'automatic' });
    assert.equal(buildExecuteInvoke({ data: 'plain' }, new Map([['a', '1']]), 'manual').value.action.data, 'plain');
  });
});

describe('simulate', () => {
  it("logs an Action.Http with its title and Outlook's headers, and offers a response", () => {
    const simulated = simulate({ kind: 'http', source: { title: 'Go', method: 'GET', url: 'https://a.example/' }, inputs: new Map() }, {});
    assert.deepEqual(withRequestId(simulated.entry), {
      title: 'Action.Http: Go', text: `GET https://a.example/\nAuthorization: Bearer ${SIMULATED_TOKEN}\nAction-Request-Id: <id>`, respondsTo: 'action',
    });
  });

  it("adds the card's correlationId, the Content-Type of a body, and Action-Authorization when the card empties Authorization", () => {
    const card = { correlationId: 'c-42' };
    const post = simulate({ kind: 'http', source: { method: 'POST', url: 'https://a.example/', body: '{}', headers: [{ name: 'Authorization', value: '' }] }, inputs: new Map() }, card);
    assert.equal(withRequestId(post.entry).text,
      `POST https://a.example/\nContent-Type: application/json\nAction-Authorization: Bearer ${SIMULATED_TOKEN}\nCard-Correlation-Id: c-42\nAction-Request-Id: <id>\n\n{}`);
    const form = simulate({ kind: 'http', source: { method: 'POST', url: 'https://a.example/', body: 'a=1', headers: [{ name: 'Content-Type', value: 'text/plain' }] }, inputs: new Map() }, card);
    assert.match(form.entry.text, /^POST https:\/\/a\.example\/\nContent-Type: text\/plain\nAuthorization: Bearer /);
  });

  it('gives each request a fresh Action-Request-Id GUID', () => {
    const action = { kind: 'http', source: { method: 'GET', url: 'https://a.example/' }, inputs: new Map() } as const;
    const ids = [simulate(action, {}), simulate(action, {})].map((simulated) => REQUEST_ID.exec(simulated.entry.text)?.[1]);
    assert.match(ids[0] ?? '', GUID);
    assert.match(ids[1] ?? '', GUID);
    assert.notEqual(ids[0], ids[1]);
  });

  it('ends the entry with the inputs not checked against their regex, for Action.Http and Action.Execute', () => {
    const notChecked = ['input "zip": the check did not finish within 40 ms'];
    const paragraph = '\n\nNot checked against their regex (the preview treats the values as valid):\n- input "zip": the check did not finish within 40 ms';
    const http = simulate({ kind: 'http', source: { method: 'GET', url: 'https://a.example/' }, inputs: new Map(), notChecked }, {});
    assert.equal(withRequestId(http.entry).text, `GET https://a.example/\nAuthorization: Bearer ${SIMULATED_TOKEN}\nAction-Request-Id: <id>${paragraph}`);
    const execute = simulate({ kind: 'execute', source: { verb: 'v' }, inputs: new Map([['zip', 'x']]), notChecked }, {});
    assert.ok(execute.entry.text.endsWith(`}${paragraph}`), execute.entry.text);
    assert.ok(!simulate({ kind: 'execute', source: { verb: 'v' }, inputs: new Map(), notChecked: [] }, {}).entry.text.includes('Not checked'));
  });

  it('asks the host to open only http, https and mailto URLs', () => {
    assert.equal(simulate({ kind: 'openUrl', url: 'https://a.example/' }, {}).openUrl, 'https://a.example/');
    assert.equal(simulate({ kind: 'openUrl', url: 'mailto:ana@contoso.example' }, {}).openUrl, 'mailto:ana@contoso.example');
    // as a Markdown link to the same text opens it: the spaces around a URL are dropped
    assert.equal(simulate({ kind: 'openUrl', url: ' https://a.example/report\t' }, {}).openUrl, 'https://a.example/report');
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'vscode://x', ' javascript:x']) {
      const simulated = simulate({ kind: 'openUrl', url }, {});
      assert.equal(simulated.openUrl, undefined, url);
      assert.equal(simulated.entry.title, 'Open URL (not opened)');
    }
  });

  it("describes Outlook's own actions, a missing property included", () => {
    assert.equal(simulate({ kind: 'outlook', type: 'Action.DisplayMessageForm', source: {} }, {}).entry.text, 'Outlook opens the message form of the item:\nitemId: (missing)');
  });
});

describe('automaticRequests', () => {
  it('offers refresh for a refresh Action.Execute from 1.4 and autoInvokeAction for its request below 1.4', () => {
    const automatic = {
      correlationId: 'c-7',
      refresh: { action: { type: 'Action.Execute', verb: 'r', data: { a: 1 } } },
      autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://a.example/{{x.value}}', body: '{}' },
    };
    const at14 = automaticRequests({ ...automatic, version: '1.4' });
    const at10 = automaticRequests({ ...automatic, version: '1.0' });
    assert.deepEqual(at14.map((request) => request.label), ['Simulate refresh'], 'Outlook runs no Action.Http in a 1.4 card (AM020)');
    assert.deepEqual(at10.map((request) => request.label), ['Simulate autoInvokeAction'], 'nor refresh below 1.4 (AM021)');
    const inputs = new Map([['x', 'y z']]);
    const [refresh, autoInvoke] = [...at14, ...at10].map((request) => request.simulate(inputs).entry);
    assert.equal(refresh!.respondsTo, 'refresh');
    assert.deepEqual(JSON.parse(refresh!.text.split('\n').slice(3).join('\n')).value, { action: { type: 'Action.Execute', verb: 'r', data: { a: 1 } }, trigger: 'automatic' });
    assert.deepEqual(withRequestId(autoInvoke!), {
      title: 'autoInvokeAction',
      text: `POST https://a.example/y%20z\nContent-Type: application/json\nAuthorization: Bearer ${SIMULATED_TOKEN}\nCard-Correlation-Id: c-7\nAction-Request-Id: <id>\n\n{}`,
      respondsTo: 'autoInvokeAction',
    });
  });

  it('offers nothing for a card without them or with a refresh that is not Action.Execute', () => {
    assert.deepEqual(automaticRequests({}), []);
    assert.deepEqual(automaticRequests({ refresh: { action: { type: 'Action.Http' } }, autoInvokeAction: 'x' }), []);
    assert.deepEqual(automaticRequests({ version: '1.0', refresh: { action: { type: 'Action.Execute' } } }), [], 'no refresh below 1.4');
  });
});

describe('renderOutlookMarkdown', () => {
  it("renders Outlook's subset: emphasis, strike, links, headings and bullets", () => {
    assert.equal(renderOutlookMarkdown('*i* **b** ***bi*** ~~s~~ [l](https://a.example/?x=1&y=2)'),
      '<p><em>i</em> <strong>b</strong> <em><strong>bi</strong></em> <s>s</s> <a href="https://a.example/?x=1&amp;y=2">l</a></p>\n');
    assert.equal(renderOutlookMarkdown('# Title\n- one\n* two'), '<h1>Title</h1>\n<ul>\n<li>one</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>\n');
  });

  it('keeps HTML as text', () => {
    assert.equal(renderOutlookMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>'),
      '<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('makes links only of http, https, mailto and action: URLs', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', 'data:image/png;base64,AAAA', 'vbscript:x', 'file:///x']) {
      assert.doesNotMatch(renderOutlookMarkdown(`[x](${url})`), /<a /, url);
    }
    assert.match(renderOutlookMarkdown('[x](mailto:a@b.example)'), /<a href="mailto:a@b.example">/);
    assert.match(renderOutlookMarkdown('[x](action:approve)'), /<a href="action:approve">/);
  });

  it('leaves out what Outlook does not render: images, code, tables, quotes', () => {
    const html = renderOutlookMarkdown('![i](https://a.example/i.png) `code`\n\n> quote\n\n| a |\n|---|\n| 1 |');
    assert.doesNotMatch(html, /<img|<code|<blockquote|<table/);
  });
});

describe('withShownImagesOnly', () => {
  it('drops image URLs that are not https or data:image, wherever a card holds images', () => {
    const card = {
      type: 'AdaptiveCard',
      backgroundImage: 'http://a.example/bg.png',
      body: [
        { type: 'Image', url: 'https://a.example/ok.png' },
        { type: 'Image', url: 'javascript:alert(1)' },
        { type: 'ImageSet', images: [{ url: 'data:image/png;base64,AAAA' }, { url: 'data:text/html,<b>x</b>' }] },
        { type: 'Container', backgroundImage: { url: 'ftp://a.example/c.png', fillMode: 'cover' }, items: [] },
        { type: 'TextBlock', text: 'x', url: 'http://not-an-image.example/' },
      ],
      actions: [{ type: 'Action.OpenUrl', url: 'http://a.example/', iconUrl: 'http://a.example/icon.png' }],
    };
    const { card: shown, dropped } = withShownImagesOnly(card);
    assert.deepEqual(dropped, ['http://a.example/bg.png', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://a.example/c.png', 'http://a.example/icon.png']);
    assert.deepEqual(shown, {
      type: 'AdaptiveCard',
      body: [
        { type: 'Image', url: 'https://a.example/ok.png' },
        { type: 'Image' },
        { type: 'ImageSet', images: [{ url: 'data:image/png;base64,AAAA' }, {}] },
        { type: 'Container', items: [] },
        { type: 'TextBlock', text: 'x', url: 'http://not-an-image.example/' },
      ],
      actions: [{ type: 'Action.OpenUrl', url: 'http://a.example/' }],
    });
  });
});
