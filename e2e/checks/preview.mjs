// UI checks of the card preview: opened from the editor title and the palette, following edits, restored after a
// reload, template data, the OpenUrl confirmation, the diagnostics count and applying a response file.
import fs from 'node:fs';
import path from 'node:path';
import { hidePanel, openCard, openPreviewToSide, previewAfresh, previewContent, quickOpen, runFromPalette, startAfresh, typeOver } from '../workbench.mjs';

/** @param {import('../run.mjs').UiContext} context */
export default async function previewChecks({ page, uiCheck, workspace, artifacts }) {
  await uiCheck('Open Preview to the Side in the editor title shows the card, and an edit shows in the preview', async () => {
    await page.keyboard.press('Escape');
    await quickOpen(page, 'submit.card.json');
    await openPreviewToSide(page, 'submit.card.json');
    const preview = previewContent(page);
    await preview.getByText('Approve the expense report?').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-to-side.png') });
    await typeOver(page, 'expense report', 'travel claim');
    await preview.getByText('Approve the travel claim?').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-after-edit.png') });
    await page.keyboard.press('Control+S'); // this phase's own workspace copy; saved, the editor closes without asking
  });
  await uiCheck('Actionable Messages: Open Preview from the command palette shows the card in the editor\'s group', async () => {
    await startAfresh(page);
    await openCard(page, 'missing-originator.card.json');
    await runFromPalette(page, 'Actionable Messages: Open Preview');
    await page.locator('.tabs-container .tab.active[aria-label^="Preview missing-originator.card.json"]').waitFor();
    await previewContent(page).getByText('Your expense report was approved.').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-palette.png') });
  });
  await uiCheck('the preview comes back with its card after the window reloads', async () => {
    // Through the workbench, which stores the open editors before it goes; a bare page reload may not.
    await Promise.all([page.waitForEvent('load'), runFromPalette(page, 'Developer: Reload Window')]);
    await page.locator('.monaco-workbench .part.editor').waitFor();
    await page.locator('.tabs-container .tab.active[aria-label^="Preview missing-originator.card.json"]').waitFor();
    await previewContent(page).getByText('Your expense report was approved.').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-after-reload.png') });
  });
  await uiCheck('a JSON file that is a card by its content gets the title button; plain JSON does not', async () => {
    await startAfresh(page);
    await quickOpen(page, 'expense-alert.json');
    // Only the context key the extension sets from the content can show it: the name matches no card pattern.
    await openPreviewToSide(page, 'expense-alert.json');
    await previewContent(page).getByText('A card by its content').waitFor();
    await page.keyboard.press('Control+1');
    await quickOpen(page, 'plain.json');
    await page.locator('.editor-group-container.active .editor-actions [aria-label^="Open Preview to the Side"]').waitFor({ state: 'detached' });
  });
  await uiCheck('a template card shows the values of the data file beside it', async () => {
    const preview = await previewAfresh(page, 'order.card.json');
    await preview.getByText('Order SO-4711 is ready').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-template.png') });
  });
  await uiCheck('an Action.OpenUrl asks "Open <url>?" before opening anything, and Cancel closes the question', async () => {
    const preview = await previewAfresh(page, 'approval-http.card.json');
    await preview.getByRole('link', { name: 'Open report' }).click(); // OpenUrl actions are links
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Open https://expenses.contoso.example/reports/EXP-2026-0412?' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-open-url.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  await uiCheck('the diagnostics count follows the server without an edit and opens the Problems panel', async () => {
    const preview = await previewAfresh(page, 'submit.card.json');
    const count = preview.locator('.diagnostics-count');
    await count.filter({ hasText: /^1 error$/ }).waitFor();
    // Only the server's new diagnostics (pushed as a `diagnostics` message) can change the count: the text stays.
    const settings = path.join(workspace, '.vscode/settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'actionableMessages.rules': { AM030: 'off' } }));
    await count.filter({ hasText: /^No problems$/ }).waitFor();
    fs.writeFileSync(settings, '{}');
    await count.filter({ hasText: /^1 error$/ }).waitFor();
    await hidePanel(page); // so that only the click can show the Problems panel
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await count.click();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'AM030' }).first().waitFor();
  });
  await uiCheck('Apply response… on a simulated Action.Http shows the response card picked in VS Code', async () => {
    const preview = await previewAfresh(page, 'approval-http.card.json');
    await preview.getByRole('button', { name: 'Approve', exact: true }).click();
    await preview.getByRole('button', { name: 'Apply response…' }).first().click();
    const firstRow = page.locator('.quick-input-list .monaco-list-row').first();
    await firstRow.filter({ hasText: 'approval-http.response.json' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-response-pick.png') });
    await page.keyboard.press('Enter');
    await preview.getByText('You approved expense report EXP-2026-0412').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'preview-response.png') });
  });
}

