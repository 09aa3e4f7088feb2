// Go to Definition, Find All References and Rename of element ids, and completion of input tokens, through VS Code's
// own commands, as F12, Shift+F12, F2 and typing run them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openInEditor, rangeOf, startExtension, workspaceFile, waitForRule } from './helpers';

const FILE = 'element-ids.card.json';
const CARD = JSON.stringify({
  type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
  body: [{ type: 'Input.Text', id: 'comment', label: 'Comment' }, { type: 'TextBlock', text: 'Hi', id: 'note' }],
  actions: [
    { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/approve?c={{comment.value}}', body: '{{Comment.value}}' },
    { type: 'Action.ToggleVisibility', title: 'More', targetElements: ['note'] },
    { type: 'Action.Submit', title: 'Old' },
  ],
}, null, 2);

describe('element ids in a real VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await startExtension();
    await vscode.workspace.fs.writeFile(workspaceFile(FILE), Buffer.from(CARD));
    document = (await openInEditor(FILE)).document;
    // The server has the document once its diagnostics are in (the Action.Submit's AM030).
    await waitForRule(document.uri, 'AM030');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile(FILE));
  });

  /** The position just inside the `occurrence`-th `needle`. */
  function inside(needle: string, occurrence = 0): vscode.Position {
    let offset = -1;
    for (let seen = 0; seen <= occurrence; seen++) offset = document.getText().indexOf(needle, offset + 1);
    return document.positionAt(offset + 3);
  }

  it('Go to Definition goes from a {{Comment.value}} token to the input\'s id', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, inside('{{Comment'));
    assert.strictEqual(locations.length, 1);
    const [location] = locations;
    const range = 'targetRange' in location! ? location.targetRange : location!.range;
    assert.deepStrictEqual(range, rangeOf(document, 'comment'));
  });

  it('Find All References lists the id and its two tokens', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, inside('"comment"'));
    assert.deepStrictEqual(locations.map((location) => document.getText(location.range)), ['comment', 'comment', 'Comment']);
  });

  it('hover on a token names the input it stands for', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside('{{Comment'));
    const text = hovers.flatMap((shown) => shown.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.match(text, /`\{\{Comment\.value\}\}` is replaced with what the user entered in the Input\.Text `comment`/);
  });

  it('the cursor on a token highlights the id and its tokens', async () => {
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, inside('{{Comment'));
    assert.deepStrictEqual(highlights.map((highlight) => [document.getText(highlight.range), highlight.kind]),
      [['comment', vscode.DocumentHighlightKind.Write], ['comment', vscode.DocumentHighlightKind.Read], ['Comment', vscode.DocumentHighlightKind.Read]]);
  });

  it('completion after the "{{" of a url offers the input\'s token, as typing the second "{" asks for it', async () => {
    const afterBraces = document.positionAt(document.getText().indexOf('c={{') + 4);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, afterBraces, '{');
    assert.deepStrictEqual(list.items.map((item) => item.label), ['{{comment.value}}']);
  });

  it('Rename Symbol renames the TextBlock and its toggle target, and nothing else', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, inside('"note"', 1), 'greeting');
    const edits = edit.get(document.uri);
    assert.deepStrictEqual(edits.map((entry) => [document.getText(entry.range), entry.newText]), [['note', 'greeting'], ['note', 'greeting']]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const card = JSON.parse(document.getText()) as { body: { id?: string }[]; actions: { targetElements?: string[] }[] };
    assert.strictEqual(card.body[1]!.id, 'greeting');
    assert.deepStrictEqual(card.actions[1]!.targetElements, ['greeting']);
  });

  it('a duplicate id (AM061) links to the earlier one, as VS Code shows under the Problems row', async () => {
    const name = 'duplicate-ids.card.json';
    const text = JSON.stringify({
      type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
      body: [{ type: 'TextBlock', id: 'email', text: 'E' }, { type: 'Input.Text', id: 'Email', label: 'Email' }],
    }, null, 2);
    await vscode.workspace.fs.writeFile(workspaceFile(name), Buffer.from(text));
    try {
      const duplicateCard = (await openInEditor(name)).document;
      const [duplicate] = await waitForRule(duplicateCard.uri, 'AM061');
      assert.deepStrictEqual(duplicate!.range, rangeOf(duplicateCard, '"Email"'));
      const related = duplicate!.relatedInformation ?? [];
      assert.strictEqual(related.length, 1);
      assert.strictEqual(related[0]!.location.uri.toString(), duplicateCard.uri.toString());
      assert.deepStrictEqual(related[0]!.location.range, rangeOf(duplicateCard, '"email"'));
      assert.strictEqual(related[0]!.message, 'The earlier TextBlock with the id "email"');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(workspaceFile(name));
    }
  });
});
