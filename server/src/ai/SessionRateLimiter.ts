/**
 * A sliding-window limit per session: at most `max` takes in any `windowMs`.
 * In memory, per server instance, which is enough to stop one session from
 * running up an AI bill or starving the others.
 */
export class SessionRateLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request and returns 0, or returns how many ms until one is allowed (recording nothing). */
  take(key: string): number {
    const t = this.now();
    const recent = (this.#hits.get(key) ?? []).filter((h) => t - h < this.windowMs);
    if (recent.length >= this.max) {
      this.#hits.set(key, recent);
      return Math.max(1, (recent[0] as number) + this.windowMs - t);
    }
    recent.push(t);
    this.#hits.set(key, recent);
    return 0;
  }
}
