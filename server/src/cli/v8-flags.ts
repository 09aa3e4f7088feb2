// V8 settings for amcard, a process that lives for one command. Measured on the lint bench (2,000 small cards,
// bench/lint.mjs): without inlining, TurboFan's jobs are several times smaller, and in a run this short their compile
// time (CPU on V8's background threads, and the wait for the optimized code) outweighs what inlining saves; per file
// about 15% less wall time and 25% less CPU time. The language server, which runs for hours, keeps V8's defaults.
import v8 from 'node:v8';

/** The flags amcard gives V8 before it runs a command. */
export const SHORT_RUN_V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Sets SHORT_RUN_V8_FLAGS; it must run before any code is hot enough to be optimized, that is, first. */
export function tuneV8ForShortRun(): void {
  for (const flag of SHORT_RUN_V8_FLAGS) v8.setFlagsFromString(flag);
}
