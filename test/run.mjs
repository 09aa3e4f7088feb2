// Runs every test suite of the project and prints one closing line "N passed, N failed" for all of them:
//   1. node:test suites compiled to out/test/{unit,lsp,cli,webview}/ (service, LSP over stdio, command line, and the
//      preview app in headless Chromium)
//   2. test/install/: a cold install of the VS Code server through npm and `npm start` as a newcomer runs them
//      (slow: only under CI=true or AMS_INSTALL_TEST=1, or when named: `node test/run.mjs install`)
//   3. e2e/run.mjs: the extension inside a real VS Code (skipped only with AMS_SKIP_E2E=1, and said so)
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const suites = ['unit', 'lsp', 'cli', 'webview'].filter((s) => only.length === 0 || only.includes(s));
const files = suites.flatMap((suite) => {
  const dir = path.join(root, 'out/test', suite);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)) : [];
});

let passed = 0;
let failed = 0;
/** Runs node:test files, reporting as they go, and adds their tests to the counts. */
async function runNodeTests(label, options) {
  let suitePassed = 0;
  let suiteFailed = 0;
  const failures = [];
  const stream = run(options);
  stream.on('test:pass', (t) => { if (t.details.type !== 'suite') suitePassed++; });
  stream.on('test:fail', (t) => {
    if (t.details.type === 'suite') return;
    suiteFailed++;
    const error = t.details.error?.cause ?? t.details.error;
    failures.push(`${path.relative(root, t.file ?? '')} › ${t.name}: ${String(error?.message ?? error).split('\n')[0]}`);
  });
  const report = stream.compose(spec);
  report.pipe(process.stdout, { end: false });
  await new Promise((resolve) => report.on('end', resolve));
  // Named again here: the reporter may place a failure anywhere in a long log, or not at all (a file that ended badly).
  for (const failure of failures) console.log(`failed: ${failure}`);
  console.log(`${label}: ${suitePassed} passed, ${suiteFailed} failed`);
  passed += suitePassed;
  failed += suiteFailed;
}

// Per file. The robustness suite is the longest (about 100 s of one core since completion and hover answer on its
// multi-megabyte documents); the limit stays well above it so a busy machine does not fail it, and still ends a hang.
if (files.length > 0) await runNodeTests('node suites', { files, concurrency: 2, timeout: 240_000 });

const installWanted = process.env.CI === 'true' || process.env.AMS_INSTALL_TEST === '1';
if (only.includes('install') || (only.length === 0 && installWanted)) {
  // its tests run in order (the install, then npm start on it) with their own time limits
  await runNodeTests('install', { files: [path.join(root, 'test/install/install.test.mjs')], concurrency: 1 });
} else if (only.length === 0) {
  console.log('install: skipped (runs under CI=true or AMS_INSTALL_TEST=1)');
}

if ((only.length === 0 || only.includes('e2e')) && process.env.AMS_SKIP_E2E !== '1') {
  const e2e = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'e2e/run.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => { process.stdout.write(chunk); last += chunk; last = last.slice(-2000); });
    child.on('close', (code) => resolve({ code, last }));
  });
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(e2e.last);
  if (m) { passed += Number(m[1]); failed += Number(m[2]); }
  if (!m || (e2e.code !== 0 && Number(m[2]) === 0)) failed++;
} else if (only.length === 0) {
  console.log('e2e: skipped (AMS_SKIP_E2E=1)');
}
console.log(`${passed} passed, ${failed} failed`);
// Standard output to a pipe is written asynchronously: exit once what was written has gone, not before.
process.stdout.write('', () => process.exit(failed ? 1 : 0));
