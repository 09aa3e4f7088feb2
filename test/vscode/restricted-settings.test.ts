import * as assert from 'assert';
import * as vscode from 'vscode';
import { RESTRICTED_SETTINGS, settingsTarget } from '../../client/src/commands/signing-settings';
import { EXTENSION_ID } from './helpers';

// The suite runs with workspace trust off (every folder trusted); e2e/checks/restricted.mjs runs an untrusted one.
describe('restricted settings (Restricted Mode) in a real VS Code', () => {
  it('are the restrictedConfigurations package.json declares, and each is a setting VS Code knows', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    };
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations,
      RESTRICTED_SETTINGS.map((name) => `actionableMessages.${name}`));
    for (const name of RESTRICTED_SETTINGS) {
      assert.notStrictEqual(vscode.workspace.getConfiguration('actionableMessages').inspect(name)?.defaultValue, undefined, name);
    }
  });

  it('are written to the user settings while the folder is untrusted, to the workspace once trusted', () => {
    for (const name of RESTRICTED_SETTINGS) {
      assert.strictEqual(settingsTarget(name, false), vscode.ConfigurationTarget.Global, name);
      assert.strictEqual(settingsTarget(name, true), vscode.ConfigurationTarget.Workspace, name);
    }
  });

  it('leaves the other settings in the workspace, trusted or not', () => {
    for (const trusted of [false, true]) assert.strictEqual(settingsTarget('sender', trusted), vscode.ConfigurationTarget.Workspace);
  });
});
