import { z } from 'zod';

/** The phases a deadline can close: review has no end. */
export const SCHEDULED_PHASES = ['explore', 'select', 'plan'] as const;
export type ScheduledPhase = (typeof SCHEDULED_PHASES)[number];

const IsoTime = z.string().datetime({ offset: true });

/** Deadlines per phase, as ISO times (stored in UTC, shown in each viewer's zone). */
export const DeadlinesSchema = z
  .object({ explore: IsoTime.optional(), select: IsoTime.optional(), plan: IsoTime.optional() })
  .strict()
  .refine((d) => {
    const times = SCHEDULED_PHASES.flatMap((p) => (d[p] ? [Date.parse(d[p])] : []));
    return times.every((t, i) => i === 0 || t > (times[i - 1] as number));
  }, 'each deadline must come after the one before it');
export type Deadlines = z.infer<typeof DeadlinesSchema>;

/**
 * The async schedule in `control.schedule`. `fired` records, per phase, the
 * deadline the server already acted on (advanced, or found already past), so
 * each deadline moves the phase at most once, on any number of instances,
 * and a facilitator who goes back to a phase after its deadline is not
 * thrown forward again. `notices` records the reminders already sent
 * (`explore:24h` → the deadline they were for), for the same reason.
 */
export interface Schedule {
  deadlines: Deadlines;
  autoAdvance: boolean;
  fired: Partial<Record<ScheduledPhase, string>>;
  notices: Record<string, string>;
  setAt: string | null;
  setBy: string | null;
}

export const EMPTY_SCHEDULE: Schedule = { deadlines: {}, autoAdvance: false, fired: {}, notices: {}, setAt: null, setBy: null };
