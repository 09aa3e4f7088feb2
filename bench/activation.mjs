// Activation against its floor: in fresh Node processes, loading vscode-languageclient/node alone (the floor: the
// extension cannot activate without it) against loading dist/extension.js and running its activate(). Each sample
// is one new process (bench/activation-child.cjs), so nothing is cached between them; the two kinds alternate,
// each going first in turn, so a load on the machine hits both alike. A harness, not the real extension host: the
// `vscode` module is a minimal stand-in. Run alone: `node bench/activation.mjs [runs]` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const CHILD = path.join(import.meta.dirname, 'activation-child.cjs');

function measureOnce(mode) {
  const child = spawnSync(process.execPath, [CHILD, mode], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/activation-child.cjs ${mode} failed (status ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout);
}

/** The size of each bundle of dist/ (without source maps), in bytes. */
export function bundleSizes() {
  const dist = path.join(root, 'dist');
  return Object.fromEntries(readdirSync(dist).filter((name) => name.endsWith('.js')).sort().map((name) => [name, statSync(path.join(dist, name)).size]));
}

/** Medians (ms) over `runs` samples of each kind, the files of dist/ that activation loaded, and the bundle sizes. */
export function benchActivation(runs = 25) {
  if (!existsSync(path.join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run "npm run build" first.');
  // One warm-up of each, so the file system cache holds both.
  measureOnce('client');
  measureOnce('extension');
  const samples = { client: [], extension: [] };
  let loaded = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['client', 'extension'] : ['extension', 'client'];
    for (const mode of order) {
      const result = measureOnce(mode);
      samples[mode].push(result.ms);
      if (mode === 'extension') loaded = result.loaded;
    }
  }
  return { runs, medians: { client: median(samples.client), extension: median(samples.extension) }, loaded, sizes: bundleSizes() };
}

if (process.argv[1] === import.meta.filename) {
  const { runs, medians, loaded, sizes } = benchActivation(Number(process.argv[2] ?? 25));
  console.log(`${runs} runs: vscode-languageclient/node alone ${medians.client.toFixed(1)} ms, dist/extension.js + activate() ${medians.extension.toFixed(1)} ms: ${(medians.extension / medians.client).toFixed(2)}x`);
  console.log(`loaded from dist/ by activation: ${loaded.join(', ')}`);
  console.log(Object.entries(sizes).map(([name, bytes]) => `${name} ${bytes.toLocaleString('en')} B`).join(', '));
}
