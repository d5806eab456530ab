import { describe, expect, it } from 'vitest';
import { STOPPED_TIMER } from '../model/timer.ts';
import {
  clockOffset,
  formatRemaining,
  timerAddTime,
  timerExpired,
  timerPause,
  timerRemaining,
  timerResume,
  timerStart,
  timerStop,
} from './timerMath.ts';

const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('timer arithmetic on a fake clock', () => {
  it('counts down, pauses, resumes and extends without losing or gaining time', () => {
    let now = 1_000_000;
    let t = ok(timerStart(now, 300, 'Explore'));
    expect(timerRemaining(t, now)).toBe(300_000);
    now += 60_000;
    expect(timerRemaining(t, now)).toBe(240_000);
    t = ok(timerPause(t, now));
    now += 10 * 60_000; // paused time does not count
    expect(timerRemaining(t, now)).toBe(240_000);
    t = ok(timerAddTime(t, now, 60)); // added while paused
    expect(timerRemaining(t, now)).toBe(300_000);
    t = ok(timerResume(t, now));
    now += 30_000;
    expect(timerRemaining(t, now)).toBe(270_000);
    t = ok(timerAddTime(t, now, 120));
    expect(timerRemaining(t, now)).toBe(390_000);
    expect(t.durationMs).toBe(300_000 + 60_000 + 120_000);
    expect(t.label).toBe('Explore');
    now += 390_000;
    expect(timerRemaining(t, now)).toBe(0);
    expect(timerExpired(t, now)).toBe(true);
  });

  it('adding time after it ran out counts from now', () => {
    let now = 0;
    let t = ok(timerStart(now, 60));
    now += 5 * 60_000;
    t = ok(timerAddTime(t, now, 60));
    expect(timerRemaining(t, now)).toBe(60_000);
    expect(timerExpired(t, now)).toBe(false);
  });

  it('never shows more than the timebox, even to a clock running behind', () => {
    const t = ok(timerStart(10_000, 300));
    expect(timerRemaining(t, 9_000)).toBe(300_000);
  });

  it('taking time away stops at zero', () => {
    const t = ok(timerAddTime(ok(timerStart(0, 60)), 10_000, -300));
    expect(timerRemaining(t, 10_000)).toBe(0);
  });

  it('pausing at expiry freezes zero', () => {
    const t = ok(timerPause(ok(timerStart(0, 1)), 5_000));
    expect(t.remainingMs).toBe(0);
  });

  it('refuses moves that make no sense in the current state', () => {
    expect(timerPause(STOPPED_TIMER, 0).ok).toBe(false);
    expect(timerResume(ok(timerStart(0, 10)), 0).ok).toBe(false);
    expect(timerAddTime(STOPPED_TIMER, 0, 60).ok).toBe(false);
    expect(timerStop(STOPPED_TIMER).ok).toBe(false);
    expect(timerStart(0, 0).ok).toBe(false);
    expect(timerStart(0, 8 * 24 * 3600).ok).toBe(false);
    expect(timerAddTime(ok(timerStart(0, 7 * 24 * 3600 - 3600)), 0, 3600 + 1).ok).toBe(false);
  });

  it('stopping keeps the label and clears the countdown', () => {
    const t = ok(timerStop(ok(timerStart(0, 10, 'Vote'))));
    expect(t).toMatchObject({ state: 'stopped', endsAt: null, remainingMs: null, label: 'Vote' });
    expect(timerRemaining(t, 0)).toBe(0);
  });
});

describe('display and clock skew', () => {
  it('formats rounding up', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
  });

  it('estimates the offset from the round trip midpoint', () => {
    // Client clock 90 s behind; 200 ms round trip.
    const serverStamp = 1_000_100;
    expect(clockOffset(serverStamp, 1_000_000 - 90_000, 1_000_200 - 90_000)).toBe(90_000);
  });
});
