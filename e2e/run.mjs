// The extension inside a REAL VS Code: the VS Code server from the code-server npm package, driven by Debian's
// headless Chromium through playwright-core.
//   phase 1: test/vscode/*.test.ts (mocha) run inside the real Node extension host (extensionTestsPath)
//   phase 2: what a person sees, one module per feature in e2e/checks/ (see UI_CHECKS): a rule's squiggle and its
//            Problems row, the card preview, ...; AMS_E2E_ONLY=preview,host runs only the named parts
// Needs `npm run build` first. Writes e2e-artifacts/{server.log,workbench-console.log,vscode-logs/,*.png}.
// The last stdout line is "N passed, N failed" (test/run.mjs adds it up).
// env: VSCODE_E2E_SERVER (from `npm run vscode-server`; installed when unset), CHROMIUM (default /usr/bin/chromium)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { startVscodeServer, vscodeServerInstallDir } from './vscode-server.mjs';
import { workspaceCopy } from './workspace.mjs';

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
  await page.goto(server.urlFor(workspaceCopy(tmp, 'ws-tests'), [...extensionPayload,
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

/**
 * What a UI check module (e2e/checks/<name>.mjs, default export) receives.
 * @typedef {object} UiContext
 * @property {import('playwright-core').Page} page  the workbench, with the extension under development loaded
 * @property {(name: string, check: () => Promise<void>, shown?: import('playwright-core').Page) => Promise<void>} uiCheck
 *   runs and counts one check; a failure screenshots `shown` (default: page)
 * @property {string} workspace   the folder the workbench has open (a copy of test/fixtures/ws with examples/)
 * @property {string} artifacts   e2e-artifacts/, for screenshots
 * @property {import('playwright-core').Browser} browser
 * @property {Awaited<ReturnType<typeof startVscodeServer>>} server
 * @property {string} tmp         this run's temporary folder (removed at exit)
 * @property {string} installDir  the VS Code server's install folder, for a check that starts its own server
 * @property {{width: number, height: number}} viewport  of the workbench pages
 */

/** The UI check modules in the order they run; AMS_E2E_ONLY=name,name runs only those (and no extension-host suite unless it names `host`). */
// vsix last: it rebuilds dist/ through `npm run package` while this run's workbench is still open
const UI_CHECKS = ['diagnostics', 'language-mode', 'preview', 'action-target', 'walkthrough', 'new-card', 'tour', 'keys', 'addresses', 'send', 'language-status', 'restricted', 'vsix'];
const only = process.env.AMS_E2E_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const selected = (name) => !only || only.includes(name);

async function runUiChecks(browser, server, installDir, extensionPayload) {
  const workspace = workspaceCopy(tmp, 'ws-ui');
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(UI_WAIT_MS);
  const uiCheck = async (name, check, shown = page) => {
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
      await shown.screenshot({ path: path.join(artifacts, screenshot) }).catch(() => {});
    }
  };
  await uiCheck('workbench loads with the extension under development', async () => {
    await page.goto(server.urlFor(workspace, extensionPayload));
    await page.locator('.monaco-workbench .part.editor').waitFor();
    await page.waitForFunction(() => document.title.includes('Extension Development Host'));
  });
  /** @type {UiContext} */
  const context = { page, uiCheck, workspace, artifacts, browser, server, tmp, installDir, viewport: VIEWPORT };
  for (const name of UI_CHECKS.filter(selected)) {
    const { default: checks } = await import(`./checks/${name}.mjs`);
    await checks(context);
  }
  await page.close();
}

let server;
let browser;
try {
  const installDir = await vscodeServerInstallDir();
  server = await startVscodeServer({ installDir, tmpDir: tmp, logPath: serverLogPath });
  console.log(`${elapsed()} VS Code server up on ${server.base}`);
  browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const extensionPayload = [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']];
  if (selected('host')) await runExtensionHostTests(browser, server, extensionPayload);
  await runUiChecks(browser, server, installDir, extensionPayload);
} catch (error) {
  failed++;
  console.log(`e2e: ${error.message.split('\n')[0]} (see e2e-artifacts/server.log)`);
} finally {
  await browser?.close().catch(() => {});
  server?.kill();
}
finish();
