import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.ts';

describe('TokenBucket', () => {
  it('starts full and counts time from the caller’s clock, also one a moment behind its own', () => {
    const b = new TokenBucket(100, 1_000);
    const t = Date.now() - 5;
    expect(b.available(t)).toBe(1_000);
    expect(b.take(600, t)).toBe(true);
    expect(b.msUntil(600, t)).toBe(2_000);
    expect(b.msUntil(600, t + 2_000)).toBe(0);
  });
});
