import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  diagnosticsOf, openInEditor, rangeOf, ruleId, startExtension, waitFor, waitForNoRule, waitForRule, workspaceFile,
} from './helpers';

describe('diagnostics in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports Action.Submit as AM030 from actionable-messages on the action type', async () => {
    const editor = await openInEditor('submit.card.json');
    const [diagnostic] = await waitForRule(editor.document.uri, 'AM030');
    assert.strictEqual(diagnostic.source, 'actionable-messages');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(diagnostic.range, rangeOf(editor.document, '"Action.Submit"'));
    assert.ok(typeof diagnostic.code === 'object', 'the rule id links to its documentation');
    assert.strictEqual(diagnostic.code.target.fragment, 'am030');
  });

  it('clears AM030 when the edit replaces Action.Submit with Action.OpenUrl', async () => {
    const editor = await openInEditor('submit.card.json');
    const uri = editor.document.uri;
    await waitForRule(uri, 'AM030');
    const replaced = await editor.edit((edit) => edit.replace(
      rangeOf(editor.document, '{ "type": "Action.Submit", "title": "Approve" }'),
      '{ "type": "Action.OpenUrl", "title": "Approve", "url": "https://contoso.example/approve" }'));
    assert.ok(replaced, 'the edit was applied');
    await waitForNoRule(uri, 'AM030');
  });

  it('reports a missing originator as AM010 and drops it when actionableMessages.rules turns AM010 off', async () => {
    const editor = await openInEditor('missing-originator.card.json');
    const uri = editor.document.uri;
    const [diagnostic] = await waitForRule(uri, 'AM010');
    assert.strictEqual(diagnostic.source, 'actionable-messages');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const settings = vscode.workspace.getConfiguration('actionableMessages', uri);
    await settings.update('rules', { AM010: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForNoRule(uri, 'AM010');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRule(uri, 'AM010');
  });

  it('leaves a plain JSON file (no card, outside actionableMessages.files) without diagnostics', async () => {
    const plain = workspaceFile('plain.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain), { preview: false });
    // The server handles notifications in order: once a card opened afterwards has its diagnostics,
    // the plain file's turn has passed.
    const card = await openInEditor('missing-originator.card.json');
    await waitForRule(card.document.uri, 'AM010');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const unexpected = vscode.languages.getDiagnostics(plain).filter((d) => d.source === 'actionable-messages');
    assert.deepStrictEqual(unexpected.map((d) => `${ruleId(d)}: ${d.message}`), []);
  });

  it('checks an untitled JSON document that holds a card', async () => {
    const submitCard = await vscode.workspace.fs.readFile(workspaceFile('submit.card.json'));
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: Buffer.from(submitCard).toString('utf8') });
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.uri.scheme, 'untitled');
    const [diagnostic] = await waitForRule(document.uri, 'AM030');
    assert.deepStrictEqual(diagnostic.range, rangeOf(document, '"Action.Submit"'));
  });

  it('keeps checking a card switched to JSON with Comments (jsonc)', async () => {
    const editor = await openInEditor('missing-originator.card.json');
    await waitForRule(editor.document.uri, 'AM010');
    // A language change closes the document for the server and opens it again under the new language.
    const document = await vscode.languages.setTextDocumentLanguage(editor.document, 'jsonc');
    const jsoncEditor = await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'AM010');
    const added = await jsoncEditor.edit((edit) => edit.insert(
      rangeOf(document, '"version"').start, '"originator": "8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a",\n  '));
    assert.ok(added, 'the edit was applied');
    await waitForNoRule(document.uri, 'AM010');
  });

  it('publishes nothing while actionableMessages.validation.enable is false', async () => {
    const editor = await openInEditor('submit.card.json');
    const uri = editor.document.uri;
    await waitForRule(uri, 'AM030');
    const settings = vscode.workspace.getConfiguration('actionableMessages', uri);
    await settings.update('validation.enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('every actionable-messages diagnostic to disappear', () =>
        (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'actionable-messages') ? undefined : true));
    } finally {
      await settings.update('validation.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRule(uri, 'AM030');
    assert.strictEqual(diagnosticsOf(uri, 'AM030').length, 1);
  });

  it('shows an example card clean, then AM020 on each Action.Http once its version becomes 1.4', async () => {
    const editor = await openInEditor('examples/approval-http.card.json');
    const uri = editor.document.uri;
    // Notifications are handled in order: once a card opened afterwards has its diagnostics, the example's are in.
    await openInEditor('submit.card.json');
    await waitForRule(workspaceFile('submit.card.json'), 'AM030');
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'actionable-messages');
    assert.deepStrictEqual(ours().map((d) => `${ruleId(d)}: ${d.message}`), []);
    const example = await vscode.window.showTextDocument(editor.document);
    const changed = await example.edit((edit) => edit.replace(rangeOf(example.document, '"version": "1.0"'), '"version": "1.4"'));
    assert.ok(changed, 'the edit was applied');
    const httpActions = (example.document.getText().match(/"Action\.Http"/g) ?? []).length;
    const reported = await waitFor(`AM020 on all ${httpActions} Action.Http`, () => {
      const found = diagnosticsOf(uri, 'AM020');
      return found.length === httpActions ? found : undefined;
    });
    const firstHttp = rangeOf(example.document, '"Action.Http"');
    assert.ok(reported.some((d) => d.range.isEqual(firstHttp)), 'AM020 lies on the "Action.Http" type value');
  });
});

