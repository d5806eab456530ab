import { dueAdvance, nextScheduleWake, readPhase, readSchedule, writeSchedule } from '@throughline/shared';
import { setPhase } from '../commands/handlers/setPhase.ts';
import type { ScheduledTask } from './Scheduler.ts';

/**
 * Moves the phase at its deadline when auto-advance is on. The deadline is
 * marked `fired` in the same command context before the phase moves, so a
 * second instance (or a second pass) finds nothing due; a facilitator who
 * moved on early, or went back after the deadline, is left alone.
 */
export const autoAdvanceTask: ScheduledTask = {
  name: 'autoAdvance',
  async run(ctx, now) {
    const schedule = readSchedule(ctx.control);
    const due = dueAdvance(schedule, readPhase(ctx.control).current, now);
    if (!due) return { acted: false };
    ctx.transact(ctx.control, () => writeSchedule(ctx.control, { fired: { ...schedule.fired, [due.from]: due.deadline } }));
    const moved = await setPhase({ type: 'setPhase', phase: due.to }, ctx);
    return { acted: true, payload: { from: due.from, to: due.to, deadline: due.deadline, ok: moved.ok } };
  },
  nextWake: ({ control }, now) => nextScheduleWake(readSchedule(control), readPhase(control).current, now),
};
