// A light activation, in the real extension host: activating the extension loads dist/extension.js alone; the
// commands' bundle (dist/commands.js) loads when one of them first runs and the preview's (dist/preview.js) when the
// first preview opens, and both work from there (client/src/lazy-bundle.ts). This file's name sorts first, so the
// suite checks the extension host before any other test has run a command.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ActionableMessagesApi } from '../../client/src/extension';
import { EXTENSION_ID, execute, failure, openInEditor, startExtension, waitFor } from './helpers';

/** The files of the extension's dist/ folder that the extension host has loaded, by name. */
function loadedBundles(): string[] {
  const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist') + path.sep;
  return Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => path.basename(file)).sort();
}

describe('a light activation in a real VS Code', () => {
  let api: ActionableMessagesApi;

  before(async () => {
    api = await startExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activation loads dist/extension.js alone, and the language server answers', () => {
    assert.strictEqual(api.client.isRunning(), true);
    assert.deepStrictEqual(loadedBundles(), ['extension.js']);
  });

  it('Decode JWS loads dist/commands.js on its first run, and its refusal reads as written there', async () => {
    const message = failure(await execute('actionableMessages.decodeJws', { text: '  \n' }));
    // An InputError of the commands' bundle: shown as is, not as "Unexpected error" (its class is that bundle's own).
    assert.strictEqual(message, 'The text is empty: expected a JWS, a signed-card envelope, an HTML email or an .eml message.');
    assert.deepStrictEqual(loadedBundles(), ['commands.js', 'extension.js']);
  });

  it('Open Preview loads dist/preview.js, and the webview renders the card', async () => {
    const renders: string[] = [];
    const subscription = api.preview.onDidRender((render) => renders.push(`${render.documentUri} ${render.outcome}`));
    try {
      const editor = await openInEditor('submit.card.json');
      await vscode.commands.executeCommand('actionableMessages.openPreview');
      await waitFor('the preview to render submit.card.json', () => renders.find((render) => render === `${editor.document.uri.toString()} card`));
      assert.deepStrictEqual(loadedBundles(), ['commands.js', 'extension.js', 'preview.js']);
    } finally {
      subscription.dispose();
    }
  });
});
