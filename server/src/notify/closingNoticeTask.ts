import { dueClosingNotice, nextScheduleWake, readPhase, readSchedule, writeSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type { ScheduledTask } from '../scheduler/Scheduler.ts';
import { chatPost, sessionTitle, utcMinute } from './chatPost.ts';
import { PHASE_NAMES } from './digestTask.ts';
import type { Notifications } from './notificationsPlugin.ts';

/**
 * "Explore closes in an hour": mail to everyone and a chat post, once per
 * notice and deadline. The notice is marked sent in `schedule.notices` only
 * after both are queued, so a failure leaves it due (the mail key keeps the
 * retry from mailing anybody twice).
 */
export function closingNoticeTask(app: FastifyInstance, notifications: Notifications, sessionLink: (id: string) => string): ScheduledTask {
  return {
    name: 'closingNotice',
    async run(ctx, now) {
      const schedule = readSchedule(ctx.control);
      const due = dueClosingNotice(schedule, readPhase(ctx.control).current, now);
      if (!due) return { acted: false };
      const sessionId = ctx.session.id;
      const phase = PHASE_NAMES[due.phase];
      const label = due.notice.label;
      const name = await sessionTitle(app, sessionId);
      await notifications.mail(
        sessionId,
        () => true,
        `closing:${due.key}:${due.deadline}`,
        () => ({
          subject: `${phase} closes ${label} — ${name}`,
          lines: [`${phase} in “${name}” closes ${label}, at ${utcMinute(due.deadline)} (UTC).`, 'Add what you have before it does.'],
          action: { label: `Open ${name}`, url: sessionLink(sessionId) },
        }),
      );
      await chatPost(app, sessionId, `*${name}*: ${phase} closes ${label} (${utcMinute(due.deadline)} UTC). ${sessionLink(sessionId)}`);
      ctx.transact(ctx.control, () => writeSchedule(ctx.control, { notices: { ...schedule.notices, [due.key]: due.deadline } }));
      return { acted: true, payload: { key: due.key, deadline: due.deadline } };
    },
    nextWake: ({ control }, now) => nextScheduleWake(readSchedule(control), readPhase(control).current, now),
  };
}
