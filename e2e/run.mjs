// The extension inside a REAL VS Code: the VS Code server from the code-server npm package, driven by Debian's
// headless Chromium through playwright-core.
//   phase 1: test/vscode/*.test.ts (mocha) run inside the real Node extension host (extensionTestsPath)
//   phase 2: what a person sees: a rule's squiggle in the editor and its row in the Problems panel, the card preview
//            opened from the editor title and the command palette, showing the card and following an edit
// Needs `npm run build` first. Writes e2e-artifacts/{server.log,workbench-console.log,vscode-logs/,*.png}.
// The last stdout line is "N passed, N failed" (test/run.mjs adds it up).
// env: VSCODE_E2E_SERVER (from e2e/install-vscode-server.sh; installed when unset), CHROMIUM (default /usr/bin/chromium)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { startVscodeServer, vscodeServerInstallDir } from './vscode-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'e2e-artifacts');
const serverLogPath = path.join(artifacts, 'server.log');
const hostLogPath = path.join(artifacts, 'workbench-console.log');
const EXTENSION_TESTS_TIMEOUT_MS = 300_000;
const UI_WAIT_MS = 60_000;
const VIEWPORT = { width: 1400, height: 900 };
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
let passed = 0;
let failed = 0;

function finish() {
  console.log(`${elapsed()} done; artifacts in e2e-artifacts/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

for (const built of ['dist/extension.js', 'dist/server.js', 'out/test/vscode/index.js']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.log(`e2e: ${built} is missing: run \`npm run build\` first`);
    failed++;
    finish();
  }
}
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.log(`e2e: no Chromium at ${chromiumPath}: \`apt-get install chromium\` (Debian) or set CHROMIUM`);
  failed++;
  finish();
}

fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ams-e2e-'));
process.on('exit', () => {
  // VS Code's logs, the language server's output channel among them (exthost1/<extension id>/)
  try { fs.cpSync(path.join(tmp, 'user-data/logs'), path.join(artifacts, 'vscode-logs'), { recursive: true }); } catch { /* no logs yet */ }
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1)); // 'exit' kills the server's group

/**
 * A fresh copy of test/fixtures/ws, with examples/ inside it, per phase, so edits and settings of one phase never
 * leak into the next.
 */
function workspaceCopy(name) {
  const folder = path.join(tmp, name);
  fs.cpSync(path.join(root, 'test/fixtures/ws'), folder, { recursive: true });
  fs.cpSync(path.join(root, 'examples'), path.join(folder, 'examples'), { recursive: true });
  return folder;
}

/** Lines of the logs that explain why the extension did not load or its tests did not run. */
function logHints() {
  const serverLines = fs.readFileSync(serverLogPath, 'utf8').split('\n')
    .filter((line) => /not compatible|Cannot find module|Activating extension .* failed|Error:/i.test(line))
    .map((line) => `server.log: ${line}`);
  const hostErrors = fs.readFileSync(hostLogPath, 'utf8').split('\n')
    .filter((line) => line.startsWith('[error]') && !/ENOTFOUND|Service Worker|authentication provider/.test(line))
    .map((line) => `workbench-console.log: ${line}`);
  return [...serverLines, ...hostErrors].slice(-20);
}

async function runExtensionHostTests(browser, server, extensionPayload) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const hostLog = fs.openSync(hostLogPath, 'w');
  let result;
  let exited = false;
  let resolveExit;
  const exit = new Promise((resolve) => { resolveExit = resolve; });
  // The workbench forwards every log line here, the extension host's console (mocha's reporter) included.
  const noise = /^(Resolv|Creating a socket|Updating additional|Canceled|\[)|ENOTFOUND|Unable to read file/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...args);
    fs.writeSync(hostLog, `[${type}] ${line}\n`);
    if (line.startsWith('__RESULT__ ')) result = JSON.parse(line.slice('__RESULT__ '.length));
    else if (!exited && (type === 'info' || type === 'log') && !noise.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => { exited = true; resolveExit(code); });
  await page.goto(server.urlFor(workspaceCopy('ws-tests'), [...extensionPayload,
    ['extensionTestsPath', server.remote(path.join(root, 'out/test/vscode/index'))]]));
  let timer;
  const code = await Promise.race([exit,
    new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), EXTENSION_TESTS_TIMEOUT_MS); })]);
  clearTimeout(timer);
  console.log(`${elapsed()} extension-host tests exited with ${code}`);
  if (code === 'timeout') {
    console.log(`e2e: the extension-host tests did not finish within ${EXTENSION_TESTS_TIMEOUT_MS / 1000} s`);
    await page.screenshot({ path: path.join(artifacts, 'fail-extension-tests.png') }).catch(() => {});
  }
  fs.closeSync(hostLog);
  if (result) {
    passed += result.passes;
    failed += result.failures;
  }
  if (!result || (code !== 0 && result.failures === 0)) {
    failed++; // crashed, or never ran the suite
    console.log('e2e: no complete mocha report from the extension host; see e2e-artifacts/server.log, workbench-console.log'
      + ' and the language server\'s output in e2e-artifacts/vscode-logs/*/exthost1/actionable-message-studio.actionable-message-studio/');
    for (const line of logHints()) console.log(line);
  }
  await page.close();
}

