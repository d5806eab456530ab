import { readSchedule, readSteps, writeSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type { ScheduledTask } from '../scheduler/Scheduler.ts';
import type { Notifications } from './notificationsPlugin.ts';
import { stepReminders } from './reminders.ts';

/**
 * Mails each step's owner the day before it is due and on its review date
 * (see `stepReminders` for the windows). A reminder is marked sent in
 * `schedule.notices` only after its mail is queued, under the same key, so
 * a failure retries and a retry mails nobody twice.
 */
export function stepReminderTask(app: FastifyInstance, notifications: Notifications, sessionLink: (id: string) => string): ScheduledTask {
  return {
    name: 'stepReminder',
    async run(ctx, now) {
      const schedule = readSchedule(ctx.control);
      const open = stepReminders(readSteps(ctx.control)).filter((r) => r.from <= now && now < r.until && !schedule.notices[r.key]);
      if (open.length === 0) return { acted: false };
      const name = (await app.store.getSession(ctx.session.id))?.title ?? 'your session';
      for (const r of open) {
        await notifications.mail(
          ctx.session.id,
          (c) => c.participantId === r.step.ownerId,
          r.key,
          () => ({
            subject:
              r.kind === 'review'
                ? `Time to review: ${r.step.title}`
                : // A server that was down at 09:00 the day before still reminds on the day itself.
                  `Due ${new Date(now).toISOString().slice(0, 10) === r.date ? 'today' : 'tomorrow'}: ${r.step.title}`,
            lines:
              r.kind === 'due'
                ? [`Your step “${r.step.title}” in “${name}” is due on ${r.date}.`]
                : [
                    `Your step “${r.step.title}” in “${name}” is up for review today (${r.date}).`,
                    `Record whether to continue, revise or stop, and what you learned about: ${r.step.successCheck.measure || 'its success check'}.`,
                  ],
            action: { label: r.kind === 'due' ? 'Open the plan' : 'Record the review', url: sessionLink(ctx.session.id) },
          }),
        );
      }
      const sent = Object.fromEntries(open.map((r) => [r.key, new Date(now).toISOString()]));
      ctx.transact(ctx.control, () => writeSchedule(ctx.control, { notices: { ...schedule.notices, ...sent } }));
      return { acted: true, payload: { sent: Object.keys(sent) } };
    },
    nextWake: ({ control }, now) => {
      const { notices } = readSchedule(control);
      const times = stepReminders(readSteps(control))
        .filter((r) => now < r.until && !notices[r.key])
        .map((r) => Math.max(r.from, now));
      return times.length > 0 ? Math.min(...times) : null;
    },
  };
}
