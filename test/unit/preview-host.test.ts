import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { Debounced } from '../../client/src/preview/debounce';
import { CARD_DIAGNOSTIC_SOURCE, countDiagnostics } from '../../client/src/preview/diagnostic-counts';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/preview-html';
import { DEFAULT_PREVIEW_OPTIONS, previewOptionsFrom } from '../../webview/src/preview-options';
import { dataFileFor } from '../../server/src/card';
import { folderDistance, nearestFirst } from '../../client/src/preview/related-files';
import { matchesFileGlobs } from '../../server/src/settings/card-files';
import { DEFAULT_RESPONSE_FILES } from '../../server/src/settings/editor-settings';
import { checkOpenableUrl } from '../../client/src/preview/url-policy';
import { webviewMessageFrom } from '../../client/src/preview/webview-messages';

describe('preview page policy', () => {
  const policy = contentSecurityPolicy('https://file+.vscode-resource.example', 'bm9uY2U');
  const directives = new Map(policy.split('; ').map((directive) => {
    const [name = '', ...sources] = directive.split(' ');
    return [name, sources] as const;
  }));

  it('runs scripts only by nonce, loads styles and fonts only from the bundle, and images only over https or data:', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-bm9uY2U'"]);
    assert.deepEqual(directives.get('style-src'), ['https://file+.vscode-resource.example']);
    assert.deepEqual(directives.get('font-src'), ['https://file+.vscode-resource.example']);
    assert.deepEqual(directives.get('img-src'), ['https:', 'data:']);
    for (const closed of ['connect-src', 'frame-src', 'form-action', 'base-uri', 'media-src']) assert.deepEqual(directives.get(closed), ["'none'"], closed);
    assert.doesNotMatch(policy, /unsafe-|\*/);
  });

  it('puts the policy first in the head and the nonce on its one script, escaping attribute values', () => {
    const html = previewHtml({
      cspSource: 'https://file+.vscode-resource.example', nonce: 'bm9uY2U', scriptUri: 'https://x.example/dist/webview.js?a="b"&c',
      styleUri: 'https://x.example/dist/webview.css', options: DEFAULT_PREVIEW_OPTIONS,
    });
    assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.indexOf('<link'), 'policy before the style sheet');
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="bm9uY2U" src="https:\/\/x\.example\/dist\/webview\.js\?a=&quot;b&quot;&amp;c">/);
  });
});

describe('preview data file choice', () => {
  it('pairs <name>.data.json with <name>.card.json, even when the folder has other data files', () => {
    assert.equal(dataFileFor('order.card.json', ['order.card.json', 'invoice.data.json', 'order.data.json']), 'order.data.json');
  });

  it('pairs data.json with card.json', () => {
    assert.equal(dataFileFor('card.json', ['card.json', 'data.json', 'other.data.json']), 'data.json');
  });

  it('takes the only *.data.json of the folder when there is no paired file', () => {
    assert.equal(dataFileFor('order.card.json', ['order.card.json', 'sample.data.json', 'notes.json']), 'sample.data.json');
    assert.equal(dataFileFor('expense.json', ['expense.json', 'sample.data.json']), 'sample.data.json');
    assert.equal(dataFileFor('card.json', ['card.json', 'sample.data.json']), 'sample.data.json');
  });

  it('leaves a data file to its own card: the only *.data.json does not count when it pairs with another card', () => {
    const folder = ['approval.card.json', 'expense.card.json', 'expense.data.json'];
    assert.equal(dataFileFor('approval.card.json', folder), undefined);
    assert.equal(dataFileFor('expense.card.json', folder), 'expense.data.json');
    assert.equal(dataFileFor('approval.card.json', [...folder, 'sample.data.json']), 'sample.data.json');
  });

  it('takes none when several unpaired *.data.json files make the choice ambiguous', () => {
    assert.equal(dataFileFor('order.card.json', ['order.card.json', 'a.data.json', 'b.data.json']), undefined);
  });

  it('takes none without data files; data.json pairs only with card.json and a card is never its own data', () => {
    assert.equal(dataFileFor('order.card.json', ['order.card.json', 'order.json', 'data.json']), undefined);
    assert.equal(dataFileFor('x.data.json', ['x.data.json']), undefined);
  });

  it('compares names case-insensitively and returns the name as listed', () => {
    assert.equal(dataFileFor('Order.Card.json', ['Order.Card.json', 'ORDER.DATA.JSON', 'z.data.json']), 'ORDER.DATA.JSON');
  });
});

