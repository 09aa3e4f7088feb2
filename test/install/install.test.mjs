// A newcomer's first hour, the way they run it: the VS Code server installed through `npm run vscode-server` (so in
// the environment npm hands to scripts) into a fresh VSCODE_E2E_DIR, an install killed midway, two installs at once,
// then `npm start` as it is typed, its workbench loaded in headless Chromium, a command that writes settings, and
// SIGTERM. Slow (one cold install, about 3 min on 2 cores, and a build): test/run.mjs runs it under CI=true or
// AMS_INSTALL_TEST=1, or with `node test/run.mjs install`. The rest of the suite uses the cached install.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { quickOpen, runFromPalette } from '../../e2e/workbench.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ams-install-test-'));
const folder = path.join(base, 'code-server-4.139.1-node-24.21.0');
const scratchParent = path.join(root, 'scratch');
const scratchExisted = fs.existsSync(scratchParent);
const scratch = path.join(scratchParent, `install-test-${process.pid}`);
const artifacts = path.join(root, 'test-artifacts/install'); // on failure: a screenshot and npm start's output
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const UI_WAIT_MS = 60_000;

after(() => {
  fs.rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  fs.rmSync(scratchExisted ? scratch : scratchParent, { recursive: true, force: true });
});

/** `npm <args>` in the checkout, in its own process group, with the environment a user's shell would give it. */
function npm(args, extraEnv = {}) {
  const env = { ...process.env, VSCODE_E2E_DIR: base, ...extraEnv };
  delete env.VSCODE_E2E_SERVER; // the user's first run has no install to point at
  const child = spawn('npm', args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => { run.stdout += chunk; });
  child.stderr.on('data', (chunk) => { run.stderr += chunk; });
  run.exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return run;
}

async function waitUntil(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Live processes (zombies are dead: nothing here reaps them) as pid → [parent pid, start time]. */
function processTable() {
  const table = new Map();
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      if (fields[0] !== 'Z') table.set(Number(pid), [Number(fields[1]), fields[19]]);
    } catch { /* ended while listed */ }
  }
  return table;
}

/** `pid` and every process below it, as pid:start time (a reused pid is another process). */
function processTree(pid) {
  const table = processTable();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, [parent]] of table) if (parent === tree[i]) tree.push(child);
  }
  return tree.filter((p) => table.has(p)).map((p) => `${p}:${table.get(p)[1]}`);
}

const stillAlive = (tree) => {
  const table = processTable();
  return tree.filter((entry) => {
    const [pid, start] = entry.split(':');
    return table.get(Number(pid))?.[1] === start;
  });
};

const installed = () => fs.existsSync(path.join(folder, '.installed'));
const leftovers = () => fs.readdirSync(base).filter((entry) => entry.includes('.partial-'));
const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--ignored=no'], { cwd: root, encoding: 'utf8' });

test('an install killed midway leaves nothing that counts as installed', { timeout: INSTALL_TIMEOUT_MS }, async () => {
  const killed = npm(['run', '--silent', 'vscode-server']);
  await waitUntil('the install to compile code-server\'s native modules',
    () => /now: \S+ install/.test(killed.stderr) || killed.child.exitCode !== null, INSTALL_TIMEOUT_MS);
  assert.equal(killed.child.exitCode, null, `the install ended before it could be killed:\n${killed.stderr}`);
  const tree = processTree(killed.child.pid);
  process.kill(-killed.child.pid, 'SIGKILL');
  assert.equal(await killed.exited, 'SIGKILL');
  await waitUntil('the killed install\'s processes to end', () => stillAlive(tree).length === 0, 30_000);
  assert.equal(installed(), false, 'a killed install has the .installed marker');
  assert.equal(fs.existsSync(folder), false, `a killed install left ${folder}`);
  assert.ok(leftovers().length > 0, 'the killed install built somewhere else than in a *.partial-* folder');
});

test('two installs started at once through `npm run vscode-server` both succeed, with one install', { timeout: INSTALL_TIMEOUT_MS }, async () => {
  const runs = [npm(['run', '--silent', 'vscode-server']), npm(['run', '--silent', 'vscode-server'])];
  const codes = await Promise.all(runs.map((run) => run.exited));
  for (const [i, run] of runs.entries()) {
    assert.equal(codes[i], 0, `install ${i + 1} failed:\n${run.stderr}`);
    assert.equal(run.stdout.trim(), folder, 'stdout is the install folder and nothing else');
  }
  const stderr = runs.map((run) => run.stderr);
  const installers = stderr.filter((text) => /code-server 4\.139\.1 installed in (\d+) s/.test(text));
  assert.equal(installers.length, 1, `not exactly one install:\n${stderr.join('\n----\n')}`);
  assert.equal(stderr.filter((text) => /installed meanwhile by the other install/.test(text)).length, 1);
  assert.ok(stderr.some((text) => /waiting for another install into this folder to finish/.test(text)));
  // the phase with the elapsed time, every 15 s
  const reportedSeconds = [...installers[0].matchAll(/^\[vscode-e2e\] (\d+) s: /gm)].map((match) => Number(match[1]));
  assert.ok([15, 30, 45].every((seconds) => reportedSeconds.includes(seconds)), `progress at ${reportedSeconds}`);
  assert.match(installers[0], /^\[vscode-e2e\] \d+ s: installing code-server 4\.139\.1 and compiling its native modules; now: \S+ install$/m);
  assert.ok(installed());
  assert.deepEqual(leftovers(), [], 'the killed install\'s partial folder was not removed');
  console.log(`cold install: ${/installed in (\d+) s/.exec(installers[0])[1]} s`);
});

