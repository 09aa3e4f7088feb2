/** How long typing pauses before the preview acts on it (renders, re-checks whether the editor holds a card). */
export const EDIT_SETTLE_MS = 150;

/** Runs `action` once `delayMs` after the last `schedule()`. */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number, private readonly action: () => void) {}

  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
