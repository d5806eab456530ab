import { describe, expect, it } from 'vitest';
import { type WriteBudgetLimits, WriteBudgets } from './WriteBudgets.ts';

const LIMITS: WriteBudgetLimits = {
  participant: { structsPerSecond: 100, structBurst: 1_000, bytesPerSecond: 10_000, byteBurst: 100_000 },
  session: { structsPerSecond: 200, structBurst: 1_500, bytesPerSecond: 1_000_000, byteBurst: 1_000_000 },
  backoffMs: 1_000,
  maxBackoffMs: 8_000,
  forgetAfterMs: 60_000,
};

describe('WriteBudgets', () => {
  it('takes writes within the burst, refuses the one beyond it and backs the participant off until it would fit', () => {
    const b = new WriteBudgets(LIMITS);
    const t = Date.now();
    expect(b.charge('s', 'p', 600, 10, t)).toBeNull();
    const over = b.charge('s', 'p', 600, 10, t);
    // 400 structs left at 100/s: the 600 fit in 2 s, longer than the first back-off.
    expect(over).toEqual({ what: 'too many changes per second', waitMs: 2_000 });
    expect(b.waitMs('s', 'p', t)).toBe(2_000);
    expect(b.waitMs('s', 'p', t + 2_000)).toBe(0);
    // Nothing was taken by the refusal: after the wait the same write fits.
    expect(b.charge('s', 'p', 600, 10, t + 2_000)).toBeNull();
  });

  it('counts bytes too, whatever the struct count', () => {
    const b = new WriteBudgets(LIMITS);
    const t = Date.now();
    expect(b.charge('s', 'p', 1, 100_000, t)).toBeNull();
    expect(b.charge('s', 'p', 1, 1, t)?.what).toBe('too many bytes of changes per second');
  });

  it('doubles the back-off with each offence, up to the maximum, and forgets old offences', () => {
    const b = new WriteBudgets(LIMITS);
    const t = Date.now();
    expect([1, 2, 3, 4, 5].map((i) => b.penalise('s', 'p', 0, t + i))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(b.penalise('s', 'p', 0, t + 120_000)).toBe(1_000);
  });

  it('a write that can never fit backs off for the maximum', () => {
    const b = new WriteBudgets(LIMITS);
    expect(b.charge('s', 'p', 5_000, 1)?.waitMs).toBe(8_000);
  });

  it('caps a session: two participants each within their own budget are refused together beyond it', () => {
    const b = new WriteBudgets(LIMITS);
    const t = Date.now();
    expect(b.charge('s', 'a', 900, 1, t)).toBeNull();
    expect(b.charge('s', 'b', 900, 1, t)?.what).toBe('too many changes per second on this board');
    expect(b.waitMs('s', 'a', t)).toBe(0);
    expect(b.waitMs('s', 'b', t)).toBeGreaterThan(0);
    // Another session is not affected, nor the same participant id elsewhere.
    expect(b.charge('other', 'b', 900, 1, t)).toBeNull();
  });

  it('forgets refilled budgets and old offences', () => {
    const b = new WriteBudgets(LIMITS);
    const t = Date.now();
    b.charge('s', 'p', 10, 10, t);
    b.penalise('s', 'q', 0, t);
    b.prune(t);
    expect(b.size).toBe(3);
    b.prune(t + 61_000);
    expect(b.size).toBe(0);
  });
});
