import { PHASE_PURPOSE, type Phase, readPhase, readSchedule, writeSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import { SERVER_PARTICIPANT_ID } from '../commands/serverIdentity.ts';
import type { ScheduledTask } from '../scheduler/Scheduler.ts';
import { utcMinute } from './chatPost.ts';
import { PHASE_NAMES } from './digestTask.ts';
import type { Notifications } from './notificationsPlugin.ts';

/** `schedule.notices` key: the `changedAt` of the last phase opening whose mail is known to be queued. */
const NOTICE = 'phase-opened';
/** An opening not mailed within a day (store down that long) is news no more: it is dropped, not sent late. */
const LATE_MS = 86_400_000;

export interface PhaseOpening {
  phase: Phase;
  /** The phase's `changedAt`: names the opening in the outbox keys. */
  at: string;
  auto: boolean;
  /** The phase's deadline, when it has one. */
  deadline: string | null;
}

/**
 * The "phase opened" mail. The change's own event queues it at once; the
 * scheduler's pass then queues it again under the same outbox keys (a no-op
 * when the event got through) and only then marks the opening mailed — so an
 * outbox write that failed in the event is retried, and nobody gets two.
 */
export function phaseOpenedMail(app: FastifyInstance, notifications: Notifications, sessionLink: (id: string) => string) {
  const mail = async (sessionId: string, o: PhaseOpening) => {
    const name = (await app.store.getSession(sessionId))?.title ?? 'your session';
    await notifications.mail(
      sessionId,
      () => true,
      `phase:${o.phase}:${o.at}`,
      () => ({
        subject: `${PHASE_NAMES[o.phase]} is open — ${name}`,
        lines: [
          `${PHASE_NAMES[o.phase]} has opened in “${name}”${o.auto ? ' (the previous phase reached its deadline)' : ''}.`,
          PHASE_PURPOSE[o.phase],
          ...(o.deadline ? [`It closes ${utcMinute(o.deadline)} (UTC).`] : []),
        ],
        action: { label: `Open ${name}`, url: sessionLink(sessionId) },
      }),
    );
  };

  const task: ScheduledTask = {
    name: 'phaseOpened',
    async run(ctx, now) {
      const o = pendingOpening(ctx.control, now);
      if (!o) return { acted: false };
      await mail(ctx.session.id, o);
      const schedule = readSchedule(ctx.control);
      ctx.transact(ctx.control, () => writeSchedule(ctx.control, { notices: { ...schedule.notices, [NOTICE]: o.at } }));
      return { acted: true, payload: { phase: o.phase, at: o.at } };
    },
    nextWake: ({ control }, now) => (pendingOpening(control, now) ? now : null),
  };

  return { mail, task };
}

/** The current phase's opening if its mail is not marked queued yet and not a day late; else null. */
export function pendingOpening(control: Y.Doc, now: number): PhaseOpening | null {
  const phase = readPhase(control);
  const at = phase.changedAt;
  const schedule = readSchedule(control);
  if (!at || schedule.notices[NOTICE] === at || now >= Date.parse(at) + LATE_MS) return null;
  return {
    phase: phase.current,
    at,
    auto: phase.changedBy === SERVER_PARTICIPANT_ID,
    deadline: schedule.deadlines[phase.current as 'explore'] ?? null,
  };
}
