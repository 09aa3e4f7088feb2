// Templates (cards with ${…}) through Sign Card and Copy Email HTML in the real extension host: expanded with the data
// file the preview uses, and refused without one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CopiedEmailHtml } from '../../client/src/commands/copy-email-html';
import type { SignedCard } from '../../client/src/commands/sign-card';
import type { GeneratedKeyPair } from '../../client/src/commands/generate-key-pair';
import { execute, failure, openInEditor, scriptCard, startExtension, succeeded, workspaceFile } from './helpers';

// A folder of this suite's own: the preview suite edits templated/order.data.json and leaves its edits behind.
const TEMPLATE = 'template-commands/order.card.json';
const CARD = {
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [{ type: 'TextBlock', text: 'Order ${orderId} is ready' }, { type: 'TextBlock', text: 'Ship to ${customer}', wrap: true }],
  actions: [{ type: 'Action.OpenUrl', title: 'Track order', url: 'https://contoso.example/orders/${orderId}' }],
};
const SIGNING = { sender: 'alerts@contoso.example', recipients: ['ana.silva@contoso.example'], keySource: 'secretStorage' };

interface OrderCard {
  readonly body: { text: string }[];
  readonly actions: { url: string }[];
}

function orderCard(html: string): OrderCard {
  return scriptCard(html) as OrderCard;
}

describe('Sign Card and Copy Email HTML on a template card in a real VS Code', () => {
  before(async () => {
    fs.mkdirSync(workspaceFile('template-commands').fsPath, { recursive: true });
    fs.writeFileSync(workspaceFile(TEMPLATE).fsPath, JSON.stringify(CARD, null, 2));
    fs.writeFileSync(workspaceFile('template-commands/order.data.json').fsPath, JSON.stringify({ orderId: 'SO-4711', customer: 'Ana Silva' }, null, 2));
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Sign Card signs the template expanded with the data file beside it', async () => {
    succeeded(await execute<GeneratedKeyPair>('actionableMessages.generateSigningKeyPair', { modulusLength: 2048, privateKeyDestination: 'secretStorage', replace: true }));
    await openInEditor(TEMPLATE);
    const signed = succeeded(await execute<SignedCard>('actionableMessages.signCard', SIGNING));
    const payload = JSON.parse(Buffer.from(signed.jws.split('.')[1]!, 'base64url').toString('utf8'));
    const card = JSON.parse(payload.adaptiveCardSerialized);
    assert.ok(!payload.adaptiveCardSerialized.includes('${'), payload.adaptiveCardSerialized);
    assert.deepStrictEqual(card.body.map((block: { text: string }) => block.text), ['Order SO-4711 is ready', 'Ship to Ana Silva']);
    assert.strictEqual(card.actions[0].url, 'https://contoso.example/orders/SO-4711');
  });

  it('Copy Email HTML copies the expanded card, signed and unsigned, and takes unsaved edits of the data file', async () => {
    await openInEditor(TEMPLATE);
    const copied = succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml', {}));
    assert.strictEqual(await vscode.env.clipboard.readText(), copied.html);
    assert.ok(!copied.html.includes('${'), copied.html);
    assert.strictEqual(orderCard(copied.html).body[0]!.text, 'Order SO-4711 is ready');
    assert.match(copied.html, /<p>Ship to Ana Silva<\/p>/, 'the readable body is expanded too');

    const signed = succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml', { signed: true, ...SIGNING }));
    assert.ok(signed.signed && !signed.html.includes('${'), signed.html);

    const data = await openInEditor('template-commands/order.data.json');
    const at = data.document.positionAt(data.document.getText().indexOf('SO-4711'));
    assert.ok(await data.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 'SO-4711'.length)), 'SO-9999')));
    await openInEditor(TEMPLATE);
    const edited = succeeded(await execute<CopiedEmailHtml>('actionableMessages.copyEmailHtml', {}));
    assert.strictEqual(orderCard(edited.html).actions[0]!.url, 'https://contoso.example/orders/SO-9999', 'as the preview shows it');
    await vscode.window.showTextDocument(data.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refuses a template without a data file in both commands, naming the card and the folder, and copies nothing', async () => {
    const card = workspaceFile('no-data/lonely.card.json');
    fs.mkdirSync(workspaceFile('no-data').fsPath, { recursive: true });
    fs.writeFileSync(card.fsPath, JSON.stringify(CARD));
    await openInEditor('no-data/lonely.card.json');
    await vscode.env.clipboard.writeText('unchanged');
    const copying = failure(await execute('actionableMessages.copyEmailHtml', {}));
    assert.strictEqual(copying, 'no-data/lonely.card.json is a template ("Order ${orderId} is ready" at $.body[0].text) and there is no data to expand it with: ' +
      "no data file in no-data (looked for lonely.data.json, or the folder's only *.data.json that pairs with no other card). Raw ${…} must not reach an email or a signature.");
    assert.strictEqual(await vscode.env.clipboard.readText(), 'unchanged');
    const signing = failure(await execute('actionableMessages.signCard', SIGNING));
    assert.strictEqual(signing, copying);
  });
});
