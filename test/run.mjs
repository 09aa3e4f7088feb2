// Runs every test suite of the project and prints one closing line "N passed, N failed" for all of them:
//   1. node:test suites compiled to out/test/{unit,lsp,cli,webview}/ (service, LSP over stdio, command line, and the
//      preview app in headless Chromium)
//   2. e2e/run.mjs: the extension inside a real VS Code (skipped only with AMS_SKIP_E2E=1, and said so)
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
const stream = run({ files, concurrency: 2, timeout: 120_000 });
stream.on('test:pass', (t) => { if (t.details.type !== 'suite') passed++; });
stream.on('test:fail', (t) => { if (t.details.type !== 'suite') failed++; });
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.on('end', resolve));
console.log(`node suites: ${passed} passed, ${failed} failed`);

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
process.exit(failed ? 1 : 0);
