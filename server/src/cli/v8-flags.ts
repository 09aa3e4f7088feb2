// V8 settings for amcard, a process that lives for one command. Measured on the lint bench (2,000 small cards,
// bench/lint.mjs):
// - without inlining, TurboFan's jobs are several times smaller, and in a run this short their compile time (CPU on
//   V8's background threads, and the wait for the optimized code) outweighs what inlining saves; per file about 15%
//   less wall time and 25% less CPU time;
// - twice Node 20's interrupt budget (V8's default there is 67,584) lets a function run longer in the lower tiers
//   before V8 decides to optimize it, so fewer functions are compiled by TurboFan that a short run would not repay:
//   per file 10% less wall time and 15% less CPU on 2,000 cards (20% less wall time with the other core busy), 2% less
//   on 200, and 5% more on 10,000, whose run is long enough for earlier optimizing to pay off (bench/lint.mjs's
//   method, 7 to 15 alternating rounds; four times the budget gained a little more at 2,000 and lost 8% at 10,000).
// The language server, which runs for hours, keeps V8's defaults.
import v8 from 'node:v8';

/** The flags amcard gives V8 before it runs a command. */
export const SHORT_RUN_V8_FLAGS: readonly string[] = ['--no-turbo-inlining', '--interrupt-budget=135168'];

/** Sets SHORT_RUN_V8_FLAGS; it must run before any code is hot enough to be optimized, that is, first. */
export function tuneV8ForShortRun(): void {
  for (const flag of SHORT_RUN_V8_FLAGS) v8.setFlagsFromString(flag);
}