describe('preview response file ordering', () => {
  it('recognises the response files by the responseFiles globs, the default *.response.json names only', () => {
    assert.equal(matchesFileGlobs('/ws/cards/approved.response.json', ['/ws'], DEFAULT_RESPONSE_FILES), true);
    assert.equal(matchesFileGlobs('/elsewhere/approved.response.json', ['/ws'], DEFAULT_RESPONSE_FILES), true);
    assert.equal(matchesFileGlobs('/ws/cards/response.json', ['/ws'], DEFAULT_RESPONSE_FILES), false);
    assert.equal(matchesFileGlobs('/ws/cards/approved.response.json.bak', ['/ws'], DEFAULT_RESPONSE_FILES), false);
    assert.equal(matchesFileGlobs('/ws/replies/approved.json', ['/ws'], ['replies/*.json']), true);
  });

  it('counts folder steps up to the common ancestor and down again', () => {
    assert.equal(folderDistance('/ws/cards/', '/ws/cards/'), 0);
    assert.equal(folderDistance('/ws/cards/', '/ws/cards/responses/'), 1);
    assert.equal(folderDistance('/ws/cards/', '/ws/'), 1);
    assert.equal(folderDistance('/ws/cards/', '/ws/other/deep/'), 3);
    assert.equal(folderDistance('/ws/cards', '/ws/cardsets/'), 2);
  });

  it('lists the files beside the card first, then by distance, alphabetically within a distance, each once', () => {
    const ordered = nearestFirst('/ws/cards/', [
      '/ws/other/deep/far.response.json',
      '/ws/root.response.json',
      '/ws/cards/z.response.json',
      '/ws/cards/responses/near.response.json',
      '/ws/cards/a.response.json',
      '/ws/cards/z.response.json',
    ]);
    assert.deepEqual(ordered, [
      '/ws/cards/a.response.json',
      '/ws/cards/z.response.json',
      '/ws/cards/responses/near.response.json',
      '/ws/root.response.json',
      '/ws/other/deep/far.response.json',
    ]);
  });
});

describe('preview diagnostic counts', () => {
  it('counts errors, warnings and infos of the card rules and leaves out hints and other sources', () => {
    const ours = (severity: number) => ({ source: CARD_DIAGNOSTIC_SOURCE, severity });
    const counts = countDiagnostics([
      ours(0), ours(0), ours(1), ours(2), ours(2), ours(2), ours(3),
      { source: 'json', severity: 0 }, { severity: 1 },
    ]);
    assert.deepEqual(counts, { errors: 2, warnings: 1, infos: 3 });
  });

  it('is all zero without diagnostics', () => {
    assert.deepEqual(countDiagnostics([]), { errors: 0, warnings: 0, infos: 0 });
  });
});

describe('preview link policy', () => {
  it('offers http, https and mailto links, normalised', () => {
    assert.deepEqual(checkOpenableUrl('https://contoso.example/expenses?id=42'), { openable: true, url: 'https://contoso.example/expenses?id=42' });
    assert.deepEqual(checkOpenableUrl(' HTTP://Contoso.example '), { openable: true, url: 'http://contoso.example/' });
    assert.deepEqual(checkOpenableUrl('mailto:ana@contoso.example'), { openable: true, url: 'mailto:ana@contoso.example' });
  });

  it('refuses other schemes, naming the scheme and the URL', () => {
    for (const [url, scheme] of [['javascript:alert(1)', 'javascript'], ['file:///etc/passwd', 'file'], ['command:workbench.action.quit', 'command'],
      ['vscode://settings', 'vscode'], ['data:text/html,<b>x</b>', 'data']]) {
      const verdict = checkOpenableUrl(url!);
      assert.equal(verdict.openable, false, url);
      assert.ok(!verdict.openable && verdict.problem.includes(`not ${scheme}:`) && verdict.problem.includes(url!), `${url}: ${JSON.stringify(verdict)}`);
    }
  });

  it('refuses what is no absolute URL', () => {
    const verdict = checkOpenableUrl('/relative/path');
    assert.ok(!verdict.openable && verdict.problem === '"/relative/path" is not a valid absolute URL.');
  });
});

