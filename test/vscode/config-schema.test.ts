// An `amcard lint --config` file (amcard.json) in VS Code: package.json's jsonValidation gives it
// dist/amcard-config.schema.json, and VS Code's own JSON language server (not this extension's) validates it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openInEditor, rangeOf, startExtension, waitFor, workspaceFile } from './helpers';

/** The config files the tests write: a file of each name pattern, each once, so no test sees another's document. */
const written: string[] = [];

async function writeConfig(name: string, text: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), Buffer.from(text));
  written.push(name);
  return openInEditor(name);
}

describe('an amcard.json config file in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of written.splice(0)) await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('marks a wrong type, an unknown rule id and a severity that is none of the five', async () => {
    const editor = await writeConfig('amcard.json', '{\n  "originator": 5,\n  "rules": { "AM999": "off", "AM010": "loud" }\n}\n');
    const { document } = editor;
    const diagnostics = await waitFor('three diagnostics on amcard.json', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length >= 3 ? found : undefined;
    });
    const at = (needle: string): vscode.Diagnostic | undefined => diagnostics.find((diagnostic) => diagnostic.range.isEqual(rangeOf(document, needle)));
    assert.ok(at('5'), `no diagnostic on 5: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.ok(at('"AM999"'), `no diagnostic on "AM999": ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.ok(at('"loud"'), `no diagnostic on "loud": ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source !== 'actionable-messages'), 'a config file is no card');
  });

  it('*.amcard.json too: accepts every key amcard lint takes', async () => {
    // No "$schema" here: VS Code would load the schema from that address instead of the extension's.
    const editor = await writeConfig('ci.amcard.json', JSON.stringify({
      originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
      sender: 'alerts@contoso.example',
      targetUrls: ['https://api.contoso.example'],
      rules: { AM010: 'off', schema: 'error' },
      files: ['cards/**/*.json'],
      responseFiles: ['responses/**/*.json'],
    }, null, 2));
    // Give the JSON language server a marker to wait for: the same file with one bad value, then made good again.
    const bad = await editor.edit((edit) => edit.replace(rangeOf(editor.document, '"off"'), '"of"'));
    assert.ok(bad);
    await waitFor('the bad severity marked', () => (vscode.languages.getDiagnostics(editor.document.uri).length > 0 ? true : undefined));
    const good = await editor.edit((edit) => edit.replace(rangeOf(editor.document, '"of"'), '"off"'));
    assert.ok(good);
    await waitFor('no diagnostics on the good file', () => (vscode.languages.getDiagnostics(editor.document.uri).length === 0 ? true : undefined))
      .catch((error: Error) => {
        const left = vscode.languages.getDiagnostics(editor.document.uri).map((diagnostic) => diagnostic.message);
        throw new Error(`${error.message}; left: ${JSON.stringify(left)}`);
      });
  });
});
