// The rules that revision 2 of the rule spec changed (AM011, AM022, AM042, AM045, AM058, AM061, AM064, AM070), as the
// language server publishes them over stdio: one card per rule in the shape that motivated the change. The real cards
// of ../shared/corpus-real/cards, every one with its reviewed verdict, are test/lsp/corpus-real.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, textIn, uriOf, type Diagnostic } from './lsp-client';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
const codes = (diagnostics: Diagnostic[]): string[] => [...new Set(diagnostics.map((d) => String(d.code)))].sort();
/** [code, covered text, severity] of each diagnostic of `rule`. */
const reported = (text: string, diagnostics: Diagnostic[], rule: string): Array<[string, string, number | undefined]> =>
  diagnostics.filter((d) => d.code === rule).map((d) => [rule, textIn(text, d.range), d.severity]);

function card(version: string, body: unknown[], extra: Record<string, unknown> = {}): string {
  return pretty({ type: 'AdaptiveCard', version, originator: PROVIDER, body, ...extra });
}

describe('lsp: rules changed in spec revision 2', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('AM022: a 1.0 form with a label and a data: image reports only its isRequired', async () => {
    const text = card('1.0', [
      { type: 'Image', url: 'data:image/png;base64,iVBORw0KGgo=' },
      { type: 'Input.Text', id: 'name', label: 'Your name', isRequired: true },
    ]);
    const diagnostics = await client.openAndWait(uriOf('rev2-am022.card.json'), text);
    assert.deepEqual(codes(diagnostics), ['AM022']);
    assert.deepEqual(reported(text, diagnostics, 'AM022'), [['AM022', '"isRequired"', WARNING]]);
  });

  it('AM064: not in a 1.0 card, where AM022 reports the isRequired; in a 1.4 card', async () => {
    const input = { type: 'Input.ChoiceSet', id: 'mood', isRequired: true, choices: [{ title: 'Good', value: 'good' }] };
    const at10 = card('1.0', [input]);
    assert.deepEqual(codes(await client.openAndWait(uriOf('rev2-am064-10.card.json'), at10)), ['AM022']);
    const at14 = card('1.4', [input]);
    const diagnostics = await client.openAndWait(uriOf('rev2-am064-14.card.json'), at14);
    assert.deepEqual(reported(at14, diagnostics, 'AM064'), [['AM064', '"Input.ChoiceSet"', INFORMATION]]);
    assert.deepEqual(codes(diagnostics), ['AM064']);
  });

  it('AM061: two toggle actions sharing an id are fine, two inputs sharing one are not', async () => {
    const toggle = (target: string) => ({ type: 'Action.ToggleVisibility', id: 'Expand', targetElements: [target] });
    const text = card('1.0', [
      { type: 'Container', selectAction: toggle('history'), items: [{ type: 'TextBlock', text: 'History' }] },
      { type: 'Container', id: 'history', isVisible: false, items: [{ type: 'TextBlock', text: 'Approved' }] },
      { type: 'Container', selectAction: toggle('details'), items: [{ type: 'TextBlock', text: 'Details' }] },
      { type: 'Container', id: 'details', isVisible: false, items: [{ type: 'TextBlock', text: '12 items' }] },
      { type: 'Input.Text', id: 'comment' },
      { type: 'Input.Text', id: 'Comment' },
    ]);
    const diagnostics = await client.openAndWait(uriOf('rev2-am061.card.json'), text);
    assert.deepEqual(reported(text, diagnostics, 'AM061'), [['AM061', '"Comment"', ERROR]]);
    assert.deepEqual(codes(diagnostics), ['AM061']);
  });

  it('AM011: a 1.2 card with Action.Execute and no originator is AM010 and AM021, a 1.4 one AM011', async () => {
    const execute = { type: 'Action.Execute', title: 'Order', verb: 'order' };
    const at12 = pretty({ type: 'AdaptiveCard', version: '1.2', body: [{ type: 'TextBlock', text: 'Lunch' }], actions: [execute] });
    assert.deepEqual(codes(await client.openAndWait(uriOf('rev2-am011-12.card.json'), at12)), ['AM004', 'AM010', 'AM021']);
    const at14 = pretty({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Lunch' }], actions: [execute] });
    const diagnostics = await client.openAndWait(uriOf('rev2-am011-14.card.json'), at14);
    assert.deepEqual(reported(at14, diagnostics, 'AM011'), [['AM011', '"AdaptiveCard"', ERROR]]);
  });

  it('AM045: object-form headers are a warning', async () => {
    const text = card('1.0', [{ type: 'TextBlock', text: 'Hi' }], {
      actions: [{ type: 'Action.Http', title: 'OK', method: 'POST', url: 'https://api.contoso.example/ok', body: '{}', headers: { Authorization: '' } }],
    });
    const diagnostics = await client.openAndWait(uriOf('rev2-am045.card.json'), text);
    const [[, covered, severity]] = reported(text, diagnostics, 'AM045');
    assert.deepEqual(JSON.parse(covered), { Authorization: '' });
    assert.equal(severity, WARNING);
    assert.deepEqual(codes(diagnostics), ['AM045']);
  });

  it('AM042, AM058, AM070: an https URL with a placeholder host, each by the rule for that URL', async () => {
    const text = card('1.0', [{ type: 'Image', url: 'https://<some-storage-account>.blob.core.windows.net/x.png' }, { type: 'Input.Text', id: 'name' }], {
      actions: [
        { type: 'Action.Http', title: 'OK', method: 'GET', url: 'https://<api-host>/ok?c={{name.value}}' },
        { type: 'Action.OpenUrl', title: 'Open', url: 'https://<tenant>.sharepoint.com/sites/hr' },
      ],
    });
    const diagnostics = await client.openAndWait(uriOf('rev2-urls.card.json'), text);
    assert.deepEqual(codes(diagnostics), ['AM042', 'AM058', 'AM070']);
    assert.deepEqual(reported(text, diagnostics, 'AM042'), [['AM042', '"https://<api-host>/ok?c={{name.value}}"', ERROR]]);
    assert.deepEqual(reported(text, diagnostics, 'AM058'), [['AM058', '"https://<tenant>.sharepoint.com/sites/hr"', ERROR]]);
    assert.deepEqual(reported(text, diagnostics, 'AM070'), [['AM070', '"https://<some-storage-account>.blob.core.windows.net/x.png"', ERROR]]);
  });
});
