// UI check of Send Card to Myself as a person starts it: it is in the card editor's title "…" menu and its context
// menu, and with the default transport (Microsoft Graph) it asks VS Code's own Microsoft sign-in for Mail.Send, whose
// consent dialog shows. There is no network here to sign in, so the check declines, and the command stops with a
// message naming the sign-in. The sending itself is checked in the extension host (test/vscode/send.test.ts).
import path from 'node:path';
import { openCard, runFromPalette, startAfresh } from '../workbench.mjs';

const TITLE = 'Send Card to Myself';

/** @param {import('../run.mjs').UiContext} context */
export default async function sendChecks({ page, uiCheck, artifacts }) {
  await uiCheck('Send Card to Myself is in the card editor\'s title and context menus, and asks VS Code\'s Microsoft sign-in', async () => {
    await startAfresh(page);
    await openCard(page, 'approval-http.card.json');
    const menuItem = page.locator('.monaco-menu .action-label', { hasText: new RegExp(`^${TITLE}$`) });
    await page.locator('.editor-actions .codicon-toolbar-more').first().click();
    await menuItem.waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click({ button: 'right' });
    await menuItem.click();
    // A click that lands while the context menu is still settling can be lost: a CI run found the menu still open,
    // its item highlighted, a minute later. The highlighted item is then run with Enter.
    const menuClosed = await page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    if (!menuClosed) {
      await menuItem.hover();
      await page.keyboard.press('Enter');
    }
    // With a signing key configured (an earlier check may leave one), the command first asks: unsigned or signed.
    const signedQuestion = page.locator('.quick-input-widget .quick-input-title', { hasText: TITLE });
    const consent = page.locator('.monaco-dialog-box', { hasText: /wants to sign in using Microsoft/ });
    await signedQuestion.or(consent).first().waitFor();
    if (await signedQuestion.isVisible()) {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Unsigned' }).click();
      await consent.waitFor();
    }
    await page.screenshot({ path: path.join(artifacts, 'send-card-microsoft-sign-in.png') });
    await consent.locator('.monaco-button', { hasText: 'Cancel' }).click();
    // Looked up in the notification centre: a toast may already have hidden itself, as VS Code's toasts do when the
    // window is not in focus.
    await runFromPalette(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item', { hasText: 'the Microsoft sign-in for Mail.Send did not complete' }).first().waitFor();
    await runFromPalette(page, 'Notifications: Hide Notifications');
  });
}
