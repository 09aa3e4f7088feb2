// UI checks of the standard language-server conveniences: the language status item of a card (its rule profile and
// whether an originator is configured, with links to the output and the settings), Show Output and Restart
// Language Server from the palette.
import fs from 'node:fs';
import path from 'node:path';
import { hidePanel, openCard, runFromPalette, startAfresh } from '../workbench.mjs';

/** The `{}` language status entry in the status bar, whose accessible label lists the items it holds. */
const languageStatus = (page) => page.locator('.statusbar #status\\.languageStatus a').first();

/** Waits until the panel shows the Output view with the language client's channel, "Actionable Messages", picked. */
async function ourOutputShows(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('.part.panel .monaco-select-box')].some((box) => box.checkVisibility()
    && (box.title === 'Actionable Messages' || (box instanceof HTMLSelectElement && box.selectedOptions[0]?.text === 'Actionable Messages'))));
}

/** Waits until the language status entry lists an item whose text includes `text`. */
async function expectStatus(page, text) {
  await page.waitForFunction(([selector, wanted]) => document.querySelector(selector)?.getAttribute('aria-label')?.includes(wanted),
    ['.statusbar #status\\.languageStatus a', text]);
}

/** @param {import('../run.mjs').UiContext} context */
export default async function languageStatusChecks({ page, uiCheck, artifacts, workspace }) {
  await uiCheck('the language status of a 1.0 card shows Outlook 1.0 Action.Http, the originator, and links to the output and settings', async () => {
    await startAfresh(page);
    await hidePanel(page);
    await openCard(page, 'approval-http.card.json');
    await expectStatus(page, 'Outlook 1.0 Action.Http');
    await languageStatus(page).click();
    const hover = page.locator('.hover-language-status', { hasText: 'Outlook 1.0 Action.Http' });
    await hover.waitFor();
    await hover.locator('.right a', { hasText: 'Show Output' }).waitFor();
    const originator = page.locator('.hover-language-status', { hasText: 'originator configured' });
    await originator.locator('.right a', { hasText: 'Open Settings' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'language-status-1.0.png') });
    // The link runs Actionable Messages: Show Output.
    await hover.locator('.right a', { hasText: 'Show Output' }).click();
    await ourOutputShows(page);
    await page.screenshot({ path: path.join(artifacts, 'language-status-show-output.png') });
    await hidePanel(page);
  });

  await uiCheck('the language status of a 1.4 card shows Outlook 1.4 Universal Actions', async () => {
    await openCard(page, 'approval-uam.card.json');
    await expectStatus(page, 'Outlook 1.4 Universal Actions');
    await languageStatus(page).click();
    await page.locator('.hover-language-status', { hasText: 'Outlook 1.4 Universal Actions' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'language-status-1.4.png') });
    await page.keyboard.press('Escape');
  });

  await uiCheck('Actionable Messages: Show Output from the palette shows the language server\'s output', async () => {
    await startAfresh(page);
    await hidePanel(page);
    await openCard(page, 'approval-http.card.json');
    await runFromPalette(page, 'Actionable Messages: Show Output');
    await ourOutputShows(page);
    await page.screenshot({ path: path.join(artifacts, 'show-output.png') });
    await hidePanel(page);
  });

  await uiCheck('Actionable Messages: Restart Language Server brings the card\'s AM030 squiggle back', async () => {
    await startAfresh(page);
    // A card of its own: earlier checks apply quick fixes to the workspace's submit.card.json.
    const card = { type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
      body: [{ type: 'TextBlock', text: 'Restart check' }], actions: [{ type: 'Action.Submit', title: 'Send' }] };
    fs.writeFileSync(path.join(workspace, 'restart-check.card.json'), `${JSON.stringify(card, null, 2)}\n`);
    await openCard(page, 'restart-check.card.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await runFromPalette(page, 'Actionable Messages: Restart Language Server');
    // The squiggle of the stopped server can still show for a moment and then be redrawn under the mouse, so the
    // hover is tried again on the squiggle as it is now until the new server's AM030 shows in it.
    const hover = page.locator('.monaco-hover', { hasText: 'AM030' }).first();
    const deadline = Date.now() + 60_000;
    while (!(await hover.isVisible())) {
      if (Date.now() > deadline) throw new Error('no AM030 hover on the squiggle 60 s after Restart Language Server');
      await page.mouse.move(0, 0);
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor();
      await squiggle.hover({ force: true });
      await hover.waitFor({ timeout: 2_000 }).catch(() => {});
    }
    await page.screenshot({ path: path.join(artifacts, 'restart-server.png') });
    await page.keyboard.press('Escape');
    await startAfresh(page);
    fs.rmSync(path.join(workspace, 'restart-check.card.json'));
  });
}
