// UI checks of Restricted Mode: a second VS Code server that does NOT trust every folder (no
// --disable-workspace-trust) opens a fresh copy of the examples; the folder is left untrusted, as a person answering
// "No" to VS Code's trust question leaves it. The extension is installed from a .vsix of the built dist/, as users
// get it: VS Code does not hold an extension under development to its untrustedWorkspaces capability. It must
// still check and preview cards there, and must ignore the folder's actionableMessages.signing.privateKeyFile (a
// restricted setting): Sign Card asks for a key instead, and uses the file once the folder is trusted.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { installExtension, startVscodeServer, writeQuietUserSettings } from '../vscode-server.mjs';
import { openCard, previewAfresh, runFromPalette, startAfresh } from '../workbench.mjs';
import { workspaceCopy } from '../workspace.mjs';
import diagnosticsChecks from './diagnostics.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const KEY_FILE = 'workspace-signing-key.pem';
const PACKAGE_TIMEOUT_MS = 300_000;

/** A copy of the examples whose folder settings name a real private key file inside it. */
function untrustedWorkspace(folder) {
  const workspace = workspaceCopy(folder, 'ws-restricted');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(path.join(workspace, KEY_FILE), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'actionableMessages.signing.privateKeyFile': KEY_FILE }));
  return workspace;
}

/** Runs Sign Card on a 1.0 example and waits for its first question, titled `title`; screenshots it, then cancels. */
async function signCardAsks(page, title, screenshot) {
  await startAfresh(page);
  await openCard(page, 'approval-http.card.json');
  await runFromPalette(page, 'Actionable Messages: Sign Card');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.screenshot({ path: screenshot });
  await page.keyboard.press('Escape');
}

/** @param {import('../run.mjs').UiContext} context */
export default async function restrictedChecks({ browser, uiCheck, artifacts, tmp, installDir, viewport }) {
  const folder = path.join(tmp, 'restricted');
  const restrictedArtifacts = path.join(artifacts, 'restricted');
  fs.mkdirSync(restrictedArtifacts, { recursive: true });
  const workspace = untrustedWorkspace(folder);
  let installed = false;
  await uiCheck('Restricted Mode: the extension, packaged from dist/ (vsce), installs into a fresh VS Code profile', async () => {
    const vsix = path.join(folder, 'actionable-message-studio.vsix');
    try {
      execFileSync(path.join(root, 'node_modules/.bin/vsce'), ['package', '--out', vsix],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: PACKAGE_TIMEOUT_MS });
      installExtension({ installDir, tmpDir: folder, vsix });
    } catch (error) {
      throw new Error(`packaging or installing the .vsix failed: ${`${error.stderr ?? ''}${error.stdout ?? ''}`.trim() || error.message}`);
    }
    installed = true;
  });
  if (!installed) return;
  writeQuietUserSettings(folder);
  const server = await startVscodeServer({ installDir, tmpDir: folder, logPath: path.join(restrictedArtifacts, 'server.log'), workspaceTrust: true });
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(60_000);
  /** This section's checks, named as such, with failure screenshots of its own page. */
  const restrictedCheck = (name, check) => uiCheck(`Restricted Mode: ${name}`, check, page);
  try {
    let restricted = false;
    await restrictedCheck('the untrusted folder opens in Restricted Mode (a trust question, if any, answered No)', async () => {
      await page.goto(server.urlFor(workspace));
      // The web workbench may open an unknown folder in Restricted Mode without asking; when it asks, the answer is No.
      const question = page.locator('.monaco-dialog-box', { hasText: 'trust the authors' });
      const restrictedMode = page.locator('.statusbar', { hasText: 'Restricted Mode' });
      const deadline = Date.now() + 60_000;
      while (!(await restrictedMode.isVisible()) || await question.isVisible()) {
        if (await question.isVisible()) {
          await page.screenshot({ path: path.join(restrictedArtifacts, 'trust-question.png') });
          await question.getByRole('button', { name: /No, I don't trust/ }).click();
        }
        if (Date.now() > deadline) throw new Error('the workbench shows no Restricted Mode 60 s after opening the untrusted folder');
        await page.waitForTimeout(100);
      }
      await page.screenshot({ path: path.join(restrictedArtifacts, 'restricted-mode.png') });
      restricted = true;
    });
    if (!restricted) return;
    await diagnosticsChecks({ page, uiCheck: restrictedCheck, artifacts: restrictedArtifacts });
    await restrictedCheck('Open Preview to the Side shows the card\'s text in the preview webview', async () => {
      const preview = await previewAfresh(page, 'submit.card.json');
      await preview.getByText('Approve the expense report?').waitFor();
      await page.screenshot({ path: path.join(restrictedArtifacts, 'preview.png') });
    });
    await restrictedCheck('Sign Card ignores the folder\'s signing.privateKeyFile and asks for a signing key', async () => {
      await signCardAsks(page, 'Sign Card: signing key', path.join(restrictedArtifacts, 'sign-card-asks-key.png'));
    });
    // The counter-check: the same setting, once the folder is trusted, gives Sign Card its key.
    await restrictedCheck('once the folder is trusted, Sign Card signs with the folder\'s key file and asks for the sender next', async () => {
      await runFromPalette(page, 'Workspaces: Manage Workspace Trust');
      await page.locator('.workspace-trust-editor').getByRole('button', { name: /^Trust( Folder)?$/ }).first().click();
      await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ state: 'hidden' });
      await signCardAsks(page, 'Sign Card: sender', path.join(restrictedArtifacts, 'trusted-sign-card-asks-sender.png'));
    });
  } finally {
    await page.close();
    server.kill();
    try { fs.cpSync(path.join(folder, 'user-data/logs'), path.join(restrictedArtifacts, 'vscode-logs'), { recursive: true }); } catch { /* no logs yet */ }
  }
}
