// How long the server waits after a change before validating: scaled to what validating that document costs, so a
// small card's diagnostics follow the keystroke at once and a large card is not validated for every key.

/**
 * Wait this multiple of the document's validation time (CPU time). With a wait of k times the cost, typing without a
 * pause longer than the wait spends at most 1 / (k + 1) of a core on validation (one validation per wait); at 3 that
 * is a quarter, which leaves the rest of a busy machine to the editor and the other extensions.
 */
export const DEBOUNCE_COST_MULTIPLE = 3;
/**
 * Never less: the changes of one editor action (a paste that is then formatted, an edit at several cursors, an undo
 * group, a rename) arrive a few milliseconds apart and make one pause. Short enough for issue 13's goal of a 10 KB
 * card's diagnostics under 25 ms (p95) after the keystroke, debounce included.
 */
export const MIN_DEBOUNCE_MS = 12;
/** Never more: what VS Code's own JSON server waits. A card whose validation costs over 100 ms waits this long. */
export const MAX_DEBOUNCE_MS = 300;
/**
 * The cost is estimated from this many last validations: the lowest CPU time per character among them, times the
 * document's length now. The lowest, because a slow run says little about the next (V8 compiling the rules during the
 * first validations of a session, a garbage collection, another process on the core) and a median of five kept the
 * wait of the first cold validations for several edits; per character, so a card that grew or shrank is followed at
 * once.
 */
const COST_SAMPLES = 5;

/** The wait before validating a document whose validation costs `costMs` (undefined: never validated yet). */
export function debounceMs(costMs: number | undefined): number {
  if (costMs === undefined) return MIN_DEBOUNCE_MS;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.ceil(DEBOUNCE_COST_MULTIPLE * costMs)));
}

/** The last validation costs of each open document, per character, and the wait they call for. */
export class ValidationCosts {
  private readonly msPerCharacter = new Map<string, number[]>();

  /** Records that validating `uri` at `length` characters took `costMs` of CPU time. */
  record(uri: string, costMs: number, length: number): void {
    const samples = this.msPerCharacter.get(uri) ?? [];
    samples.push(costMs / Math.max(length, 1));
    if (samples.length > COST_SAMPLES) samples.shift();
    this.msPerCharacter.set(uri, samples);
  }

  /** What validating `uri` at `length` characters should cost, or undefined before its first validation. */
  costOf(uri: string, length: number): number | undefined {
    const samples = this.msPerCharacter.get(uri);
    if (samples === undefined) return undefined;
    return Math.min(...samples) * length;
  }

  debounceMsOf(uri: string, length: number): number {
    return debounceMs(this.costOf(uri, length));
  }

  forget(uri: string): void {
    this.msPerCharacter.delete(uri);
  }
}