test('npm start opens the workbench on a scratch copy of examples/, keeps the checkout unchanged, and stops every process', { timeout: 10 * 60_000 }, async () => {
  assert.ok(installed(), 'needs the install of the test before');
  const statusBefore = gitStatus();
  // an empty folder made for it, as `AMS_SCRATCH_DIR=$(mktemp -d) npm start` gives: it gets the copy
  fs.mkdirSync(scratch, { recursive: true });
  const start = npm(['start'], { AMS_SCRATCH_DIR: scratch });
  let browser;
  let page;
  try {
    const url = await waitUntil('npm start to print the workbench URL',
      () => /^ {2}(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(start.stdout)?.[1] ?? (start.child.exitCode !== null
        ? assert.fail(`npm start ended (${start.child.exitCode}):\n${start.stdout}\n${start.stderr}`) : undefined), 5 * 60_000);
    assert.doesNotMatch(start.stderr, /No VS Code server/, 'the first-install notice appears although nothing was installed');
    // The note is a line of its own after the URL, and may arrive in a later chunk of output.
    await waitUntil('npm start to say which folder it opened', () => /your copy of examples\/ \(copied from examples\/\)/.test(start.stdout) || undefined, 30_000)
      .catch(() => assert.match(start.stdout, /your copy of examples\/ \(copied from examples\/\)/));
    assert.deepEqual(fs.readdirSync(scratch).sort(), fs.readdirSync(path.join(root, 'examples')).sort());

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, timeout: UI_WAIT_MS,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(url);
    await page.waitForFunction((name) => document.title.includes('Extension Development Host') && document.title.includes(name),
      path.basename(scratch));
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'approval-http.card.json' }).waitFor();
    // the extension is running once its preview CodeLens shows on a card of the scratch folder
    await quickOpen(page, 'approval-http.card.json');
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open Preview' }).first().waitFor();

    // Generate Signing Key Pair, then the notification's "Add to Public Keys", which writes a workspace setting
    await runFromPalette(page, 'Actionable Messages: Generate Signing Key Pair');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'RSA 2048' }).click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'VS Code secret storage' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: /^public-key-\d+\.txt/ }).waitFor();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'Public key of a new RSA 2048 signing key' }).waitFor();
    // from the notification center: the toast may have timed out on a busy machine
    await runFromPalette(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .monaco-button', { hasText: 'Add to Public Keys' }).click();
    const settingsPath = path.join(scratch, '.vscode/settings.json');
    const settings = await waitUntil(`the public key in ${settingsPath}`, () => {
      try {
        return JSON.parse(fs.readFileSync(settingsPath, 'utf8'))['actionableMessages.signing.publicKeys'];
      } catch { return undefined; }
    }, UI_WAIT_MS);
    assert.match(settings[0], /^-----BEGIN PUBLIC KEY-----/);
    assert.equal(gitStatus(), statusBefore, 'npm start changed the checkout');
    assert.equal(fs.existsSync(path.join(root, 'examples/.vscode')), false);

    await browser.close();
    const tree = processTree(start.child.pid);
    assert.ok(tree.length >= 3, `npm start should run npm, node and the VS Code server: ${tree}`);
    process.kill(-start.child.pid, 'SIGTERM'); // what a service manager does; Ctrl+C sends SIGINT to the group
    await start.exited;
    await waitUntil(`every process npm start started to end (alive: ${tree})`, () => stillAlive(tree).length === 0, 30_000);
  } catch (error) {
    fs.mkdirSync(artifacts, { recursive: true });
    await page?.screenshot({ path: path.join(artifacts, 'fail-npm-start.png') }).catch(() => {});
    fs.writeFileSync(path.join(artifacts, 'npm-start.log'), `${start.stdout}\n${start.stderr}`);
    throw error;
  } finally {
    await browser?.close();
    try { process.kill(-start.child.pid, 'SIGKILL'); } catch { /* stopped as it should */ }
  }
});
