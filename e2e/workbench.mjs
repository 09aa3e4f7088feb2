// What a person does in the workbench, as reusable steps for the UI checks in e2e/checks/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Runs the built amcard CLI, as a user would in a terminal; its standard output. */
export function amcard(...args) {
  return execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', stdio: 'pipe' });
}

/**
 * Presses `key` (Quick Open, the palette), types `text` into the quick input and waits until it lists `row`; when
 * either takes over 5 s, the key is pressed again (after Escape, when the input had shown), for up to 60 s. A file a
 * check has just written may not be in Quick Open's index yet (a CI run waited 60 s for one in vain), and two CI runs
 * pressed F1 just after a check had closed a quick pick or a dialog over the preview and waited 60 s to type into a
 * palette that had closed again (most likely as the focus went back to the webview a moment later: a quick input
 * closes when it loses the focus); a person would press the key again.
 */
async function listInQuickInput(page, key, text, row, notListed) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press(key);
    // fill, not type: keys typed while the widget is still taking focus would be lost and another entry matched
    const typed = await input.fill(text, { timeout: 5_000 }).then(() => true, () => false);
    if (typed && await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
    if (Date.now() > deadline) throw new Error(typed ? notListed : `${key} showed no quick input to type in within 60 s`);
    if (typed) await page.keyboard.press('Escape');
  }
}

/** Opens a workspace file by name through Quick Open, as a person would. */
export async function quickOpen(page, fileName) {
  const listed = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName });
  await listInQuickInput(page, 'Control+P', fileName, listed, `Quick Open does not list ${fileName}`);
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor();
}

/**
 * Opens a card by Quick Open, focused, and waits until the extension has seen it (its preview CodeLens shows): the
 * palette lists the extension's editor commands only for a focused card editor it knows.
 */
export async function openCard(page, fileName) {
  await quickOpen(page, fileName);
  await page.keyboard.press('Control+1');
  await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open Preview' }).first().waitFor();
}

/** Runs a command from the palette by its full title ("Category: Title"), picking the row with exactly that label. */
export async function runFromPalette(page, title) {
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) }).first();
  await listInQuickInput(page, 'F1', `>${title}`, row, `the palette does not list "${title}"`);
  await row.click();
}

/** The preview app's page: webviews sit two iframes deep in the workbench. */
export function previewContent(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Replaces the first `from` in the editor of the first group with `to` by typing over the match Find selected. */
export async function typeOver(page, from, to) {
  await page.keyboard.press('Control+1'); // focus the first editor group, where the card is
  await page.keyboard.press('Control+F');
  await page.keyboard.type(from);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape'); // Find closes and leaves its match selected in the editor
  await page.keyboard.type(to);
}

/** No editors open and nothing in front of the workbench, so a check does not depend on where the one before stopped. */
export async function startAfresh(page) {
  await page.keyboard.press('Escape');
  await runFromPalette(page, 'View: Close All Editors');
  // Unsaved editors an earlier check left (Decode JWS's report, a decoded card) make VS Code ask whether to save
  // them: they belong to this run's copy of the workspace, so they are not saved. Polled, not raced with a waitFor,
  // so that no pending wait clicks a later dialog that a check is waiting for.
  const firstTab = page.locator('.editor-group-container .tabs-container .tab').first();
  const dontSave = page.locator('.monaco-dialog-box').getByRole('button', { name: "Don't Save" });
  const deadline = Date.now() + 60_000;
  while (await firstTab.count() > 0) {
    if (await dontSave.count() > 0) await dontSave.click();
    if (Date.now() > deadline) throw new Error('editors are still open 60 s after View: Close All Editors');
    await page.waitForTimeout(100);
  }
}

/** Clicks the editor title's Open Preview to the Side and waits for the preview tab of `fileName`. */
export async function openPreviewToSide(page, fileName) {
  // its label also names the Alt action: "Open Preview to the Side\n[Alt] Open Preview"
  await page.locator('.editor-group-container.active .editor-actions [aria-label^="Open Preview to the Side"]').click();
  await page.locator(`.tabs-container .tab[aria-label^="Preview ${fileName}"]`).waitFor();
}

/** A fresh start, `fileName` opened by Quick Open and its preview opened to the side; the preview's content. */
export async function previewAfresh(page, fileName) {
  await startAfresh(page);
  await quickOpen(page, fileName);
  await openPreviewToSide(page, fileName);
  return previewContent(page);
}

/** Hides the bottom panel (Problems, Output, …) when one shows; the palette offers View: Hide Panel only then. */
export async function hidePanel(page) {
  if (!(await page.locator('.part.panel').isVisible())) return;
  await runFromPalette(page, 'View: Hide Panel');
  await page.locator('.part.panel').waitFor({ state: 'hidden' });
}
