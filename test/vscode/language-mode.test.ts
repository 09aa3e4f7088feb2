import * as assert from 'assert';
import * as vscode from 'vscode';
import { openInEditor, startExtension, waitFor, waitForRule } from './helpers';

/** What a provider command answers once the language server has registered its providers (they arrive after start). */
function answerOf<T>(what: string, command: string, ...args: unknown[]): Promise<T> {
  let answer: T | undefined;
  let asking = false;
  return waitFor(what, () => {
    if (!asking) {
      asking = true;
      void Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).then((result) => {
        asking = false;
        if (Array.isArray(result) && result.length > 0) answer = result;
      }, () => { asking = false; });
    }
    return answer;
  });
}

describe('the Adaptive Card language mode in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens *.card.json and *.response.json files in the adaptive-card language, other .json files as JSON', async () => {
    for (const name of ['submit.card.json', 'responses/rejected.response.json']) {
      assert.strictEqual((await openInEditor(name)).document.languageId, 'adaptive-card', name);
    }
    assert.strictEqual((await openInEditor('plain.json')).document.languageId, 'json');
  });

  it('formats a card with the editor\'s indentation and gives its Outline, from our server alone', async () => {
    const editor = await openInEditor('submit.card.json');
    await waitForRule(editor.document.uri, 'AM030');
    const uri = editor.document.uri;
    const edits = await answerOf<vscode.TextEdit[]>('formatting edits', 'vscode.executeFormatDocumentProvider', uri, { tabSize: 8, insertSpaces: true });
    assert.ok(edits.some((edit) => edit.newText.includes(' '.repeat(8))), JSON.stringify(edits.slice(0, 3)));
    const symbols = await answerOf<vscode.DocumentSymbol[]>('document symbols', 'vscode.executeDocumentSymbolProvider', uri);
    const names = symbols.map((symbol) => symbol.name);
    assert.ok(names.includes('type') && names.includes('actions'), names.join());
    assert.strictEqual(new Set(names).size, names.length, `one provider, no duplicates: ${names.join()}`);
  });
});
