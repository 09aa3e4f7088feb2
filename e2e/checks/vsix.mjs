// UI checks of the extension as users get it: `npm run package` makes the .vsix, which holds only what the installed
// extension reads; installed into a fresh VS Code server (its own profile and extensions folder) and opened WITHOUT
// the development payload, it checks a card (squiggle, hover, Problems row) and previews it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installExtension, startVscodeServer, writeQuietUserSettings } from '../vscode-server.mjs';
import { previewAfresh } from '../workbench.mjs';
import { workspaceCopy } from '../workspace.mjs';
import diagnosticsChecks from './diagnostics.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const EXTENSION_ID = 'actionable-message-studio.actionable-message-studio';
const PACKAGE_TIMEOUT_MS = 600_000; // a full build on two shared cores
const SIZE_TARGET_BYTES = 1.5 * 1024 * 1024;
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Every entry must match one of these: the manifest files vsce writes, and under extension/ the files the installed
 * extension reads. So no source map, no TypeScript source, no test, no node_modules, no e2e/ or bench/, and not
 * amcard's bundles (dist/cli*.js), which the extension never loads.
 */
const SHIPPED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(?!cli)[\w-]+\.(js|css)$/,
  /^extension\/dist\/amcard-config\.schema\.json$/,
  /^extension\/docs\/[\w-]+\.md$/,
  /^extension\/media\/[\w/-]+\.(png|svg|gif|jpg|md)$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/server\/schema\/[\w.-]+\.json$/,
];
const REQUIRED = ['extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
  'extension/dist/extension.js', 'extension/dist/commands.js', 'extension/dist/preview.js', 'extension/dist/server.js', 'extension/dist/webview.js',
  'extension/dist/webview.css', 'extension/dist/templating.js', 'extension/dist/amcard-config.schema.json', 'extension/docs/rules.md', 'extension/media/icon.png',
  'extension/media/walkthrough/create-card.svg'];

/** The entry names of a zip file, as `unzip -l` lists them. */
function zipEntries(zipFile) {
  const listing = execFileSync('unzip', ['-l', zipFile], { encoding: 'utf8' });
  // rows: "  Length  Date  Time  Name"; the header and the total row do not have that shape
  return [...listing.matchAll(/^\s*\d+\s+\d{4}-\d\d-\d\d\s+\d\d:\d\d\s+(.+)$/gm)].map((match) => match[1]);
}

/** @param {import('../run.mjs').UiContext} context */
export default async function vsixChecks({ browser, uiCheck, artifacts, tmp, installDir, viewport }) {
  const folder = path.join(tmp, 'vsix');
  const vsixArtifacts = path.join(artifacts, 'vsix');
  fs.mkdirSync(vsixArtifacts, { recursive: true });
  fs.mkdirSync(folder); // vsce writes into an existing folder only
  const vsix = path.join(folder, 'actionable-message-studio.vsix');
  const packageLog = path.join(vsixArtifacts, 'package.log');

  let packaged = false;
  await uiCheck('npm run package makes a .vsix of only what users need', async () => {
    try {
      const output = execFileSync('npm', ['run', 'package', '--', '--out', vsix],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: PACKAGE_TIMEOUT_MS });
      fs.writeFileSync(packageLog, output);
    } catch (error) {
      fs.writeFileSync(packageLog, `${error.stdout ?? ''}${error.stderr ?? ''}`);
      throw new Error(`npm run package failed (${error.status ?? error.signal ?? error.code}); see e2e-artifacts/vsix/package.log`);
    }
    const entries = zipEntries(vsix);
    const unexpected = entries.filter((entry) => !SHIPPED.some((pattern) => pattern.test(entry)));
    if (unexpected.length > 0) throw new Error(`the .vsix holds what users do not need: ${unexpected.join(', ')}`);
    const missing = REQUIRED.filter((entry) => !entries.includes(entry));
    if (missing.length > 0) throw new Error(`the .vsix lacks ${missing.join(', ')}`);
    const { size } = fs.statSync(vsix);
    console.log(`   .vsix: ${entries.length} entries, ${size} bytes (${(size / 1024 / 1024).toFixed(2)} MB)`);
    if (size > SIZE_TARGET_BYTES) throw new Error(`the .vsix is ${size} bytes, over the ${SIZE_TARGET_BYTES}-byte target`);
    packaged = true;
  });
  if (!packaged) return;

  let installed = false;
  await uiCheck('the .vsix installs into a fresh VS Code profile', async () => {
    let output;
    try {
      output = installExtension({ installDir, tmpDir: folder, vsix });
    } catch (error) {
      throw new Error(`installing the .vsix failed: ${`${error.stderr ?? ''}${error.stdout ?? ''}`.trim() || error.message}`);
    }
    if (!/successfully installed/.test(output)) throw new Error(`the VS Code server did not report an install: ${output.trim()}`);
    const manifest = path.join(folder, 'extensions', `${EXTENSION_ID}-${version}`, 'package.json');
    if (!fs.existsSync(manifest)) throw new Error(`no ${manifest} after the install`);
    installed = true;
  });
  if (!installed) return;

  writeQuietUserSettings(folder);
  const server = await startVscodeServer({ installDir, tmpDir: folder, logPath: path.join(vsixArtifacts, 'server.log') });
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(60_000);
  /** This section's checks, named as such, with failure screenshots of its own page. */
  const installedCheck = (name, check) => uiCheck(`installed .vsix: ${name}`, check, page);
  try {
    await installedCheck('the workbench opens with no development payload', async () => {
      await page.goto(server.urlFor(workspaceCopy(folder, 'ws-vsix')));
      await page.locator('.monaco-workbench .part.editor').waitFor();
      await page.waitForFunction(() => document.title.includes('ws-vsix')); // the window title, complete
      const title = await page.title();
      if (title.includes('Extension Development Host')) throw new Error(`the window is a development host: ${title}`);
    });
    await diagnosticsChecks({ page, uiCheck: installedCheck, artifacts: vsixArtifacts });
    await installedCheck('Open Preview to the Side shows the card\'s text in the preview webview', async () => {
      const preview = await previewAfresh(page, 'submit.card.json');
      await preview.getByText('Approve the expense report?').waitFor();
      await page.screenshot({ path: path.join(vsixArtifacts, 'preview.png') });
    });
  } finally {
    await page.close();
    server.kill();
    // the installed extension's logs (its language server's output under exthost1/), for when a check failed
    try { fs.cpSync(path.join(folder, 'user-data/logs'), path.join(vsixArtifacts, 'vscode-logs'), { recursive: true }); } catch { /* no logs yet */ }
  }
}
