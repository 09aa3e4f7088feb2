// Peak memory of full diagnostics on large cards: this service's validateText against vscode-json-languageservice
// (parse + doValidation with the same schema, set up as in diagnostics.mjs). Each (size, competitor) runs in a fresh
// Node process, which reads the card from a file, loads both competitors and collects garbage, then records its peak
// RSS so far as the baseline: what the diagnostics add is the peak RSS after them minus that baseline.
// Run alone: `node bench/memory.mjs` (after `npm run build`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCompetitors } from './diagnostics.mjs';
import { generateCard } from './generate-cards.mjs';

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--measure';

export const MEMORY_SIZES = [
  { label: '10 MB', bytes: 10_000_000 },
  { label: '30 MB', bytes: 30_000_000 },
];

/** The peak resident set of this process so far, in bytes (resourceUsage gives KiB). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** In the child: the peak RSS that one full diagnostics run of the card in `file` adds, and how many findings it has. */
async function measure(competitorName, file) {
  const text = readFileSync(file, 'utf8');
  const competitor = loadCompetitors()[competitorName];
  if (competitor === undefined) throw new Error(`Unknown competitor "${competitorName}": use ours or jsonLanguageService.`);
  globalThis.gc();
  const baseline = peakRss();
  const findings = await competitor(text);
  return { addedBytes: peakRss() - baseline, baselineBytes: baseline, findings: findings.length };
}

const execFileAsync = promisify(execFile);

async function measureInFreshProcess(competitorName, file) {
  const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', SELF, CHILD_FLAG, competitorName, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

/** For each size, the peak RSS that full diagnostics add, in bytes, for this service and vscode-json-languageservice. */
export async function benchMemory(sizes = MEMORY_SIZES) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'ams-bench-memory-'));
  try {
    const results = [];
    for (const size of sizes) {
      const file = path.join(directory, `${size.bytes}.card.json`);
      const text = generateCard(size.bytes);
      writeFileSync(file, text);
      const ours = await measureInFreshProcess('ours', file);
      const peer = await measureInFreshProcess('jsonLanguageService', file);
      results.push({ label: size.label, bytes: text.length, ours, peer });
    }
    return results;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  process.stdout.write(JSON.stringify(await measure(process.argv[3], process.argv[4])));
} else if (process.argv[1] === SELF) {
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
  for (const { label, ours, peer } of await benchMemory()) {
    console.log(`${label}: this service +${mb(ours.addedBytes)} MiB, vscode-json-languageservice +${mb(peer.addedBytes)} MiB`);
  }
}
