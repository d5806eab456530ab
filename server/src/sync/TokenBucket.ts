/** A token bucket: `rate` tokens a second, holding at most `burst`. */
export class TokenBucket {
  private tokens: number;
  /** When `tokens` was last brought up to date, on the caller's clock (set by the first look). */
  private last: number | null = null;

  constructor(
    readonly rate: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** The tokens held now. */
  available(now = Date.now()): number {
    // Time runs on the clock callers pass (tests inject one); a moment earlier than the last look refills nothing.
    const elapsed = this.last === null ? 0 : Math.max(0, now - this.last);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.rate);
    this.last = Math.max(this.last ?? now, now);
    return this.tokens;
  }

  /** Takes `cost` tokens if there are that many; a cost above the burst can never be paid. */
  take(cost = 1, now = Date.now()): boolean {
    if (this.available(now) < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until `cost` tokens are held (Infinity above the burst). */
  msUntil(cost: number, now = Date.now()): number {
    if (cost > this.burst) return Number.POSITIVE_INFINITY;
    return Math.max(0, ((cost - this.available(now)) / this.rate) * 1000);
  }

  /** True when the bucket is full: it then holds nothing worth remembering. */
  isFull(now = Date.now()): boolean {
    return this.available(now) >= this.burst;
  }
}
