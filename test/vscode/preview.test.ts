import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CommandFailure } from '../../client/src/commands/command-runner';
import type { ActionableMessagesApi } from '../../client/src/extension';
import { PREVIEW_FILE_LIMIT_BYTES, readPreviewFile } from '../../client/src/preview/file-reading';
import { PREVIEW_VIEW_TYPE } from '../../client/src/preview';
import { previewWebviewOptions, type PreviewRender } from '../../client/src/preview/preview-panel';
import { pickResponseFile } from '../../client/src/preview/response-picker';
import { EXTENSION_ID, openInEditor, rangeOf, startExtension, waitFor, workspaceFile } from './helpers';

const OPEN_PREVIEW = 'actionableMessages.openPreview';
const OPEN_PREVIEW_TO_SIDE = 'actionableMessages.openPreviewToSide';

interface PreviewTab {
  readonly tab: vscode.Tab;
  readonly group: vscode.TabGroup;
}

function previewTabs(): PreviewTab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE))
    .map((tab) => ({ tab, group })));
}

/** The one preview tab, once it carries `label` (titles reach the tab API a moment after they are set). */
function previewTabLabelled(label: string): Promise<PreviewTab> {
  return waitFor(`a preview tab labelled "${label}"`, () => {
    const tabs = previewTabs();
    return tabs.length === 1 && tabs[0]!.tab.label === label ? tabs[0] : undefined;
  });
}

