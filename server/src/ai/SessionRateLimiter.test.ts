import { describe, expect, it } from 'vitest';
import { SessionRateLimiter } from './SessionRateLimiter.ts';

describe('SessionRateLimiter', () => {
  it('allows max requests per window per session, then says how long to wait', () => {
    let now = 1_000;
    const l = new SessionRateLimiter(2, 60_000, () => now);
    expect(l.take('s1')).toBe(0);
    expect(l.take('s1')).toBe(0);
    expect(l.take('s2')).toBe(0);
    now += 10_000;
    expect(l.take('s1')).toBe(50_000);
    now += 50_000;
    expect(l.take('s1')).toBe(0);
  });
});
