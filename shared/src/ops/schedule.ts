import { PHASES, type Phase, phaseIndex } from '../model/phase.ts';
import { SCHEDULED_PHASES, type Schedule, type ScheduledPhase } from '../model/schedule.ts';

const HOUR = 3_600_000;

/** Reminders before a deadline, longest first: a mail and a chat post each. */
export const CLOSING_NOTICES = [
  { id: '24h', beforeMs: 24 * HOUR, label: 'in 24 hours' },
  { id: '1h', beforeMs: HOUR, label: 'in 1 hour' },
] as const;
export type ClosingNoticeId = (typeof CLOSING_NOTICES)[number]['id'];

const isScheduled = (p: Phase): p is ScheduledPhase => (SCHEDULED_PHASES as readonly string[]).includes(p);

/** The deadline that closes `phase`, as epoch ms, or null. */
export function deadlineOf(s: Schedule, phase: Phase): number | null {
  if (!isScheduled(phase)) return null;
  const iso = s.deadlines[phase];
  return iso ? Date.parse(iso) : null;
}

/**
 * The phase the scheduler should move to now, or null: auto-advance is on,
 * the current phase has a deadline that has passed, and that very deadline
 * has not been acted on yet (`fired`). Call under the session's lock with a
 * fresh control doc: that is what makes it exactly once.
 */
export function dueAdvance(s: Schedule, current: Phase, now: number): { from: ScheduledPhase; to: Phase; deadline: string } | null {
  if (!s.autoAdvance || !isScheduled(current)) return null;
  const iso = s.deadlines[current];
  if (!iso || Date.parse(iso) > now || s.fired[current] === iso) return null;
  return { from: current, to: PHASES[phaseIndex(current) + 1] as Phase, deadline: iso };
}

/**
 * The closing reminder due now for the current phase, or null: inside its
 * window (between its lead time and the deadline), not sent yet for this
 * deadline. A reminder whose window passed while the server was down is
 * skipped, not sent late: "closes in 24 hours" an hour before is wrong.
 * Only the shortest due window counts, so a late start sends "1 hour", not both.
 */
export function dueClosingNotice(
  s: Schedule,
  current: Phase,
  now: number,
): { phase: ScheduledPhase; notice: (typeof CLOSING_NOTICES)[number]; deadline: string; key: string } | null {
  if (!isScheduled(current)) return null;
  const iso = s.deadlines[current];
  if (!iso) return null;
  const at = Date.parse(iso);
  if (now >= at) return null;
  const inWindow = CLOSING_NOTICES.filter((n) => now >= at - n.beforeMs);
  const notice = inWindow[inWindow.length - 1];
  if (!notice) return null;
  const key = `${current}:${notice.id}`;
  if (s.notices[key] === iso) return null;
  return { phase: current, notice, deadline: iso, key };
}

/** When the scheduler must look at this session next (epoch ms), or null for never. */
export function nextScheduleWake(s: Schedule, current: Phase, now: number): number | null {
  const at = deadlineOf(s, current);
  if (at === null) return null;
  const times = [at, ...CLOSING_NOTICES.map((n) => at - n.beforeMs)].filter((t) => t > now);
  // A passed, unfired deadline is due now (catch-up after downtime).
  if (s.autoAdvance && at <= now && s.fired[current as ScheduledPhase] !== s.deadlines[current as ScheduledPhase]) return now;
  return times.length > 0 ? Math.min(...times) : null;
}
