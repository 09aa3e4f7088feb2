// `npm start`: a real VS Code in your browser with this extension loaded from the working tree and scratch/ open, a
// copy of examples/. Installs the VS Code server on first use (e2e/install-vscode-server.mjs), prints the URL to open,
// and on Ctrl+C / SIGTERM stops the server with every process it started (its process group).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startVscodeServer, vscodeServerInstallDir } from './vscode-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const examples = path.join(root, 'examples');
// The workbench edits what it opens, and commands write settings into its .vscode/ (workspace target): a
// git-ignored copy keeps the checkout clean, and outlives the session so that the user's edits do too.
const scratch = path.resolve(process.env.AMS_SCRATCH_DIR || path.join(root, 'scratch'));

/** Copies examples/ to the scratch folder unless it exists (it is never overwritten); says which. */
function prepareScratch() {
  if (fs.existsSync(scratch)) return 'kept from an earlier run';
  // copied beside it and renamed, so an interrupted copy is never taken for the user's folder
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  const partial = fs.mkdtempSync(`${scratch}.partial-`);
  fs.cpSync(examples, partial, { recursive: true });
  fs.renameSync(partial, scratch);
  return 'copied from examples/';
}

for (const needed of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(root, needed))) {
    console.error(`${needed} is missing: run \`npm run build\` (npm start does it for you)`);
    process.exit(1);
  }
}
const logPath = path.join(root, 'e2e-artifacts', 'start-server.log');
fs.mkdirSync(path.dirname(logPath), { recursive: true });
// user data, extensions and the sockets the server leaves in TMPDIR live only as long as this session
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ams-start-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 }));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping VS Code`);
    process.exit(0); // the launcher's 'exit' handler kills the server's process group
  });
}

const scratchState = prepareScratch();
let server;
try {
  server = await startVscodeServer({ installDir: await vscodeServerInstallDir(), tmpDir: tmp, logPath });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const scratchName = path.relative(root, scratch).startsWith('..') ? scratch : path.relative(root, scratch);
const url = server.urlFor(scratch, [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']]);
console.log(`VS Code with Actionable Message Studio (from ${root}) and ${scratchName} open:\n\n  ${url}\n`);
console.log(`${scratchName} is your copy of examples/ (${scratchState}): edit freely, settings that commands write go`
  + ' to its .vscode/, it is git-ignored and kept between runs; delete it to start again from examples/.');
console.log(`Open the URL in a browser on this machine. Server log: ${path.relative(root, logPath)}. Ctrl+C stops it.`);
console.log('After changing the extension, run `npm run build` and reload the browser tab.');
const code = await server.exited;
console.error(`VS Code server stopped on its own (${code}); see ${logPath}`);
process.exit(1);
