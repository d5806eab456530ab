import { z } from 'zod';

/**
 * The facilitator's countdown, as `control.timer` holds it. Times are the
 * server's epoch ms: a client converts with its clock offset (see
 * `serverNow`), so browsers whose clocks disagree still agree on the time left.
 *
 * - `running`: `endsAt` is when it reaches zero; `remainingMs` is null.
 * - `paused`:  `remainingMs` is frozen; `endsAt` is null.
 * - `stopped`: nothing counts; the label and duration of the last run stay for display.
 */
export const TIMER_STATES = ['running', 'paused', 'stopped'] as const;
export type TimerRunState = (typeof TIMER_STATES)[number];

export const TimerSchema = z.object({
  state: z.enum(TIMER_STATES),
  endsAt: z.number().nullable(),
  remainingMs: z.number().nullable(),
  /** The whole timebox including time added since it started (for a progress ring). */
  durationMs: z.number().min(0),
  label: z.string().max(120).nullable(),
});
export type Timer = z.output<typeof TimerSchema>;

export const STOPPED_TIMER: Timer = { state: 'stopped', endsAt: null, remainingMs: null, durationMs: 0, label: null };

/** Longest timebox a facilitator can set or reach by adding time: a week, an async round's longest agenda item. */
export const MAX_TIMER_SECONDS = 7 * 24 * 60 * 60;
