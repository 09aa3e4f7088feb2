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

/**
 * Copies examples/ to the scratch folder unless it holds files already (they are never overwritten); an empty
 * folder, such as a fresh `AMS_SCRATCH_DIR=$(mktemp -d)`, gets the copy. Says which.
 */
function prepareScratch() {
  const existing = fs.statSync(scratch, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isDirectory()) {
    console.error(`${scratch} is not a folder: set AMS_SCRATCH_DIR to a folder, or remove the file.`);
    process.exit(1);
  }
  if (existing !== undefined && fs.readdirSync(scratch).length > 0) return 'kept from an earlier run';
  // copied beside it and moved in, so an interrupted copy is never taken for the user's folder
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  const partial = fs.mkdtempSync(`${scratch}.partial-`);
  fs.cpSync(examples, partial, { recursive: true });
  if (existing === undefined) {
    fs.renameSync(partial, scratch);
  } else {
    for (const entry of fs.readdirSync(partial)) fs.renameSync(path.join(partial, entry), path.join(scratch, entry));
    fs.rmdirSync(partial);
  }
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
const insideCheckout = !path.relative(root, scratch).startsWith('..');
const scratchName = insideCheckout ? path.relative(root, scratch) : scratch;
const url = server.urlFor(scratch, [['extensionDevelopmentPath', server.remote(root)], ['skipWelcome', 'true']]);
console.log(`VS Code with Actionable Message Studio (from ${root}) and ${scratchName} open:\n\n  ${url}\n`);
console.log(`${scratchName} is your copy of examples/ (${scratchState}): edit freely, settings that commands write go`
  + ` to its .vscode/, it is ${insideCheckout ? 'git-ignored and ' : ''}kept between runs; delete it (or empty it) to start`
  + ' again from examples/.');
console.log(`Open the URL in a browser on this machine. Server log: ${path.relative(root, logPath)}. Ctrl+C stops it.`);
console.log('After changing the extension, run `npm run build` and reload the browser tab.');
const code = await server.exited;
console.error(`VS Code server stopped on its own (${code}); see ${logPath}`);
process.exit(1);
