// Messages as the editor shows them, from the real server: a placeholder originator (AM012) and the host of an
// Action.Http URL outside the registered target URLs (AM096).
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { applyTextEdits, LspClient, textIn, uriOf } from './lsp-client';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

describe('lsp: messages', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    assert.equal(await client?.stop(), 0);
    client = undefined;
  });

  it('AM012 on the placeholder the AM010 quick fix inserts says to replace it with the provider id, not to remove brackets', async () => {
    client = await LspClient.start({ settings: {} });
    const uri = uriOf('placeholder.card.json');
    const text = pretty({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });
    const [am010] = await client.openAndWait(uri, text);
    const [fix] = await client.codeActions(uri, [am010!]);
    const fixed = applyTextEdits(text, fix!.edit!.changes![uri]!);
    const [am012, ...others] = await client.changeAndWait(uri, fixed);
    assert.deepEqual(others, []);
    assert.equal(am012!.code, 'AM012');
    const placeholder = textIn(fixed, am012!.range);
    assert.match(placeholder, /^"<.*>"$/);
    assert.equal(am012!.message, `"originator" is still the placeholder ${placeholder}: replace the whole value with the provider id (a GUID) from the Actionable Email Developer Dashboard.`);
  });

  it('AM096 names the host exactly as the url writes it', async () => {
    client = await LspClient.start({ settings: { targetUrls: ['https://api.contoso.example'] } });
    const text = pretty({
      type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body: [{ type: 'TextBlock', text: 'Hi' }],
      actions: [{ type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://Api.Fabrikam.example.../go', body: '' }],
    });
    const [am096, ...others] = await client.openAndWait(uriOf('host.card.json'), text);
    assert.deepEqual(others, []);
    assert.equal(am096!.code, 'AM096');
    assert.match(am096!.message, /^"Api\.Fabrikam\.example\.\.\." is not under the registered target URLs \(api\.contoso\.example\)/);
  });
});
