import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ActionableMessagesApi } from '../../client/src/extension';
import type { WalkthroughMoment } from '../../client/src/walkthrough';
import { openInEditor, startExtension, waitFor, waitForNoRule, waitForRule } from './helpers';

describe('walkthrough hooks in a real VS Code', () => {
  let api: ActionableMessagesApi;

  before(async () => {
    api = await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a quick fix of the language server, applied as VS Code applies it, runs the walkthrough\'s command', async () => {
    const editor = await openInEditor('submit.card.json');
    const uri = editor.document.uri;
    const [diagnostic] = await waitForRule(uri, 'AM030');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Replace Action.Submit with Action.Http'));
    assert.ok(fix, `the fix is offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.strictEqual(fix.command?.command, 'actionableMessages.walkthrough.quickFixApplied');
    const recorded: WalkthroughMoment[] = [];
    const listening = api.walkthrough.onDidRecord((moment) => recorded.push(moment));
    try {
      // VS Code applies the edit, then runs the command with its arguments.
      assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit), 'the edit was applied');
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      await waitFor('the walkthrough to record the applied fix', () => (recorded.length > 0 ? true : undefined));
      assert.deepStrictEqual(recorded, [{ kind: 'quickFixApplied' }]);
      await waitForNoRule(uri, 'AM030');
    } finally {
      listening.dispose();
    }
  });

  it('every quick fix the server offers carries the command, so any of them completes the step', async () => {
    const editor = await openInEditor('missing-originator.card.json');
    const [diagnostic] = await waitForRule(editor.document.uri, 'AM010');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', editor.document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    // Ours edit the card; other extensions' actions (an AI chat's "Fix", "Explain") only run commands.
    const ours = actions.filter((action) => action.edit?.has(editor.document.uri));
    assert.ok(ours.length > 0, `the server offers a fix for AM010: ${actions.map((action) => action.title).join(' | ')}`);
    for (const action of ours) {
      assert.deepStrictEqual([action.command?.command, action.command?.arguments ?? []], ['actionableMessages.walkthrough.quickFixApplied', []], action.title);
    }
  });
});