describe('preview options', () => {
  it('keeps valid remembered options and replaces unknown fields by the defaults', () => {
    assert.deepEqual(previewOptionsFrom({ theme: 'highContrast', width: 'mobile' }), { theme: 'highContrast', width: 'mobile' });
    assert.deepEqual(previewOptionsFrom({ theme: 'sepia', width: 'mobile' }), { theme: 'light', width: 'mobile' });
    assert.deepEqual(previewOptionsFrom(undefined), DEFAULT_PREVIEW_OPTIONS);
    assert.deepEqual(previewOptionsFrom('dark'), DEFAULT_PREVIEW_OPTIONS);
  });
});

describe('messages from the preview webview', () => {
  it('accepts each well-formed message with exactly its fields', () => {
    assert.deepEqual(webviewMessageFrom({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(webviewMessageFrom({ type: 'showProblems' }), { type: 'showProblems' });
    assert.deepEqual(webviewMessageFrom({ type: 'rendered', sequence: 3, durationMs: 12.5, outcome: 'keptLastGood' }),
      { type: 'rendered', sequence: 3, durationMs: 12.5, outcome: 'keptLastGood' });
    assert.deepEqual(webviewMessageFrom({ type: 'openUrl', url: 'https://contoso.example' }), { type: 'openUrl', url: 'https://contoso.example' });
    assert.deepEqual(webviewMessageFrom({ type: 'pickResponse', trigger: 'refresh' }), { type: 'pickResponse', trigger: 'refresh' });
    assert.deepEqual(webviewMessageFrom({ type: 'optionsChanged', options: { theme: 'dark', width: 'mobile', x: 1 } }),
      { type: 'optionsChanged', options: { theme: 'dark', width: 'mobile' } });
    const autoInvoke = { type: 'sendHttpAction', title: 'autoInvokeAction', action: { url: 'https://a.example/' }, inputs: [['a', '1']], correlationId: 'c', automatic: true };
    assert.deepEqual(webviewMessageFrom({ ...autoInvoke, extra: 1 }), autoInvoke);
  });

  it('ignores malformed messages', () => {
    for (const message of [null, 'ready', 42, {}, { type: 'evaluate' }, { type: 'rendered', sequence: '3', durationMs: 1, outcome: 'card' },
      { type: 'rendered', sequence: 3, durationMs: 1, outcome: 'exploded' }, { type: 'openUrl', url: 7 }, { type: 'pickResponse', trigger: 'always' },
      { type: 'sendHttpAction', title: 't', action: {}, inputs: [], automatic: 'yes' }]) {
      assert.equal(webviewMessageFrom(message), undefined, JSON.stringify(message));
    }
  });
});

describe('Debounced', () => {
  it('runs once after the last schedule, never after cancel', (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    const runs = mock.fn();
    const debounced = new Debounced(150, runs);
    debounced.schedule();
    context.mock.timers.tick(100);
    debounced.schedule();
    context.mock.timers.tick(149);
    assert.equal(runs.mock.callCount(), 0);
    context.mock.timers.tick(1);
    assert.equal(runs.mock.callCount(), 1);
    context.mock.timers.tick(1000);
    assert.equal(runs.mock.callCount(), 1, 'one schedule, one run');
    debounced.schedule();
    debounced.cancel();
    context.mock.timers.tick(1000);
    assert.equal(runs.mock.callCount(), 1);
  });
});
