// UI check of Sign Card's prompts as a person meets them: the sender and recipients typed once are kept for the
// workspace, so the next Sign Card there asks for neither, and "Save to Settings" writes them to the folder's settings.
import fs from 'node:fs';
import path from 'node:path';
import { amcard, openCard, runFromPalette, startAfresh } from '../workbench.mjs';

const SENDER = 'alerts@contoso.example';
const RECIPIENTS = ['ana@contoso.example', 'lee.chen@contoso.example'];

/** Answers the input box titled `title` by typing `answer`, as a person would. */
async function answerInputBox(page, title, answer) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.keyboard.type(answer);
  await page.keyboard.press('Enter');
}

/**
 * Runs Sign Card until it asks for the sender: VS Code reads the settings file this check wrote a moment later, and
 * until then Sign Card asks for a key instead.
 */
async function signCardUntilSenderAsked(page) {
  const title = page.locator('.quick-input-widget .quick-input-title');
  const deadline = Date.now() + 30_000;
  for (;;) {
    await runFromPalette(page, 'Actionable Messages: Sign Card');
    await title.filter({ hasText: /Sign Card: (sender|signing key)/ }).waitFor();
    if (await title.filter({ hasText: 'Sign Card: sender' }).isVisible()) return;
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error('Sign Card still asks for a key 30 s after the settings named a key file');
    await page.waitForTimeout(500);
  }
}

/**
 * The extension's offer, looked up in the notification centre: a toast may already have hidden itself, as VS Code's
 * toasts do when the window is not in focus.
 */
async function offerInNotificationCentre(page) {
  await runFromPalette(page, 'Notifications: Show Notifications');
  const offer = page.locator('.notifications-center .notification-list-item', { hasText: 'keeps the sender and recipients you typed for this workspace' }).first();
  await offer.waitFor();
  return offer;
}

/** @param {import('../run.mjs').UiContext} context */
export default async function addressesChecks({ page, uiCheck, workspace, artifacts, tmp }) {
  const keyFile = path.join(tmp, 'addresses-signing-key.pem');
  amcard('keygen', '--out', keyFile);
  const settingsFile = path.join(workspace, '.vscode/settings.json');
  const readSettings = () => JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  /** The settings, or undefined while VS Code is rewriting the file (it truncates it first: a CI run read it empty). */
  const settingsWhenWhole = () => {
    try {
      return readSettings();
    } catch (error) {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  };

  await uiCheck('Sign Card keeps the sender and recipients typed at its prompts for the workspace: the next signing asks for neither', async () => {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'actionableMessages.signing.privateKeyFile': keyFile }));
    await startAfresh(page);
    await openCard(page, 'approval-http.card.json');
    await signCardUntilSenderAsked(page);
    await answerInputBox(page, 'Sign Card: sender', SENDER);
    await answerInputBox(page, 'Sign Card: recipients', RECIPIENTS.join(', '));
    // each signing opens the JWS in an editor of its own, signed-card-<n>.jws
    const jwsTabs = page.locator('.tabs-container .tab', { hasText: /^signed-card-\d+\.jws/ });
    await jwsTabs.first().waitFor();
    await offerInNotificationCentre(page);
    await page.screenshot({ path: path.join(artifacts, 'sign-card-remembers-addresses.png') });
    await runFromPalette(page, 'Notifications: Hide Notifications');

    const signedBefore = await jwsTabs.count();
    await openCard(page, 'approval-http.card.json');
    await runFromPalette(page, 'Actionable Messages: Sign Card');
    // Signed again without a question: one more JWS editor, and no input box came up meanwhile.
    const deadline = Date.now() + 30_000;
    while (await jwsTabs.count() <= signedBefore) {
      if (await page.locator('.quick-input-widget .quick-input-title', { hasText: /Sign Card: (sender|recipients)/ }).isVisible()) {
        throw new Error('Sign Card asked again for an address it was given before in this workspace');
      }
      if (Date.now() > deadline) throw new Error('the second Sign Card opened no JWS editor within 30 s');
      await page.waitForTimeout(100);
    }
  });

  await uiCheck('Save to Settings writes the typed sender and recipients to the folder\'s settings', async () => {
    const offer = await offerInNotificationCentre(page);
    await offer.hover(); // the centre shows an item's buttons on hover or focus
    await offer.getByRole('button', { name: 'Save to Settings' }).click();
    const deadline = Date.now() + 30_000;
    while (settingsWhenWhole()?.['actionableMessages.recipients'] === undefined) {
      if (Date.now() > deadline) throw new Error(`the settings still lack the recipients: ${fs.readFileSync(settingsFile, 'utf8')}`);
      await page.waitForTimeout(100);
    }
    const saved = readSettings();
    if (saved['actionableMessages.sender'] !== SENDER || JSON.stringify(saved['actionableMessages.recipients']) !== JSON.stringify(RECIPIENTS)) {
      throw new Error(`saved ${JSON.stringify(saved)}`);
    }
    fs.writeFileSync(settingsFile, '{}');
    await startAfresh(page);
  });
}
