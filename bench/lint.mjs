// `amcard lint` per-file cost on a folder of small realistic cards (lint-cards.mjs), against the floor of a node
// process that reads each of the same files and JSON.parses it. Each side's per-file cost is its time on the whole
// folder minus its time on a folder of one card (the process start), divided by the files added. The four runs of a
// round go in a rotating order and each difference is taken within its round, so load from other processes hits
// both sides alike; the medians of the rounds count. Wall time decides the verdict; the CPU time each process reports
// (report-cpu.cjs) is given beside it, as the figure the other processes of a loaded machine disturb least.
// Alone: `node bench/lint.mjs [files] [rounds] [cli.js]` after `npm run build`; a cli.js built from another commit
// measures that one instead of dist/cli.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeLintCards } from './lint-cards.mjs';
import { median } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const CLI = path.join(root, 'dist/cli.js');

/** The floor: every *.json file under the folder read as text and parsed, and nothing else. */
const FLOOR_SCRIPT = `
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[1];
let parsed = 0;
for (const name of fs.readdirSync(dir, { recursive: true })) {
  if (!name.endsWith('.json')) continue;
  JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  parsed++;
}
process.stdout.write(String(parsed));
`;

const CPU_REPORTER = path.join(import.meta.dirname, 'report-cpu.cjs');

/** A run's wall time and CPU time (ms) and what it printed. */
function timed(args, cwd) {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['-r', CPU_REPORTER, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.error) throw run.error;
  const cpu = /cpu-microseconds (\d+)\n$/.exec(run.stderr);
  if (cpu === null) throw new Error(`no CPU time reported by node ${args.join(' ')}: ${run.stderr.slice(-500)}`);
  return { ms, cpuMs: Number(cpu[1]) / 1000, run };
}

/** lint's exit status is 1 on these cards (some have errors); anything else, or a wrong count, means it did not check them. */
function checkLint({ run }, cards) {
  const summary = new RegExp(`in (\\d+ of )?${cards} files?\\.`);
  if (run.status !== 0 && run.status !== 1) throw new Error(`amcard lint exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  if (run.stderr.trim().split('\n').length > 1) throw new Error(`amcard lint warned: ${run.stderr.slice(0, 500)}`);
  if (!summary.test(run.stdout)) throw new Error(`amcard lint did not report ${cards} checked files: ${run.stdout.slice(-500)}`);
}

function checkFloor({ run }, files) {
  if (run.status !== 0 || run.stdout !== String(files)) throw new Error(`the floor parsed ${run.stdout} of ${files} files: ${run.stderr.slice(0, 500)}`);
}

/** Per-file µs of lint and of the floor (medians over rounds), their ratio, and the folder's make-up. */
export async function benchLint({ files = 2000, rounds = 9, warmup = 1, cli = CLI } = {}) {
  if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run "npm run build" first.`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'amcard-lint-bench-'));
  try {
    const many = path.join(work, 'many');
    const one = path.join(work, 'one');
    mkdirSync(many);
    mkdirSync(one);
    const { cards, skipped } = writeLintCards(many, files);
    writeLintCards(one, 2);
    const runs = {
      lintMany: () => timed([cli, 'lint', 'many'], work),
      lintOne: () => timed([cli, 'lint', 'one'], work),
      floorMany: () => timed(['-e', FLOOR_SCRIPT, many], work),
      floorOne: () => timed(['-e', FLOOR_SCRIPT, one], work),
    };
    checkLint(runs.lintMany(), cards);
    checkLint(runs.lintOne(), 1);
    checkFloor(runs.floorMany(), files);
    checkFloor(runs.floorOne(), 2);
    const names = Object.keys(runs);
    const samples = { lint: [], floor: [], lintCpu: [], floorCpu: [], lintStart: [], floorStart: [] };
    const perFile = (manyMs, oneMs) => ((manyMs - oneMs) * 1000) / (files - 2);
    for (let round = 0; round < warmup + rounds; round++) {
      const times = {};
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length];
        times[name] = runs[name]();
      }
      if (round < warmup) continue;
      samples.lint.push(perFile(times.lintMany.ms, times.lintOne.ms));
      samples.floor.push(perFile(times.floorMany.ms, times.floorOne.ms));
      samples.lintCpu.push(perFile(times.lintMany.cpuMs, times.lintOne.cpuMs));
      samples.floorCpu.push(perFile(times.floorMany.cpuMs, times.floorOne.cpuMs));
      samples.lintStart.push(times.lintOne.ms);
      samples.floorStart.push(times.floorOne.ms);
    }
    const wall = { lint: median(samples.lint), floor: median(samples.floor) };
    const cpu = { lint: median(samples.lintCpu), floor: median(samples.floorCpu) };
    const range = (values) => [Math.min(...values), Math.max(...values)];
    return {
      files, cards, skipped, rounds,
      perFileMicroseconds: wall,
      ratio: wall.lint / wall.floor,
      cpuPerFileMicroseconds: cpu,
      cpuRatio: cpu.lint / cpu.floor,
      startupMs: { lint: median(samples.lintStart), floor: median(samples.floorStart) },
      spread: { lint: range(samples.lint), floor: range(samples.floor), lintCpu: range(samples.lintCpu), floorCpu: range(samples.floorCpu) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [files, rounds, cli] = process.argv.slice(2);
  const result = await benchLint({ files: Number(files) || undefined, rounds: Number(rounds) || undefined, cli: cli && path.resolve(cli) });
  writeFileSync(process.stdout.fd, `${JSON.stringify(result, null, 2)}\n`);
}
