import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isHttpsUrl, isHttpUrlWithHost, isParsableUrl, isPlainHttpsUrl, parsableUrlHost, registeredHost, urlHost, urlScheme, writtenUrlHost
} from '../../server/src/rules/urls';
import { card, findings, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const TEXT = { type: 'TextBlock', text: 'Hi' };

/** A 1.0 card with a comment input and one action (an Action.Http POST unless `action` says otherwise). */
function httpCard(action: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const http = { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body: '{}', ...action };
  return card('1.0', [{ type: 'Input.Text', id: 'comment' }], { actions: [http], ...extra });
}

/** A 1.0 card whose autoInvokeAction is `auto`. */
function autoInvokeCard(auto: unknown): string {
  return card('1.0', [TEXT], { autoInvokeAction: auto });
}

describe('AM040 Action.Http method', () => {
  it('reports a method other than GET/POST on the method value', () => {
    assert.deepEqual(reportedRanges(httpCard({ method: 'PATCH' }), 'AM040'), ['"PATCH"']);
    assert.match(messages(httpCard({ method: 'PATCH' }), 'AM040')[0]!, /"GET" or "POST".*PATCH/);
  });
  it('reports a missing or non-string method on the type', () => {
    assert.deepEqual(reportedRanges(httpCard({ method: undefined, body: undefined }), 'AM040'), ['"Action.Http"']);
    assert.deepEqual(reportedRanges(httpCard({ method: 1 }), 'AM040'), ['1']);
  });
  it('compares the method case-insensitively', () => {
    assert.deepEqual(ruleIds(httpCard({ method: 'post' })), []);
    assert.deepEqual(ruleIds(httpCard({ method: 'Get', body: undefined })), []);
  });
});

describe('AM041/AM042/AM043 Action.Http url', () => {
  it('AM041: a missing url on the type, an empty one on the value', () => {
    assert.deepEqual(reportedRanges(httpCard({ url: undefined }), 'AM041'), ['"Action.Http"']);
    assert.deepEqual(reportedRanges(httpCard({ url: '' }), 'AM041'), ['""']);
    assert.deepEqual(ruleIds(httpCard({ url: '  ' })), ['AM041']);
    assert.deepEqual(ruleIds(httpCard({ url: 42 })), ['AM041']);
  });
  it('AM042: http, relative, token-first and host-less URLs', () => {
    assert.deepEqual(reportedRanges(httpCard({ url: 'http://api.contoso.example/c' }), 'AM042'), ['"http://api.contoso.example/c"']);
    assert.match(messages(httpCard({ url: 'http://api.contoso.example/c' }), 'AM042')[0]!, /https:\/\//);
    for (const url of ['/api/c', 'api.contoso.example/c', '{{comment.value}}/c', 'https://', 'https:///c', 'ftp://a.example/c']) {
      assert.deepEqual(ruleIds(httpCard({ url })), ['AM042'], url);
    }
    // What the message says is what the rule checks: a token cannot stand for the scheme; one in the host passes.
    assert.match(messages(httpCard({ url: '{{comment.value}}/c' }), 'AM042')[0]!, /a token cannot stand for the scheme\)/);
    assert.deepEqual(ruleIds(httpCard({ url: 'https://{{comment.value}}/c' })), []);
  });
  it('AM042: an https URL with a host that the URL parser rejects, once its tokens stand for a value', () => {
    // The real-world shape: a placeholder left in the host of a storage-account URL.
    const placeholder = 'https://<some-storage-account>.blob.core.windows.net/approve';
    assert.deepEqual(reportedRanges(httpCard({ url: placeholder }), 'AM042'), [JSON.stringify(placeholder)]);
    assert.match(messages(httpCard({ url: placeholder }), 'AM042')[0]!, /URL parser.*host/);
    for (const url of ['https://api contoso.example/c', 'https://api.contoso.example:99999/c', 'https://api.contoso.example:{{comment.value}}/c', 'https://a|b.example/']) {
      assert.deepEqual(ruleIds(httpCard({ url })), ['AM042'], url);
    }
    // Its tokens are still checked.
    assert.deepEqual(ruleIds(httpCard({ url: 'https://<api-host>/c?x={{title.value}}' })), ['AM042', 'AM046']);
    // Corrected: a real host; tokens, spaces in the path and surrounding whitespace are fine for the parser.
    for (const url of ['https://contoso.blob.core.windows.net/approve', 'https://{{comment.value}}.contoso.example/c', 'https://api.contoso.example/a b/{{comment.value}}', 'https://api.contoso.example/c ']) {
      assert.deepEqual(ruleIds(httpCard({ url })), [], url);
    }
  });
  it('AM042: accepts https in any case and tokens after the host', () => {
    assert.deepEqual(ruleIds(httpCard({ url: 'HTTPS://api.contoso.example/c/{{comment.value}}?x={{Comment.value}}' })), []);
  });
  it('AM043: loopback, private and link-local hosts', () => {
    const internal = ['https://localhost/c', 'https://api.localhost:8443/c', 'https://127.0.0.1:8443/ping', 'https://127.9.9.9/',
      'https://0.0.0.0/', 'https://[::1]/', 'https://10.1.2.3/', 'https://172.16.0.1/', 'https://172.31.255.255/',
      'https://192.168.1.10/', 'https://169.254.169.254/', 'https://2130706433/', 'https://LOCALHOST./'];
    for (const url of internal) assert.deepEqual(ruleIds(httpCard({ url })), ['AM043'], url);
    assert.deepEqual(reportedRanges(httpCard({ url: 'https://10.0.0.1/c' }), 'AM043'), ['"https://10.0.0.1/c"']);
  });
  it('AM043 names the host as written, not as the URL parser normalises it', () => {
    for (const [url, host] of [['https://0x7f.1/c', '0x7f.1'], ['https://LocalHost./c', 'LocalHost.'], ['https://10.0.0.1:8443/c', '10.0.0.1']]) {
      assert.match(messages(httpCard({ url: url! }), 'AM043')[0]!, new RegExp(`^"${host!.replace(/\./g, '\\.')}" is not reachable from the internet`), url);
    }
  });
  it('AM043: public hosts and neighbouring ranges are fine', () => {
    for (const url of ['https://172.32.0.1/', 'https://172.15.0.1/', 'https://11.0.0.1/', 'https://192.169.0.1/', 'https://localhost.contoso.example/']) {
      assert.deepEqual(ruleIds(httpCard({ url })), [], url);
    }
  });
});

describe('AM044 POST body', () => {
  it('reports a POST without body on the type', () => {
    assert.deepEqual(reportedRanges(httpCard({ body: undefined }), 'AM044'), ['"Action.Http"']);
    assert.deepEqual(ruleIds(httpCard({ body: null })), ['AM044']);
    assert.deepEqual(ruleIds(httpCard({ method: 'Post', body: undefined })), ['AM044']);
  });
  it('accepts an empty body and a GET without body', () => {
    assert.deepEqual(ruleIds(httpCard({ body: '' })), []);
    assert.deepEqual(ruleIds(httpCard({ method: 'GET', body: undefined })), []);
  });
});

describe('AM045 headers', () => {
  it('reports headers that are not an array, showing the pair form of the first one', () => {
    const text = httpCard({ headers: { 'Content-Type': 'application/json' } });
    assert.deepEqual(reportedRanges(text, 'AM045'), ['{"Content-Type":"application/json"}']);
    assert.match(messages(text, 'AM045')[0]!, /not an object: write \[\{"name": "Content-Type", "value": …\}, …\]/);
  });
  it('reports an entry written as {"Content-Type": "x"} once, on the entry', () => {
    const text = httpCard({ headers: [{ 'Content-Type': 'application/json' }] });
    assert.deepEqual(reportedRanges(text, 'AM045'), ['{"Content-Type":"application/json"}']);
    assert.match(messages(text, 'AM045')[0]!, /written as \{"Content-Type": …\}: write it as \{"name": "Content-Type", "value": "…"\}/);
  });
  it('reports an entry written {"Name", "Value"} once, saying the properties are lower case, not that "Name" is a header', () => {
    const text = httpCard({ headers: [{ Name: 'Authorization', Value: 'x' }] });
    assert.deepEqual(reportedRanges(text, 'AM045'), ['{"Name":"Authorization","Value":"x"}']);
    assert.match(messages(text, 'AM045')[0]!, /written "Name" and "Value": write "name" and "value", in lower case/);
    const oneOff = httpCard({ headers: [{ name: 'Authorization', VALUE: 'x' }] });
    assert.deepEqual(reportedRanges(oneOff, 'AM045'), ['{"name":"Authorization","VALUE":"x"}']);
    assert.match(messages(oneOff, 'AM045')[0]!, /needs a string "value" \(in lower case: "VALUE" is another property\)/);
  });
  it('reports each malformed header on the header or the bad value', () => {
    const text = httpCard({ headers: [{ name: 'Content-Type' }, 'X-A: b', { name: '', value: 'x' }, { name: 'X-N', value: 5 }] });
    assert.deepEqual(reportedRanges(text, 'AM045'), ['{"name":"Content-Type"}', '"X-A: b"', '""', '5']);
    assert.match(messages(text, 'AM045')[0]!, /"value"/);
  });
  it('is a warning since revision 2, on the spec example and on object-form headers, which Outlook still sends', () => {
    // The spec's example: a header without "value".
    const spec = httpCard({ headers: [{ name: 'Content-Type' }] });
    assert.deepEqual(findings(spec).map((f) => [f.rule, f.severity]), [['AM045', 'warning']]);
    // A lab card that Outlook is shown sending: headers written as one object of name: value pairs.
    const lab = httpCard({ headers: { Authorization: '', 'Content-Type': 'application/json' } });
    assert.deepEqual(findings(lab).map((f) => [f.rule, f.severity]), [['AM045', 'warning']]);
    // Corrected: the same headers as {name, value} pairs.
    assert.deepEqual(ruleIds(httpCard({ headers: [{ name: 'Authorization', value: '' }, { name: 'Content-Type', value: 'application/json' }] })), []);
  });
  it('accepts an empty header value (switching to Action-Authorization)', () => {
    assert.deepEqual(ruleIds(httpCard({ headers: [{ name: 'Authorization', value: '' }, { name: 'Content-Type', value: 'application/json' }] })), []);
  });
});

describe('AM046 unknown input in a token', () => {
  it('reports the token range in body, url and header values', () => {
    const text = httpCard({
      url: 'https://api.contoso.example/c?t={{title.value}}',
      body: '{"c": "{{comment.value}}", "x": "{{other.value}}"}',
      headers: [{ name: 'X-Id', value: 'id {{missing.value}}' }],
    });
    assert.deepEqual(reportedRanges(text, 'AM046'), ['{{title.value}}', '{{other.value}}', '{{missing.value}}']);
    assert.match(messages(text, 'AM046')[0]!, /title/);
  });
  it('maps the range past escape sequences in the JSON text', () => {
    const text = String.raw`{"type": "AdaptiveCard", "version": "1.0", "originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a", "body": [{"type": "Input.Text", "id": "comment"}], "actions": [{"type": "Action.Http", "title": "Send", "method": "POST", "url": "https://api.contoso.example/c", "body": "{\"a\": \"\u00e9\", \"t\": \"{{\u0074itle.value}}\"}"}]}`;
    assert.deepEqual(reportedRanges(text, 'AM046'), [String.raw`{{\u0074itle.value}}`]);
  });
  it('matches ids case-insensitively, card-wide, including Input.Time and ShowCard inputs', () => {
    const showCard = { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Date', id: 'due' }] } };
    const text = card('1.0', [{ type: 'Input.Text', id: 'Comment' }, { type: 'Input.Time', id: 'start' }], {
      actions: [showCard, { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body: '{{COMMENT.value}} {{start.VALUE}} {{due.value}}' }],
    });
    assert.deepEqual(ruleIds(text), ['AM031']);
  });
});

describe('AM047 malformed token', () => {
  it('reports a token without .value, with a hint', () => {
    const text = httpCard({ body: 'c={{comment}}' });
    assert.deepEqual(reportedRanges(text, 'AM047'), ['{{comment}}']);
    assert.match(messages(text, 'AM047')[0]!, /\{\{comment\.value\}\}/);
  });
  it('reports ids that can never be substituted and does not also report AM046', () => {
    const text = httpCard({ url: 'https://api.contoso.example/c?s={{shirt-size.value}}&n={{first name.value}}' });
    assert.deepEqual(reportedRanges(text, 'AM047'), ['{{shirt-size.value}}', '{{first name.value}}']);
    assert.deepEqual(ruleIds(text), ['AM047']);
  });
  it('reports a brace too many, suggesting the token without it', () => {
    const text = httpCard({ body: 'c={{{comment.value}}' });
    assert.deepEqual(reportedRanges(text, 'AM047'), ['{{{comment.value}}']);
    assert.match(messages(text, 'AM047')[0]!, /has a brace too many and is not substituted: write \{\{comment\.value\}\}\.$/);
  });
  it('reports spaces inside the braces, suggesting the token without them', () => {
    const text = httpCard({ body: 'c={{ comment.value }}' });
    assert.deepEqual(reportedRanges(text, 'AM047'), ['{{ comment.value }}']);
    assert.match(messages(text, 'AM047')[0]!, /write \{\{comment\.value\}\}/);
  });
  it('matches tokens non-greedily and covers an escaped token exactly', () => {
    assert.deepEqual(reportedRanges(httpCard({ body: '{{a}} and {{comment.value}}' }), 'AM047'), ['{{a}}']);
    const text = String.raw`{"type": "AdaptiveCard", "version": "1.0", "originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a", "body": [{"type": "Input.Text", "id": "name"}], "actions": [{"type": "Action.Http", "title": "Send", "method": "POST", "url": "https://api.contoso.example/n", "body": "{\"n\": \"{{n\"ame}}\"}"}]}`;
    assert.deepEqual(reportedRanges(text, 'AM047'), [String.raw`{{n\"ame}}`]);
  });
  it('leaves {{DATE(…)}} / {{TIME(…)}} alone, and never scans TextBlock text', () => {
    assert.deepEqual(ruleIds(httpCard({ body: 'due {{DATE(2024-06-03T12:00:00Z, SHORT)}} at {{TIME(2024-06-03T12:00:00Z)}}' })), []);
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'TextBlock', text: 'Hello {{name}} on {{DATE(2024-06-03T12:00:00Z)}}' }])), []);
  });
});

