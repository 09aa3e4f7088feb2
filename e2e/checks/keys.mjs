// UI check of a signing key that VS Code's secret storage does not keep. In the browser VS Code of `npm start` and
// of these tests (the VS Code server without code-server's wrapper), the page asks the server for the key that
// seals stored secrets (POST /mint-key) and gets 405 Method Not Allowed: the secret lives in the page's memory
// only and is gone after a reload. The extension must say so, not lose the key silently.
import path from 'node:path';
import { openCard, runFromPalette, startAfresh } from '../workbench.mjs';

async function generateIntoSecretStorage(page) {
  await runFromPalette(page, 'Actionable Messages: Generate Signing Key Pair');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'RSA 2048' }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'VS Code secret storage' }).first().click();
}

/** @param {import('../run.mjs').UiContext} context */
export default async function keysChecks({ page, uiCheck, artifacts }) {
  await uiCheck('a key put into secret storage and gone after Reload Window is reported, and a file is offered first', async () => {
    await startAfresh(page);
    await openCard(page, 'approval-http.card.json');
    const mintKeyAnswers = [];
    const recordMintKey = (response) => { if (response.url().endsWith('/mint-key')) mintKeyAnswers.push(response.status()); };
    page.on('response', recordMintKey);
    await generateIntoSecretStorage(page);
    await page.locator('.tabs-container .tab.active', { hasText: /^public-key-\d+\.txt/ }).waitFor();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'Public key of a new RSA 2048' }).waitFor();
    await Promise.all([page.waitForEvent('load'), runFromPalette(page, 'Developer: Reload Window')]);
    page.off('response', recordMintKey);
    await page.locator('.monaco-workbench .part.editor').waitFor();
    const warning = page.locator('.monaco-dialog-box', { hasText: 'is gone: this VS Code did not keep it' });
    await warning.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'keys-lost-warning.png') });
    console.log(`   the page's POST /mint-key answers: ${mintKeyAnswers.join(', ') || 'none'}`);
    await warning.getByRole('button', { name: 'Generate a Key into a File…' }).click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'RSA 2048' }).first().click();
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.filter({ hasText: 'A file…' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Not kept in this VS Code' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'keys-file-first.png') });
    await page.keyboard.press('Escape');
    // The public key's untitled editor may have come back with the window; it is not wanted any more.
    const publicKeyTab = page.locator('.tabs-container .tab', { hasText: /^public-key-\d+\.txt/ }).first();
    if (await publicKeyTab.count() > 0) {
      await publicKeyTab.click();
      await runFromPalette(page, 'View: Revert and Close Editor');
    }
  });

  await uiCheck('Sign Card with no key asks for the signing key first', async () => {
    await startAfresh(page);
    // The key of the check before is gone, and no key file is set: there is no key at hand.
    await openCard(page, 'approval-http.card.json');
    await runFromPalette(page, 'Actionable Messages: Sign Card');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Sign Card: signing key' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Generate a new key pair…' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'sign-card-asks-key.png') });
    await page.keyboard.press('Escape');
  });
}
