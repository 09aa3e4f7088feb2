import * as assert from 'assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { ActionableMessagesApi } from '../../client/src/extension';
import { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from '../../client/src/server-commands';
import { diagnosticsOf, openInEditor, startExtension, waitForRule } from './helpers';

describe('language server commands and trace setting in a real VS Code', () => {
  let api: ActionableMessagesApi;

  before(async () => {
    api = await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Restart Language Server stops the server, starts a new one, and the card\'s diagnostics come back', async () => {
    const editor = await openInEditor('submit.card.json');
    const uri = editor.document.uri;
    await waitForRule(uri, 'AM030');
    const states: State[] = [];
    let cleared = false;
    const subscriptions = [
      api.client.onDidChangeState((event) => states.push(event.newState)),
      vscode.languages.onDidChangeDiagnostics(() => { if (diagnosticsOf(uri, 'AM030').length === 0) cleared = true; }),
    ];
    try {
      const result = await vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
      assert.strictEqual(result, undefined, `the command reported ${JSON.stringify(result)}`);
      assert.deepStrictEqual(states, [State.Stopped, State.Starting, State.Running]);
      assert.ok(cleared, 'the stopped server\'s diagnostics were cleared');
      await waitForRule(uri, 'AM030');
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
    }
  });

  it('Show Output runs without a problem report', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(SHOW_OUTPUT_COMMAND), undefined);
  });

  it('declares actionableMessages.trace.server, the setting the client named actionableMessages reads', async () => {
    const settings = vscode.workspace.getConfiguration('actionableMessages');
    assert.strictEqual(settings.inspect('trace.server')?.defaultValue, 'messages');
    // VS Code refuses to write a workspace value for a setting no extension declares.
    await settings.update('trace.server', 'verbose', vscode.ConfigurationTarget.Workspace);
    try {
      assert.strictEqual(vscode.workspace.getConfiguration('actionableMessages').get('trace.server'), 'verbose');
    } finally {
      await settings.update('trace.server', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