describe('AM048 autoInvokeAction', () => {
  const auto = { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/latest', body: '' };
  it('accepts an Action.Http POST', () => {
    assert.deepEqual(ruleIds(autoInvokeCard(auto)), []);
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, method: 'post' })), []);
  });
  it('reports a method other than POST on the method, and only AM048', () => {
    assert.deepEqual(reportedRanges(autoInvokeCard({ ...auto, method: 'GET' }), 'AM048'), ['"GET"']);
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, method: 'PUT' })), ['AM048']);
    assert.deepEqual(reportedRanges(autoInvokeCard({ ...auto, method: undefined }), 'AM048'), ['"Action.Http"']);
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, method: undefined })), ['AM048']);
  });
  it('reports another action type on its type and a non-object on the value', () => {
    assert.deepEqual(reportedRanges(autoInvokeCard({ type: 'Action.OpenUrl', url: 'https://a.example' }), 'AM048'), ['"Action.OpenUrl"']);
    assert.deepEqual(reportedRanges(autoInvokeCard('https://a.example'), 'AM048'), ['"https://a.example"']);
  });
  it('applies the other Action.Http rules to it', () => {
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, body: undefined })), ['AM044']);
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, url: 'http://api.contoso.example/latest' })), ['AM042']);
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, body: '{{nothing.value}}' })), ['AM046']);
  });
  it('is read by no rule of ordinary actions: each wrong autoInvokeAction is AM048 alone (spec § 2, special slots)', () => {
    for (const wrong of [
      { type: 'Action.OpenUrl', url: 'relative/page' },
      { type: 'Action.OpenUrl', url: 'mailto:ana@contoso.example' },
      { type: 'Action.ToggleVisibility' },
      { type: 'Action.ToggleVisibility', targetElements: ['nowhere'] },
      { type: 'Action.DisplayMessageForm' },
      { type: 'Action.InvokeAddInCommand' },
      { type: 'Action.Submit' },
      { type: 'Action.Execute', verb: '{{comment.value}}' },
    ]) {
      assert.deepEqual(ruleIds(autoInvokeCard(wrong)), ['AM048'], JSON.stringify(wrong));
    }
    // An Action.Execute there is no Universal Action: a 1.4 card without originator is AM010, not AM011.
    const execute = JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: [TEXT], autoInvokeAction: { type: 'Action.Execute', verb: 'go' } });
    assert.deepEqual(ruleIds(execute), ['AM010', 'AM048']);
  });
  it('is not an action of the card: its 1.5 properties, its iconUrl and its id are left alone', () => {
    assert.deepEqual(ruleIds(autoInvokeCard({ ...auto, mode: 'secondary', tooltip: 'Refresh', iconUrl: 'icon.png' })), []);
    const sharedId = card('1.0', [{ type: 'Input.Text', id: 'z' }], { autoInvokeAction: { ...auto, id: 'z' } });
    assert.deepEqual(ruleIds(sharedId), []);
  });
});

