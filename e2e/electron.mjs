// `npm run test:electron`: the in-host mocha suite (test/vscode/, compiled to out/test/vscode/index.js, the same one
// e2e/run.mjs runs inside the VS Code server) in desktop VS Code through @vscode/test-electron, with the same
// workspace: a fresh copy of test/fixtures/ws with examples/ inside, and a fresh profile.
// env: VSCODE_EXECUTABLE_PATH, a local VS Code executable (e.g. /usr/share/code/code); without it @vscode/test-electron
// downloads the latest stable VS Code into ~/.cache/vscode-test-electron/ (update.code.visualstudio.com must be reachable).
// Linux without a display: xvfb-run -a npm run test:electron
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { workspaceCopy } from './workspace.mjs';

const root = path.resolve(import.meta.dirname, '..');
const extensionTestsPath = path.join(root, 'out/test/vscode/index.js');
const cachePath = path.join(os.homedir(), '.cache/vscode-test-electron');

/** One line on stderr and exit 1: a run that cannot start says why, never with a stack trace. */
function fail(message) {
  console.error(`test:electron: ${message}`);
  process.exit(1);
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

for (const built of ['dist/extension.js', 'dist/server.js', 'out/test/vscode/index.js']) {
  if (!fs.existsSync(path.join(root, built))) fail(`${built} is missing: run \`npm run build\` first`);
}
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
if (vscodeExecutablePath && !isExecutableFile(vscodeExecutablePath)) {
  fail(`VSCODE_EXECUTABLE_PATH is ${vscodeExecutablePath}, which is not an executable file: point it at VS Code's executable`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ams-electron-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 }));

// The suite writes {passes, failures, pending} here when it ends; VS Code's exit code alone would also be 0 for a
// binary that is not VS Code or a suite that never started.
const resultFile = path.join(tmp, 'result.json');
let exitProblem;
try {
  await runTests({
    vscodeExecutablePath,
    cachePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    extensionTestsEnv: { AMS_TEST_RESULT_FILE: resultFile },
    launchArgs: [workspaceCopy(tmp, 'ws-tests'),
      '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions'),
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      // the suite keeps a signing key in SecretStorage: no OS keyring is needed (nor asked for) in a test profile
      '--password-store=basic'],
  });
} catch (error) {
  if (!(error instanceof TestRunFailedError)) {
    const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
    fail(vscodeExecutablePath
      ? `could not run ${vscodeExecutablePath} (${cause})`
      : `could not download VS Code (${cause}); set VSCODE_EXECUTABLE_PATH to a local VS Code executable`);
  }
  exitProblem = error.message; // failing tests end here too; the result file counts them
}
if (!fs.existsSync(resultFile)) {
  fail(`VS Code exited without running the in-host suite (no report from ${path.relative(root, extensionTestsPath)}); see its output above`);
}
const { passes, failures } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
// VS Code failing after a suite that reported no failure (a crash at shutdown) still fails the run
const crashed = exitProblem !== undefined && failures === 0;
if (crashed) console.log(`test:electron: every test passed, but VS Code then failed: ${exitProblem}`);
console.log(`${passes} passed, ${failures + (crashed ? 1 : 0)} failed`);
process.exit(failures > 0 || crashed ? 1 : 0);
