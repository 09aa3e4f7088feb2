import * as assert from 'assert';
import * as vscode from 'vscode';
import { openInEditor, startExtension } from './helpers';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The completion list VS Code shows at `offset`, from every provider; empty until the server answers. */
async function completionAt(document: vscode.TextDocument, offset: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
  return list.items;
}

describe('completion in a real VS Code', () => {
  before(async () => {
    await startExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers TextBlock as a body element type in a card with an adaptivecards.io "$schema", each label once', async () => {
    const editor = await openInEditor('examples/approval-http.card.json');
    const text = editor.document.getText();
    assert.match(text, /"\$schema": "https?:\/\/adaptivecards\.io\/schemas\//);
    const offset = text.indexOf('"TextBlock"') + 1;
    let labels: string[] = [];
    for (let attempt = 0; attempt < 50 && !labels.includes('"TextBlock"'); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      labels = (await completionAt(editor.document, offset)).map(labelOf);
    }
    assert.ok(labels.includes('"TextBlock"') && labels.includes('"Input.Text"'), labels.join());
    assert.deepStrictEqual(labels.filter((label, index) => labels.indexOf(label) !== index), []);
    assert.deepStrictEqual(labels.filter((label) => /^"(Action\.|AdaptiveCard)/.test(label)), []);
  });
});
