import { type Phase, readPhase, readSchedule, writeSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { SERVER_PARTICIPANT_ID } from '../commands/serverIdentity.ts';
import type { ScheduledTask } from '../scheduler/Scheduler.ts';
import { utcMinute } from './chatPost.ts';
import type { Notifications } from './notificationsPlugin.ts';

const DAY = 86_400_000;

export const PHASE_NAMES: Record<Phase, string> = { explore: 'Explore', select: 'Select', plan: 'Plan', review: 'Review' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The daily digest: every 24 h after the current phase opened, while that
 * phase has a deadline ahead (a round is open), one mail per subscribed
 * person with the counts of what changed since the last digest and their
 * own mentions. A day with nothing new sends nothing (the day still counts).
 *
 * Each digest leaves a seen mark under the server's own id at its time,
 * so the next digest diffs the board against exactly that state.
 */
export function digestTask(app: FastifyInstance, notifications: Notifications, sessionLink: (id: string) => string): ScheduledTask {
  return {
    name: 'digest',
    async run(ctx, now) {
      const schedule = readSchedule(ctx.control);
      const phase = readPhase(ctx.control);
      const last = lastDigest(schedule.notices, phase.current, phase.changedAt);
      const deadline = schedule.deadlines[phase.current as 'explore'];
      if (!deadline || last === null || now < last + DAY || now >= Date.parse(deadline)) return { acted: false };
      const since = new Date(last).toISOString();
      const at = new Date(now).toISOString();
      const activity = await app.activity.summary(ctx.session.id, since);
      await app.rooms.with(ctx.session.id, ['board', 'comments'], (board, comments) =>
        app.activity.markSeen(ctx.session.id, SERVER_PARTICIPANT_ID, { board: board.doc, comments: comments.doc }, at),
      );
      // Written once the mails are queued: a failure before then leaves the day's digest due, and the retry's
      // mails carry the same keys, so nobody gets it twice.
      const done = () =>
        ctx.transact(ctx.control, () => writeSchedule(ctx.control, { notices: { ...schedule.notices, [`digest:${phase.current}`]: at } }));
      const quiet = activity.newIdeas + activity.changedIdeas + activity.comments === 0;
      if (quiet) {
        done();
        return { acted: true, payload: { since, sent: false } };
      }
      const name = (await app.store.getSession(ctx.session.id))?.title ?? 'your session';
      await notifications.mail(
        ctx.session.id,
        () => true,
        `digest:${phase.current}:${since}`,
        (c) => {
          const mine = activity.mentionsOf(c.participantId);
          return {
            subject: `Today in ${name}`,
            lines: [
              `Since ${utcMinute(since)} UTC in “${name}” (${PHASE_NAMES[phase.current]} closes ${utcMinute(deadline)} UTC):`,
              `${plural(activity.newIdeas, 'new idea')}, ${activity.changedIdeas} changed, ${plural(activity.comments, 'comment')}${
                mine > 0 ? `, ${mine} mentioning you` : ''
              }.`,
            ],
            action: { label: 'See what is new', url: sessionLink(ctx.session.id) },
          };
        },
      );
      done();
      return { acted: true, payload: { since, sent: true } };
    },
    nextWake: ({ control }, now) => {
      const schedule = readSchedule(control);
      const phase = readPhase(control);
      const last = lastDigest(schedule.notices, phase.current, phase.changedAt);
      const deadline = schedule.deadlines[phase.current as 'explore'];
      if (!deadline || last === null) return null;
      const next = Math.max(last + DAY, now);
      return next < Date.parse(deadline) ? next : null;
    },
  };
}

/**
 * When the current round's last digest went out, epoch ms: the phase's
 * own last digest, or its opening if it (re)opened since (a phase the
 * facilitator went back to starts a new day).
 */
function lastDigest(notices: Record<string, string>, phase: Phase, changedAt: string | null): number | null {
  const times = [notices[`digest:${phase}`], changedAt].filter((t): t is string => !!t).map(Date.parse);
  return times.length > 0 ? Math.max(...times) : null;
}
