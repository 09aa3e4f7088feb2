// What a test may let a document cost is counted in floors measured in the same run, not in milliseconds: an absolute
// limit measures what else the machine was doing (a second of CPU was missed by 2-18 % on a loaded two-core CI
// machine, and the same document's CPU time varies up to threefold between runs here). Shared by the robustness and
// the adversarial-text tests.
import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * Huge inputs are also run at a sixteenth of their size: a linear cost grows 16-fold, a quadratic one 256-fold, so
 * growth past 64 is a freeze in the making whatever the machine (linear documents measured 16-31 here, as collections
 * grow with the heap); a quadratic term four times the linear cost already shows.
 */
export const SIXTEENTH_GROWTH_LIMIT = 64;
/**
 * An input that costs under this many fixed costs at full size is no freeze, and at that scale one collection can
 * double a run, so its growth is not judged.
 */
export const GROWTH_CHECKED_FROM = 50;
/**
 * A garbage collection or the first compilation of a code path can land on any run; the least of a few runs is what
 * the input itself costs. Only an input over a limit is run again.
 */
export const RUNS_OVER_LIMIT = 3;

/** CPU time since `start` in ms (CPU, not wall time: other processes do not count). */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Scans every token of the text with jsonc-parser's scanner, the tokenising every JSON editor does on each change. */
export function scanAll(text: string): void {
  const scanner = createScanner(text, false);
  while (scanner.scan() !== SyntaxKind.EOF) scanner.getTokenValue();
}