async function runUiChecks(browser, server, extensionPayload) {
  const workspace = workspaceCopy('ws-ui');
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(UI_WAIT_MS);
  const uiCheck = async (name, check) => {
    try {
      await check();
      passed++;
      console.log(`${elapsed()} ✔ ui: ${name}`);
    } catch (error) {
      failed++;
      const screenshot = `fail-${name.replace(/\W+/g, '-')}.png`;
      // Playwright's first line says what timed out; the "waiting for" line says on which element.
      const lines = error.message.split('\n');
      const waitingFor = lines.find((line) => /waiting for/.test(line))?.replace(/\u001b\[\d+m/g, '').trim();
      console.log(`${elapsed()} ✘ ui: ${name}: ${lines[0]}${waitingFor ? ` (${waitingFor})` : ''} (see e2e-artifacts/${screenshot} and server.log)`);
      await page.screenshot({ path: path.join(artifacts, screenshot) }).catch(() => {});
    }
  };
  await uiCheck('workbench loads with the extension under development', async () => {
    await page.goto(server.urlFor(workspace, extensionPayload));
    await page.locator('.monaco-workbench .part.editor').waitFor();
    await page.waitForFunction(() => document.title.includes('Extension Development Host'));
  });
  await uiCheck('Action.Submit card shows an AM030 squiggle with its message on hover', async () => {
    await quickOpen(page, 'submit.card.json');
    // The preview CodeLens above line 1 moves every line down when it arrives: hover only once it is there.
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open Preview' }).first().waitFor();
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor();
    await squiggle.hover({ force: true }); // the text layer lies above the squiggle; the mouse just has to be there
    await page.locator('.monaco-hover', { hasText: 'AM030' }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'squiggle-hover.png') });
  });
  await uiCheck('Problems panel lists the AM030 row from actionable-messages', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'AM030' }).first();
    await row.waitFor();
    const text = await row.innerText();
    if (!text.includes('actionable-messages')) throw new Error(`the Problems row does not name the source actionable-messages: ${text}`);
    await page.screenshot({ path: path.join(artifacts, 'problems.png') });
  });
  await runPreviewChecks(page, uiCheck, workspace);
  await page.close();
}

/** Opens a workspace file by name through Quick Open, as a person would. */
async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  // fill, not type: keys typed while the widget is still taking focus would be lost and another file matched
  await page.locator('.quick-input-widget input').fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor();
}

/** Runs a command from the palette by its full title ("Category: Title"), picking the row with exactly that label. */
async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) }).first().click();
}

/** The preview app's page: webviews sit two iframes deep in the workbench. */
function previewContent(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Replaces the first `from` in the editor of the first group with `to` by typing over the match Find selected. */
async function typeOver(page, from, to) {
  await page.keyboard.press('Control+1'); // focus the first editor group, where the card is
  await page.keyboard.press('Control+F');
  await page.keyboard.type(from);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape'); // Find closes and leaves its match selected in the editor
  await page.keyboard.type(to);
}

/** No editors open and nothing in front of the workbench, so a check does not depend on where the one before stopped. */
async function startAfresh(page) {
  await page.keyboard.press('Escape');
  await runFromPalette(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached' });
}

/** Clicks the editor title's Open Preview to the Side and waits for the preview tab of `fileName`. */
async function openPreviewToSide(page, fileName) {
  // its label also names the Alt action: "Open Preview to the Side\n[Alt] Open Preview"
  await page.locator('.editor-group-container.active .editor-actions [aria-label^="Open Preview to the Side"]').click();
  await page.locator(`.tabs-container .tab[aria-label^="Preview ${fileName}"]`).waitFor();
}

/** A fresh start, `fileName` opened by Quick Open and its preview opened to the side; the preview's content. */
async function previewAfresh(page, fileName) {
  await startAfresh(page);
  await quickOpen(page, fileName);
  await openPreviewToSide(page, fileName);
  return previewContent(page);
}

async function runPreviewChecks(page, uiCheck, workspace) {
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
    await quickOpen(page, 'missing-originator.card.json');
    // The palette lists what the focused editor's context allows: the editor must have the focus, and the extension
    // must have seen it (its CodeLens shows it has).
    await page.keyboard.press('Control+1');
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open Preview' }).first().waitFor();
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
    await runFromPalette(page, 'View: Hide Panel');
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

let server;
let browser;
try {
  server = await startVscodeServer({ installDir: vscodeServerInstallDir(), tmpDir: tmp, logPath: serverLogPath });
  console.log(`${elapsed()} VS Code server up on ${server.base}`);
  browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const extensionPayload = [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']];
  await runExtensionHostTests(browser, server, extensionPayload);
  await runUiChecks(browser, server, extensionPayload);
} catch (error) {
  failed++;
  console.log(`e2e: ${error.message.split('\n')[0]} (see e2e-artifacts/server.log)`);
} finally {
  await browser?.close().catch(() => {});
  server?.kill();
}
finish();
