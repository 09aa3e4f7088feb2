// The README's figures: runs the tour UI check (e2e/checks/tour.mjs) in a real VS Code, then writes each of its
// e2e-artifacts/readme-<name>.png to docs/images/<name>.png, at most 900 px wide and palette-reduced, so each stays
// far below 120 KB. Needs `npm run build` first (npm run screenshots does it) and ImageMagick's `convert`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'e2e-artifacts');
const images = path.join(root, 'docs/images');
const FIGURES = ['problems', 'quick-fix', 'preview-http', 'decode-jws'];
const MAX_WIDTH = 900;
const COLORS = 128;
const MAX_BYTES = 120 * 1024;

const tour = spawnSync(process.execPath, [path.join(root, 'e2e/run.mjs')], {
  stdio: 'inherit', env: { ...process.env, AMS_E2E_ONLY: 'tour' },
});
if (tour.status !== 0) {
  console.error('screenshots: the tour failed, so docs/images/ is left as it was (see e2e-artifacts/)');
  process.exit(1);
}
fs.mkdirSync(images, { recursive: true });
for (const name of FIGURES) {
  const source = path.join(artifacts, `readme-${name}.png`);
  const target = path.join(images, `${name}.png`);
  execFileSync('convert', [source, '-resize', `${MAX_WIDTH}x>`, '-strip', '-dither', 'None', '-colors', String(COLORS), `PNG8:${target}`]);
  const bytes = fs.statSync(target).size;
  console.log(`docs/images/${name}.png: ${(bytes / 1024).toFixed(0)} KB`);
  if (bytes > MAX_BYTES) {
    console.error(`screenshots: docs/images/${name}.png is over ${MAX_BYTES / 1024} KB: crop it tighter in e2e/checks/tour.mjs`);
    process.exitCode = 1;
  }
}
