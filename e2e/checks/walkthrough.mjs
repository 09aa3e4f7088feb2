// UI checks of the "Get started with Actionable Message Studio" walkthrough: listed by Welcome: Open Walkthrough...,
// opened with its six steps, and steps checked by what the user does (an action clicked in the preview, a quick fix
// applied from the light bulb menu, a provider setting changed after the step's button opened the Settings editor).
import fs from 'node:fs';
import path from 'node:path';
import { hidePanel, previewAfresh, quickOpen, runFromPalette, startAfresh } from '../workbench.mjs';

const TITLE = 'Get started with Actionable Message Studio';
const STEP_TITLES = ['Create a card', 'See a problem and fix it with a quick fix', 'Preview it and click an action',
  'Set your provider settings', 'Sign the card', 'Copy the email HTML'];

/** The step's button on the walkthrough page; `checked` narrows it to the step shown as done. */
function step(page, id, checked) {
  return page.locator(`button.getting-started-step[data-step-id$="#${id}"]${checked === undefined ? '' : `[aria-checked="${checked}"]`}`);
}

async function openWalkthrough(page) {
  // The page lists the steps only with room for them: a panel left open by an earlier check takes it.
  await hidePanel(page);
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget input').fill('Actionable Message');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().click();
  await page.locator('.getting-started-category', { hasText: TITLE }).first().waitFor();
}

/** @param {import('../run.mjs').UiContext} context */
export default async function walkthroughChecks({ page, uiCheck, workspace, artifacts }) {
  await uiCheck('Welcome: Open Walkthrough... lists the walkthrough, and it opens with its six steps', async () => {
    await startAfresh(page);
    await openWalkthrough(page);
    for (const title of STEP_TITLES) await page.locator('button.getting-started-step', { hasText: title }).first().waitFor();
    await step(page, 'previewAction', 'false').waitFor();
    // The page shows a step's image beside the steps only when the editor is wide enough.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.locator('.getting-started-media img, .getting-started-media svg').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'walkthrough.png') });
    await page.setViewportSize(viewport);
  });

  await uiCheck('clicking an action in the preview checks "Preview it and click an action"', async () => {
    const preview = await previewAfresh(page, 'approval-http.card.json');
    await preview.getByRole('button', { name: 'Approve', exact: true }).click();
    await preview.getByText('Action.Http: Approve').first().waitFor(); // the simulated request in the log
    await openWalkthrough(page);
    await step(page, 'previewAction', 'true').waitFor();
    await step(page, 'fixProblem', 'false').waitFor(); // only what was done is checked
    await page.screenshot({ path: path.join(artifacts, 'walkthrough-preview-step.png') });
  });

  await uiCheck('a quick fix applied from the light bulb menu checks "See a problem and fix it"', async () => {
    await page.keyboard.press('Control+1');
    await quickOpen(page, 'submit.card.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('Action.Submit');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // the cursor is now on the AM030 squiggle, and its light bulb shows
    await page.locator('.editor-group-container.active .monaco-editor .lightBulbWidget').click();
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Replace Action.Submit with Action.Http' }).first().click();
    await page.locator('.monaco-editor', { hasText: '"Action.Http"' }).first().waitFor();
    await openWalkthrough(page);
    await step(page, 'fixProblem', 'true').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'walkthrough-quick-fix-step.png') });
    await quickOpen(page, 'submit.card.json');
    await runFromPalette(page, 'File: Revert File');
  });

  await uiCheck('the settings step opens the Settings editor on originator, sender and target URLs; a change checks it', async () => {
    await openWalkthrough(page);
    await step(page, 'providerSettings').click();
    await page.locator('.getting-started-step.expanded').getByText('Open the Provider Settings').click();
    const settings = page.locator('.settings-editor');
    for (const name of ['Originator', 'Sender', 'Target Urls']) {
      await settings.locator('.setting-item-title', { hasText: name }).first().waitFor();
    }
    await page.screenshot({ path: path.join(artifacts, 'walkthrough-settings.png') });
    // Set as a person editing the workspace's settings.json would.
    const settingsFile = path.join(workspace, '.vscode/settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'actionableMessages.originator': '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a' }));
    await openWalkthrough(page);
    await step(page, 'providerSettings', 'true').waitFor();
    fs.writeFileSync(settingsFile, '{}');
  });
}
