import * as assert from 'assert';
import * as vscode from 'vscode';
import { CARD_TEMPLATES } from '../../client/src/commands/card-templates';
import { openInEditor, startExtension, waitForNoRule, waitForRule, workspaceFile } from './helpers';

const PROVIDER_ID = '0b7c1e9a-3f52-4d8e-9a61-7c2e5f804d13';
const FOLDER = 'new-cards';

async function newCard(options: Record<string, unknown>): Promise<{ uri?: string; error?: string } | undefined> {
  return vscode.commands.executeCommand('actionableMessages.newCard', { folder: workspaceFile(FOLDER), ...options });
}

/** The diagnostics of `uri` once the server has caught up: a card opened after it has got its own. */
async function settledDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  const witness = await openInEditor('missing-originator.card.json');
  await waitForRule(witness.document.uri, 'AM010');
  return vscode.languages.getDiagnostics(uri);
}

describe('New Actionable Message Card in a real VS Code', () => {
  before(async () => {
    await startExtension();
    await vscode.workspace.fs.createDirectory(workspaceFile(FOLDER));
  });

  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true });
    await vscode.workspace.fs.delete(workspaceFile('beside.card.json'));
  });

  afterEach(async () => {
    await vscode.workspace.saveAll(false); // typed into; closing would ask
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('actionableMessages').update('originator', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('writes each template with the originator placeholder selected; typing the provider id leaves it clean', async () => {
    for (const template of CARD_TEMPLATES) {
      const name = `typed-${template.id}${template.suffix}`;
      const result = await newCard({ template: template.id, name });
      assert.strictEqual(result?.uri, workspaceFile(`${FOLDER}/${name}`).toString());
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), result.uri);
      assert.strictEqual(editor.document.getText(editor.selection), '<provider id from the Actionable Email Developer Dashboard>');
      await waitForRule(editor.document.uri, 'AM012');
      await vscode.commands.executeCommand('type', { text: PROVIDER_ID });
      await waitForNoRule(editor.document.uri, 'AM012');
      assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.message), [], template.id);
      assert.strictEqual((JSON.parse(editor.document.getText()) as { originator: string }).originator, PROVIDER_ID);
    }
  });

  it('takes the originator from actionableMessages.originator: the new card has no diagnostic', async () => {
    await vscode.workspace.getConfiguration('actionableMessages').update('originator', PROVIDER_ID, vscode.ConfigurationTarget.Workspace);
    const result = await newCard({ template: 'uam-approval', name: 'configured' });
    const uri = workspaceFile(`${FOLDER}/configured.card.json`);
    assert.strictEqual(result?.uri, uri.toString());
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), new RegExp(`"originator": "${PROVIDER_ID}"`));
    assert.deepStrictEqual((await settledDiagnostics(uri)).map((d) => d.message), []);
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const taken = workspaceFile(`${FOLDER}/taken.card.json`);
    await vscode.workspace.fs.writeFile(taken, Buffer.from('{"keep": "me"}'));
    const result = await newCard({ template: 'http-approval', name: 'taken.card.json' });
    assert.match(result?.error ?? '', /taken\.card\.json already exists/);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(taken)).toString(), '{"keep": "me"}');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === taken.toString() && d.isDirty));
  });

  it('creates the card beside the active file when no folder is given', async () => {
    await openInEditor('submit.card.json');
    const result = await vscode.commands.executeCommand<{ uri: string }>('actionableMessages.newCard', { template: 'input-form', name: 'beside' });
    assert.strictEqual(result.uri, workspaceFile('beside.card.json').toString());
  });

  it('offers element snippets in body and the version\'s action snippets in actions, also in cards with "$schema"', async () => {
    const snippetsAfter = async (editor: vscode.TextEditor, needle: string): Promise<string[]> => {
      const position = editor.document.positionAt(editor.document.getText().indexOf(needle) + needle.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    for (const [file, offered, refused] of [['approval-http.card.json', 'Action.Http', 'Action.Execute'], ['approval-uam.card.json', 'Action.Execute', 'Action.Http']]) {
      const editor = await openInEditor(`examples/${file}`);
      assert.match(editor.document.getText(), /"\$schema"/);
      assert.ok((await snippetsAfter(editor, '"body": [')).includes('FactSet'), file);
      const actions = await snippetsAfter(editor, '"actions": [');
      assert.ok(actions.includes(offered) && !actions.includes(refused) && !actions.includes('Action.Submit'), `${file}: ${actions.join()}`);
    }
  });
});