describe('AM049 autoInvokeAction not on the top-level card', () => {
  const auto = { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/latest', body: '' };
  const OPEN = { type: 'Action.OpenUrl', title: 'Open', url: 'https://a.example/' };

  it('reports one on an ActionSet on its key, and checks it no further as an Action.Http', () => {
    const text = card('1.0', [{ type: 'ActionSet', actions: [OPEN], autoInvokeAction: { ...auto, method: 'GET', url: 'http://localhost/' } }]);
    assert.deepEqual(ruleIds(text), ['AM049']);
    assert.deepEqual(reportedRanges(text, 'AM049'), ['"autoInvokeAction"']);
    assert.match(messages(text, 'AM049')[0]!, /on this ActionSet never runs: Outlook reads it only on the top-level card\. Move it to the card root/);
  });

  it('reports it on a Container, a Column, an action and a ShowCard card', () => {
    const text = card('1.0', [
      { type: 'Container', items: [TEXT], autoInvokeAction: auto },
      { type: 'ColumnSet', columns: [{ items: [TEXT], autoInvokeAction: auto }] },
    ], { actions: [{ ...OPEN, autoInvokeAction: auto }, { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [TEXT], autoInvokeAction: auto } }] });
    assert.deepEqual(messages(text, 'AM049').map((message) => /on (.*?) never runs/.exec(message)![1]), [
      'a card inside Action.ShowCard', 'this Container', 'this Column', 'this Action.OpenUrl',
    ]);
  });

  it('says to remove it when the card root has one already', () => {
    const text = card('1.0', [{ type: 'Container', items: [TEXT], autoInvokeAction: auto }], { autoInvokeAction: auto });
    assert.deepEqual(ruleIds(text), ['AM049']);
    assert.match(messages(text, 'AM049')[0]!, /The card root has one already, so remove this one/);
  });

  it('reports the Universal Actions shape: an Action.Execute autoInvokeAction on an ActionSet of a 1.4 card', () => {
    const execute = { type: 'Action.Execute', title: 'Accept', verb: 'accept', data: {} };
    const text = card('1.4', [{ type: 'ActionSet', actions: [execute], autoInvokeAction: { type: 'Action.Execute', verb: 'opened', data: {} } }],
      { refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] } });
    assert.deepEqual(ruleIds(text), ['AM049']);
  });

  it('accepts it on the top-level card, a null one elsewhere, and leaves rejected elements and fallback content alone', () => {
    assert.deepEqual(ruleIds(autoInvokeCard(auto)), []);
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Container', items: [TEXT], autoInvokeAction: null }])), []);
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Table', autoInvokeAction: auto }])), ['AM032']);
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Container', items: [TEXT], fallback: { type: 'Container', items: [TEXT], autoInvokeAction: auto } }])), []);
  });
});