describe('card preview in a real VS Code', () => {
  let api: ActionableMessagesApi;
  const renders: PreviewRender[] = [];

  /** The first render the webview reported for `uri` after sequence `after` (and matching `also`). */
  function renderOf(uri: vscode.Uri, after = 0, also: (render: PreviewRender) => boolean = () => true): Promise<PreviewRender> {
    return waitFor(`the preview webview to report a render of ${uri.path} after sequence ${after}`,
      () => renders.find((render) => render.documentUri === uri.toString() && render.sequence > after && also(render)));
  }

  before(async () => {
    api = await startExtension();
    api.preview.onDidRender((render) => renders.push(render));
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the preview to close with the editors', () => (api.preview.shownDocumentUri() === undefined ? true : undefined));
  });

  it('Open Preview opens one panel "Preview <file>" in the editor\'s column, and the webview renders the card', async () => {
    const editor = await openInEditor('submit.card.json');
    await vscode.commands.executeCommand(OPEN_PREVIEW);
    const { group } = await previewTabLabelled('Preview submit.card.json');
    assert.strictEqual(group.viewColumn, editor.viewColumn, 'Open Preview opens in the active column');
    const render = await renderOf(editor.document.uri);
    assert.strictEqual(render.outcome, 'card');
    assert.strictEqual(render.dataFileName, undefined);
    assert.strictEqual(api.preview.shownDocumentUri(), editor.document.uri.toString());
  });

  it('lets the webview load only the extension\'s dist/ folder, with scripts and without command links', () => {
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const options = previewWebviewOptions(extensionUri);
    assert.deepStrictEqual(options.localResourceRoots?.map((root) => root.toString()), [vscode.Uri.joinPath(extensionUri, 'dist').toString()]);
    assert.strictEqual(options.enableScripts, true);
    assert.strictEqual(options.enableCommandUris, false);
  });

  it('Open Preview to the Side opens the panel in another column and keeps the editor active; again, it reuses the panel', async () => {
    const editor = await openInEditor('submit.card.json');
    await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
    const { group } = await previewTabLabelled('Preview submit.card.json');
    assert.notStrictEqual(group.viewColumn, editor.viewColumn, 'the preview is beside the editor');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor keeps the focus');
    await renderOf(editor.document.uri);
    await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE, editor.document.uri);
    assert.strictEqual(previewTabs().length, 1, 'one preview panel');
  });

  it('an edit of the shown card renders again with a higher sequence', async () => {
    const editor = await openInEditor('submit.card.json');
    await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
    const first = await renderOf(editor.document.uri);
    const edited = await editor.edit((edit) => edit.replace(rangeOf(editor.document, 'Approve the expense report?'), 'Approve the travel report?'));
    assert.ok(edited, 'the edit was applied');
    const second = await renderOf(editor.document.uri, first.sequence);
    assert.ok(second.sequence > first.sequence);
    assert.strictEqual(second.outcome, 'card');
  });

  it('follows another card that becomes active; a plain JSON editor leaves the preview as it is', async () => {
    const submit = await openInEditor('submit.card.json');
    await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
    await renderOf(submit.document.uri);
    const other = await openInEditor('missing-originator.card.json');
    await previewTabLabelled('Preview missing-originator.card.json');
    await renderOf(other.document.uri);
    assert.strictEqual(api.preview.shownDocumentUri(), other.document.uri.toString());
    const plain = await openInEditor('plain.json');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), plain.document.uri.toString());
    assert.strictEqual(api.preview.shownDocumentUri(), other.document.uri.toString(), 'the preview still shows the card');
    assert.strictEqual(previewTabs()[0]?.tab.label, 'Preview missing-originator.card.json');
  });

  it('previews an untitled JSON document that holds a card', async () => {
    const content = fs.readFileSync(workspaceFile('submit.card.json').fsPath, 'utf8');
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
    const render = await renderOf(document.uri);
    assert.strictEqual(render.outcome, 'card');
  });

  it('refuses a JSON file that is no card, naming it', async () => {
    await openInEditor('plain.json');
    const result = await vscode.commands.executeCommand<CommandFailure | undefined>(OPEN_PREVIEW);
    assert.ok(result && 'error' in result, 'the command refused');
    assert.match(result.error, /^plain\.json is not an actionable-message card/);
    assert.deepStrictEqual(previewTabs(), []);
  });

  it('takes a file that actionableMessages.files names as a card, reading the setting as the language server does', async () => {
    const editor = await openInEditor('plain.json');
    const settings = vscode.workspace.getConfiguration('actionableMessages', editor.document.uri);
    // A blank pattern is dropped, as the server drops it.
    await settings.update('files', ['  ', '**/plain.json'], vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand(OPEN_PREVIEW);
      const render = await renderOf(editor.document.uri);
      assert.strictEqual(render.outcome, 'problem', 'a card by name whose content is no Adaptive Card is explained in the pane');
    } finally {
      await settings.update('files', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('offers Open Preview and Open Preview to the Side as CodeLenses on cards only', async () => {
    // The provider runs on open documents.
    const lensesOf = async (name: string) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider',
      (await vscode.workspace.openTextDocument(workspaceFile(name))).uri);
    const card = workspaceFile('submit.card.json');
    const lenses = await lensesOf('submit.card.json');
    const ours = lenses.filter((lens) => lens.command?.command.startsWith('actionableMessages.'));
    assert.deepStrictEqual(ours.map((lens) => [lens.command?.title, lens.command?.command, lens.range.start.line]), [
      ['Open Preview', OPEN_PREVIEW, 0],
      ['Open Preview to the Side', OPEN_PREVIEW_TO_SIDE, 0],
    ]);
    assert.strictEqual((ours[0]!.command!.arguments![0] as vscode.Uri).toString(), card.toString());
    const byContent = await lensesOf('alerts/expense-alert.json');
    assert.deepStrictEqual(byContent.filter((lens) => lens.command?.command.startsWith('actionableMessages.')).map((lens) => lens.command?.title),
      ['Open Preview', 'Open Preview to the Side'], 'a JSON file whose root is a card gets them too');
    const plainLenses = await lensesOf('plain.json');
    assert.deepStrictEqual(plainLenses.filter((lens) => lens.command?.command.startsWith('actionableMessages.')), []);
  });

  describe('template data', () => {
    const card = () => workspaceFile('templated/order.card.json');
    const data = () => workspaceFile('templated/order.data.json');
    let savedData: string;

    before(() => {
      savedData = fs.readFileSync(data().fsPath, 'utf8');
    });

    afterEach(() => {
      fs.writeFileSync(data().fsPath, savedData);
    });

    it('sends the <name>.data.json beside the card with each render', async () => {
      await openInEditor('templated/order.card.json');
      await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
      const render = await renderOf(card(), 0, (r) => r.dataFileName !== undefined);
      assert.strictEqual(render.dataFileName, 'order.data.json');
    });

    it('leaves another card\'s data file alone: beside expense-template.card.json, approval-http.card.json renders without data', async () => {
      const example = await openInEditor('examples/approval-http.card.json');
      assert.ok(fs.existsSync(workspaceFile('examples/expense-template.data.json').fsPath), 'the folder has a data file of another card');
      await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
      const render = await renderOf(example.document.uri);
      assert.strictEqual(render.dataFileName, undefined);
    });

    it('renders again when the data file changes on disk', async () => {
      await openInEditor('templated/order.card.json');
      await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
      const first = await renderOf(card(), 0, (r) => r.dataFileName === 'order.data.json');
      fs.writeFileSync(data().fsPath, savedData.replace('SO-4711', 'SO-4712'));
      const second = await renderOf(card(), first.sequence);
      assert.strictEqual(second.dataFileName, 'order.data.json');
    });

    it('renders again while the open data file is edited, before it is saved', async () => {
      await openInEditor('templated/order.card.json');
      await vscode.commands.executeCommand(OPEN_PREVIEW_TO_SIDE);
      const first = await renderOf(card(), 0, (r) => r.dataFileName === 'order.data.json');
      const dataDocument = await vscode.workspace.openTextDocument(data());
      const edit = new vscode.WorkspaceEdit();
      edit.replace(data(), rangeOf(dataDocument, 'Ana Silva'), 'Lee Chen');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the data edit was applied');
      assert.ok(dataDocument.isDirty);
      const second = await renderOf(card(), first.sequence);
      assert.strictEqual(second.dataFileName, 'order.data.json');
    });
  });

  describe('response files', () => {
    const card = () => workspaceFile('templated/order.card.json');

    /** Runs `commands` against the quick pick until `picking` settles (the picker opens after a file search). */
    async function driveQuickPick<T>(picking: Promise<T>, ...commands: string[]): Promise<T> {
      let settled = false;
      const result = picking.finally(() => { settled = true; });
      const deadline = Date.now() + 30_000;
      while (!settled) {
        if (Date.now() > deadline) throw new Error(`the response quick pick did not close after ${commands.join(', ')}`);
        for (const command of commands) await vscode.commands.executeCommand(command);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return result;
    }

    it('offers the *.response.json beside the card first and reads the picked one', async () => {
      const response = await driveQuickPick(pickResponseFile(card()), 'workbench.action.acceptSelectedQuickOpenItem');
      assert.ok(response, 'a response was picked');
      assert.strictEqual(response.fileName, 'approved.response.json');
      assert.strictEqual(response.text, fs.readFileSync(workspaceFile('templated/approved.response.json').fsPath, 'utf8'));
    });

    it('offers the files of actionableMessages.responseFiles instead of *.response.json when the setting names others', async () => {
      const answer = workspaceFile('templated/answers/thanks.json');
      fs.mkdirSync(vscode.Uri.joinPath(answer, '..').fsPath, { recursive: true });
      fs.writeFileSync(answer.fsPath, JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Thanks' }] }));
      const settings = vscode.workspace.getConfiguration('actionableMessages', card());
      await settings.update('responseFiles', ['**/answers/*.json'], vscode.ConfigurationTarget.Workspace);
      try {
        const response = await driveQuickPick(pickResponseFile(card()), 'workbench.action.acceptSelectedQuickOpenItem');
        assert.ok(response, 'a response was picked');
        assert.strictEqual(response.fileName, 'thanks.json', 'the file the setting names comes first, not approved.response.json beside the card');
      } finally {
        await settings.update('responseFiles', undefined, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(vscode.Uri.joinPath(answer, '..').fsPath, { recursive: true, force: true });
      }
    });

    it('resolves to nothing when the pick is closed', async () => {
      assert.strictEqual(await driveQuickPick(pickResponseFile(card()), 'workbench.action.closeQuickOpen'), undefined);
    });

    it('refuses a missing, oversized or non-UTF-8 file with a message naming it and the problem', async () => {
      const problemOf = async (name: string) => {
        try {
          await readPreviewFile(workspaceFile(name), 'response file');
        } catch (error) {
          return (error as Error).message;
        }
        assert.fail(`${name} was read`);
      };
      assert.strictEqual(await problemOf('responses/missing.response.json'),
        'Cannot read the response file responses/missing.response.json: the file does not exist.');
      fs.writeFileSync(workspaceFile('responses/huge.response.json').fsPath, Buffer.alloc(PREVIEW_FILE_LIMIT_BYTES + 1, 0x20));
      fs.writeFileSync(workspaceFile('responses/latin1.response.json').fsPath, Buffer.from('{"text": "Gr\xfc\xdfe"}', 'latin1'));
      try {
        assert.strictEqual(await problemOf('responses/huge.response.json'),
          "The response file responses/huge.response.json is 5,242,881 bytes, over the preview's limit of 5 MiB.");
        assert.strictEqual(await problemOf('responses/latin1.response.json'), 'The response file responses/latin1.response.json is not UTF-8 text.');
      } finally {
        fs.rmSync(workspaceFile('responses/huge.response.json').fsPath);
        fs.rmSync(workspaceFile('responses/latin1.response.json').fsPath);
      }
    });
  });
});
