import type * as Y from 'yjs';
import { DeadlinesSchema, EMPTY_SCHEDULE, type Schedule } from '../model/schedule.ts';

/** The control root holding the async schedule (written by commands and the server's scheduler only). */
export const SCHEDULE_ROOT = 'schedule';

const record = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** The schedule with defaults for anything missing or malformed. */
export function readSchedule(control: Y.Doc): Schedule {
  const m = control.getMap<unknown>(SCHEDULE_ROOT);
  const deadlines = DeadlinesSchema.safeParse(m.get('deadlines'));
  return {
    ...EMPTY_SCHEDULE,
    deadlines: deadlines.success ? deadlines.data : {},
    autoAdvance: m.get('autoAdvance') === true,
    fired: record(m.get('fired')),
    notices: record(m.get('notices')),
    setAt: typeof m.get('setAt') === 'string' ? (m.get('setAt') as string) : null,
    setBy: typeof m.get('setBy') === 'string' ? (m.get('setBy') as string) : null,
  };
}

export function writeSchedule(control: Y.Doc, patch: Partial<Schedule>): void {
  const m = control.getMap<unknown>(SCHEDULE_ROOT);
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
}
