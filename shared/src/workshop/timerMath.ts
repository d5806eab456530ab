import { MAX_TIMER_SECONDS, STOPPED_TIMER, type Timer } from '../model/timer.ts';

/**
 * Pure timer arithmetic. Every function takes the server's `now` (epoch ms)
 * so tests can drive a fake clock and the server stays the only clock that
 * decides. Results are `{ ok, value }` or `{ ok: false, reason }`: pausing a
 * stopped timer is an expected refusal, not a broken invariant.
 */
export type TimerResult = { ok: true; value: Timer } | { ok: false; reason: string };

const MAX_MS = MAX_TIMER_SECONDS * 1000;

/**
 * Milliseconds left at server time `now`; 0 once it has run out, 0 when
 * stopped. Never more than the timebox: a client whose clock estimate runs
 * a little behind the server's shows 5:00, not 5:01.
 */
export function timerRemaining(t: Timer, now: number): number {
  if (t.state === 'running') return Math.min(t.durationMs, Math.max(0, (t.endsAt ?? now) - now));
  if (t.state === 'paused') return Math.max(0, t.remainingMs ?? 0);
  return 0;
}

/** A running timer that has reached zero: everyone sees "Time's up" until it is stopped or extended. */
export const timerExpired = (t: Timer, now: number) => t.state === 'running' && timerRemaining(t, now) === 0;

export function timerStart(now: number, seconds: number, label: string | null = null): TimerResult {
  if (!(seconds > 0) || seconds > MAX_TIMER_SECONDS) return { ok: false, reason: 'a timer runs for at least a second and at most a week' };
  const ms = Math.round(seconds * 1000);
  return { ok: true, value: { state: 'running', endsAt: now + ms, remainingMs: null, durationMs: ms, label } };
}

export function timerPause(t: Timer, now: number): TimerResult {
  if (t.state !== 'running') return { ok: false, reason: `the timer is ${t.state}, not running` };
  return { ok: true, value: { ...t, state: 'paused', endsAt: null, remainingMs: timerRemaining(t, now) } };
}

export function timerResume(t: Timer, now: number): TimerResult {
  if (t.state !== 'paused') return { ok: false, reason: `the timer is ${t.state}, not paused` };
  return { ok: true, value: { ...t, state: 'running', endsAt: now + (t.remainingMs ?? 0), remainingMs: null } };
}

/**
 * Adds (or with negative seconds, takes away) time. A timer that already
 * ran out counts from now, as in Miro: "+1 min" after "Time's up" gives one
 * more minute, not a minute minus however long everyone stared at zero.
 * Taking away never goes below zero.
 */
export function timerAddTime(t: Timer, now: number, seconds: number): TimerResult {
  if (t.state === 'stopped') return { ok: false, reason: 'no timer is running: start one first' };
  const left = timerRemaining(t, now);
  const delta = Math.round(seconds * 1000);
  const next = Math.max(0, left + delta);
  if (next > MAX_MS) return { ok: false, reason: 'a timer cannot run longer than a week' };
  const durationMs = Math.min(MAX_MS, Math.max(next, t.durationMs + (next - left)));
  if (t.state === 'paused') return { ok: true, value: { ...t, remainingMs: next, durationMs } };
  return { ok: true, value: { ...t, endsAt: now + next, durationMs } };
}

export function timerStop(t: Timer): TimerResult {
  if (t.state === 'stopped') return { ok: false, reason: 'the timer is already stopped' };
  return { ok: true, value: { ...STOPPED_TIMER, durationMs: t.durationMs, label: t.label } };
}

/** "4:05", "1:02:03"; rounds up so the display reads 0:00 only at zero. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The server's clock as seen from a client: `offset` is serverTime − local
 * time, estimated from an answer's `serverTime` and the request's midpoint
 * (half the round trip is the best guess of when the server stamped it).
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}