describe('AM096 registered target URLs', () => {
  const targetUrls = ['https://api.contoso.example/actions', 'fabrikam.example'];
  it('is silent without registered target URLs', () => {
    assert.deepEqual(ruleIds(httpCard({ url: 'https://elsewhere.example/c' }), { targetUrls: [] }), []);
  });
  it('accepts registered hosts and their subdomains, whatever the path', () => {
    for (const url of ['https://api.contoso.example/other', 'https://eu.api.contoso.example/', 'https://FABRIKAM.example/x', 'https://a.fabrikam.example:8443/x']) {
      assert.deepEqual(ruleIds(httpCard({ url }), { targetUrls }), [], url);
    }
  });
  it('reports other hosts on the url, for actions and autoInvokeAction', () => {
    const text = httpCard({ url: 'https://contoso.example/c' }, { autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://evilfabrikam.example/', body: '' } });
    assert.deepEqual(reportedRanges(text, 'AM096', { targetUrls }), ['"https://contoso.example/c"', '"https://evilfabrikam.example/"']);
    assert.match(messages(text, 'AM096', { targetUrls })[0]!, /contoso\.example.*registered/);
  });
  it('names the host exactly as the url writes it: case, trailing dots, IDN and port-less', () => {
    const written: Record<string, string> = {
      'https://api.contoso.com.../x': 'api.contoso.com...',
      'https://evil.example./x': 'evil.example.',
      'https://API.Other.example:8443/x': 'API.Other.example',
      'https://ana@bücher.example/x': 'bücher.example',
      ' https://padded.example/ ': 'padded.example',
    };
    for (const [url, host] of Object.entries(written)) {
      assert.equal(messages(httpCard({ url }), 'AM096', { targetUrls })[0],
        `"${host}" is not under the registered target URLs (api.contoso.example, fabrikam.example): Outlook refuses actions to unregistered hosts. Register it in the Actionable Email Developer Dashboard and in actionableMessages.targetUrls, or use a registered host.`, url);
    }
  });
  it('parses target URL entries liberally', () => {
    assert.equal(registeredHost('https://API.Contoso.example/v1?x=1'), 'api.contoso.example');
    assert.equal(registeredHost(' contoso.example:443/path '), 'contoso.example');
    assert.equal(registeredHost('*.contoso.example'), 'contoso.example');
    assert.equal(registeredHost('http://contoso.example.'), 'contoso.example');
    assert.equal(registeredHost(''), undefined);
  });
});

describe('a corrected Action.Http card', () => {
  it('reports nothing', () => {
    const text = card('1.0', [{ type: 'Input.Text', id: 'comment', placeholder: 'Comment' }, { type: 'Input.Toggle', id: 'agree', title: 'Agree' }], {
      actions: [{
        type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c?agree={{agree.value}}',
        body: '{"comment": "{{comment.value}}"}', headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Authorization', value: '' }],
      }],
      autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/refresh', body: '' },
    });
    assert.deepEqual(ruleIds(text, { targetUrls: ['api.contoso.example'] }), []);
  });
});

describe('URL scheme and host found by scans, as the patterns they replace found them', () => {
  // The patterns that were replaced: they backtracked on long runs of spaces and of "]" (docs/architecture.md § "No
  // user text meets a backtracking pattern").
  const trim = (url: string): string => url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const writtenHost = (url: string): string | undefined => {
    const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
    if (authority === undefined) return undefined;
    const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
    return hostAndPort.startsWith('[') ? hostAndPort.replace(/\].*$/, ']') : hostAndPort.replace(/:[^:]*$/, '');
  };
  it('agree on every URL of up to 4 pieces of schemes, spaces, controls, brackets, colons and at signs', () => {
    const pieces = ['https://', 'HTTP://', 'mailto:', ' ', '\u0000', '\t', '\n', '\u2028', '[', ']', ':', '@', 'a', '/'];
    const urls = [''];
    let level = [''];
    for (let count = 1; count <= 4; count++) {
      level = level.flatMap((prefix) => pieces.map((piece) => prefix + piece));
      urls.push(...level);
    }
    for (const url of urls) {
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trim(url))?.[1]?.toLowerCase();
      assert.equal(urlScheme(url), scheme, JSON.stringify(url));
      assert.equal(isHttpUrlWithHost(url), (scheme === 'http' || scheme === 'https') && !!writtenHost(trim(url)), JSON.stringify(url));
      assert.equal(isHttpsUrl(url), /^https:\/\//i.test(url) && !!writtenHost(url), JSON.stringify(url));
    }
  });
});

describe('the host of a parsable Action.Http url, read off the text when it is plain, is the URL class\'s', () => {
  it('agrees with urlHost on plain, upper-case, numeric, punycode, user, port and escaped hosts', () => {
    const urls = [
      'https://api.contoso.example/approve', 'HTTPS://API.Contoso.Example./a?b#c', 'https://a.com', 'https://a.com.', 'https://a.com:443/',
      'https://a.com:/x', 'https://1.2.3.4/', 'https://1.2.3.4./', 'https://0x7f.1/', 'https://127.1/', 'https://a.0x1F/', 'https://a.0xg/',
      'https://a.1e5/', 'https://08.a/', 'https://a.08/', 'https://2130706433/', 'https://localhost/', 'https://x.LOCALHOST:8080/',
      'https://xn--nxasmq6b.example/', 'https://a.XN--nxasmq6b/', 'https://a.xn--/', 'https://a-.-b.c/', 'https://-a.b-/', 'https://user@a.com/',
      'https://user:pw@a.com/', 'https://a.com:80@b.com/', 'https://a.com\\@b.com/', 'https://a.com:80\\@b.com/', 'https://a%2Ecom/',
      'https://[::1]/', 'https://[0:0::1]:8/', ' https://a.com/ ', 'https://a.c\tom/', 'https://a.com?x@y', 'https://a.com#@y', 'https://a.b.c.d.e.f/',
      `https://${'a'.repeat(70)}.com/`, 'https://ａ.com/', 'https://a.com\u3002b/', 'https://ex%41mple.com/',
    ];
    for (const url of urls) {
      if (!isParsableUrl(url)) continue;
      assert.equal(parsableUrlHost(url), urlHost(url), JSON.stringify(url));
    }
  });

  it('agrees with urlHost on every parsable url of https:// and up to 4 pieces of labels, dots, ports and separators', () => {
    const pieces = ['a', 'B', '0', '1f', '0x', 'xn--', '-', '.', ':8', ':', '@', '/', '?', '#', '%41', '\\'];
    let level = ['https://'];
    let checked = 0;
    for (let count = 1; count <= 4; count++) {
      level = level.flatMap((prefix) => pieces.map((piece) => prefix + piece));
      for (const url of level) {
        if (!isParsableUrl(url)) continue;
        checked++;
        assert.equal(parsableUrlHost(url), urlHost(url), JSON.stringify(url));
      }
    }
    assert.ok(checked > 10000, `only ${checked} parsable urls`);
  });
});

describe('a URL of the plain https shape is answered at once, as the full scans answer it', () => {
  it('takes the shape: https:// in any case, a host of letters, digits, "-" and ".", then /, ?, # or the end', () => {
    for (const url of ['https://api.contoso.example/approve', 'HTTPS://A.B', 'https://a.com?x', 'https://a.com#y', 'https://1.2.3.4/']) {
      assert.equal(isPlainHttpsUrl(url), true, url);
    }
    for (const url of ['https://a.com:443/', 'https://user@a.com/', 'https://a b/', 'http://a.com/', ' https://a.com/', 'https://', 'https:///a', 'https://a.com\t/', 'https://[::1]/']) {
      assert.equal(isPlainHttpsUrl(url), false, url);
    }
  });

  it('urlScheme, isHttpUrlWithHost and isHttpsUrl agree with their scans on every url of up to 3 pieces after a scheme', () => {
    // A leading space keeps a url off the shortcut (the shape starts at the first character) and changes nothing else:
    // urlScheme and isHttpUrlWithHost drop it first, as browsers do.
    const pieces = ['a', 'B', '0', '-', '.', ':8', ':', '@', '/', '?', '#', '%41', '\\', '[', ']', ' ', '\t', '\n', 'é'];
    const schemes = ['https://', 'HTTPS://', 'Https://', 'http://', 'https:/', 'https:', 'ftp://', ''];
    let plain = 0;
    let level = schemes;
    for (let count = 1; count <= 3; count++) {
      level = level.flatMap((prefix) => pieces.map((piece) => prefix + piece));
      for (const url of level) {
        assert.equal(urlScheme(url), urlScheme(` ${url}`), JSON.stringify(url));
        assert.equal(isHttpUrlWithHost(url), isHttpUrlWithHost(` ${url}`), JSON.stringify(url));
        if (!isPlainHttpsUrl(url)) continue;
        plain++;
        // isHttpsUrl reads the url as written: https:// first, and a host.
        assert.equal(isHttpsUrl(url), /^https:\/\//i.test(url) && writtenUrlHost(url) !== undefined, JSON.stringify(url));
        if (isParsableUrl(url)) assert.equal(new URL(url).protocol, 'https:', JSON.stringify(url));
      }
    }
    assert.ok(plain > 1000, `only ${plain} urls of the plain shape`);
  });
});
