import * as assert from 'assert';
import * as vscode from 'vscode';
import { rangeOf, startExtension, waitForNoRule, waitForRule } from './helpers';

const PROVIDER = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** A card with an autoInvokeAction on an ActionSet (AM049) and an input token in Action.Execute data (AM037). */
const card = JSON.stringify({
  type: 'AdaptiveCard', version: '1.4', originator: PROVIDER,
  body: [
    { type: 'Input.Text', id: 'comment', label: 'Comment' },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Send', verb: 'send', data: { comment: '{{comment.value}}', ticket: 7 } }], autoInvokeAction: { type: 'Action.Execute', verb: 'opened' } },
  ],
}, null, 2);

async function applyQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((action) => action.title === title);
  assert.ok(fix?.edit, `"${title}" is offered: ${actions.map((action) => action.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was applied');
}

describe('the rules new in revision 2 in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('warns of AM037 and AM049 on the token and the key, and their quick fixes clear them', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'adaptive-card', content: card });
    await vscode.window.showTextDocument(document);
    const [token] = await waitForRule(document.uri, 'AM037');
    const [misplaced] = await waitForRule(document.uri, 'AM049');
    assert.deepStrictEqual([token.severity, token.range], [vscode.DiagnosticSeverity.Warning, rangeOf(document, '{{comment.value}}')]);
    assert.deepStrictEqual([misplaced.severity, misplaced.range], [vscode.DiagnosticSeverity.Warning, rangeOf(document, '"autoInvokeAction"')]);

    await applyQuickFix(document.uri, token, 'Remove {{comment.value}} (Action.Execute sends the input values itself)');
    await waitForNoRule(document.uri, 'AM037');
    const [stillMisplaced] = await waitForRule(document.uri, 'AM049');
    await applyQuickFix(document.uri, stillMisplaced, 'Remove the misplaced "autoInvokeAction"');
    await waitForNoRule(document.uri, 'AM049');

    const fixed = JSON.parse(document.getText());
    assert.deepStrictEqual(fixed.body[1], { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Send', verb: 'send', data: { ticket: 7 } }] });
  });
});
