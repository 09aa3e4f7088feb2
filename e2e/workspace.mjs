// The workspace every run of the in-host suite and the UI checks opens, in the VS Code server (e2e/run.mjs) and in
// desktop VS Code (e2e/electron.mjs): the suite's files and settings live in test/fixtures/ws, the example cards in
// examples/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * A fresh copy of test/fixtures/ws, with examples/ inside it, as `parentDir/name`: a run edits files and settings
 * there, and no run sees what another left behind.
 */
export function workspaceCopy(parentDir, name) {
  const folder = path.join(parentDir, name);
  fs.cpSync(path.join(root, 'test/fixtures/ws'), folder, { recursive: true });
  fs.cpSync(path.join(root, 'examples'), path.join(folder, 'examples'), { recursive: true });
  return folder;
}
