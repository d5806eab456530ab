import { dueClosingNotice, nextScheduleWake, type Phase, PRIVATE_DOC, readPhase, readSchedule, writeSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Contact } from '../store/Store.ts';
import { readChatTarget } from '../webhook/chatTarget.ts';
import { ChatPoster } from './ChatPoster.ts';
import { digestTask, PHASE_NAMES } from './digestTask.ts';
import type { MailOutbox } from './MailOutbox.ts';
import { type MailContent, renderMail } from './mailContent.ts';
import { phaseOpenedMail } from './phaseOpenedTask.ts';
import { stepReminderTask } from './stepReminderTask.ts';
import { unsubscribeRoutes } from './unsubscribeRoutes.ts';
import { signUnsubscribe } from './unsubscribeToken.ts';

declare module 'fastify' {
  interface FastifyInstance {
    notifications: Notifications;
  }
}

export interface NotificationsOptions {
  smtpUrl: string | null;
  smtpFrom: string | null;
  publicUrl: string | null;
  mailIntervalMs?: number;
}

/** `app.notifications`: mail when SMTP is configured, chat posts when a session has a chat webhook. */
export interface Notifications {
  readonly mailEnabled: boolean;
  /** Null when mail is off. */
  readonly outbox: MailOutbox | null;
  readonly chat: ChatPoster;
  /** Queues one mail per person in `to` who gave an address and did not unsubscribe; `key` makes it once per person. */
  mail(sessionId: string, to: (c: Contact) => boolean, key: string, content: (c: Contact) => MailContent): Promise<number>;
}

export const notificationsPlugin = fp<NotificationsOptions>(
  async (app: FastifyInstance, opts: NotificationsOptions) => {
    const publicUrl = (opts.publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
    const sessionLink = (id: string) => `${publicUrl}/s/${id}`;
    // nodemailer loads only when mail is configured.
    const outbox =
      opts.smtpUrl !== null
        ? new (await import('./MailOutbox.ts')).MailOutbox({
            store: app.store,
            clock: app.scheduler.clock,
            smtpUrl: opts.smtpUrl,
            from: opts.smtpFrom ?? 'Throughline <throughline@localhost>',
            intervalMs: opts.mailIntervalMs ?? 10_000,
            log: app.log,
          })
        : null;
    // `app.webhooks` is registered after this plugin; posts reach it only once the app runs.
    const chat = new ChatPoster(
      () => app.webhooks,
      () => app.scheduler.clock.now(),
    );

    const title = async (sessionId: string) => (await app.store.getSession(sessionId))?.title ?? 'your session';

    const notifications: Notifications = {
      mailEnabled: outbox !== null,
      outbox,
      chat,
      async mail(sessionId, to, key, content) {
        if (!outbox) return 0;
        const contacts = (await app.store.listContacts(sessionId)).filter((c) => c.email && !c.unsubscribed && to(c));
        for (const c of contacts) {
          const unsubscribeUrl = `${publicUrl}/api/unsubscribe?t=${signUnsubscribe(app.config.secret, sessionId, c.participantId)}`;
          const rendered = renderMail(content(c), unsubscribeUrl);
          await outbox.enqueue({
            sessionId,
            dedupeKey: `${sessionId}:${key}:${c.participantId}`,
            to: c.email as string,
            ...rendered,
            // RFC 2369 and RFC 8058: mail clients show their own one-click unsubscribe.
            headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          });
        }
        return contacts.length;
      },
    };
    app.decorate('notifications', notifications);

    // Phase changes, by the facilitator or the schedule. The mail is queued here at once and again
    // (a no-op then) by the `phaseOpened` task, which retries it if this write failed.
    const phaseOpened = phaseOpenedMail(app, notifications, sessionLink);
    app.sessionEvents.on('phaseChanged', async (e) => {
      const name = await title(e.sessionId);
      const deadline = await deadlineOf(app, e.sessionId, e.to);
      await phaseOpened
        .mail(e.sessionId, { phase: e.to, at: e.at, auto: e.auto, deadline })
        .catch((err) => app.log.warn({ err }, 'could not queue the phase-opened mail; the scheduler retries it'));
      await chatPost(
        app,
        e.sessionId,
        `*${name}*: ${PHASE_NAMES[e.to]} is open${e.auto ? ' (deadline reached)' : ''}. ${sessionLink(e.sessionId)}`,
      );
    });

    // Called by the closing-notice task before it marks the notice sent (so a failure leaves it due; mail keys keep it once).
    const closingSoon = async (e: { sessionId: string; phase: Phase; deadline: string; label: string; key: string }) => {
      const name = await title(e.sessionId);
      await notifications.mail(
        e.sessionId,
        () => true,
        `closing:${e.key}:${e.deadline}`,
        () => ({
          subject: `${PHASE_NAMES[e.phase]} closes ${e.label} — ${name}`,
          lines: [
            `${PHASE_NAMES[e.phase]} in “${name}” closes ${e.label}, at ${utc(e.deadline)} (UTC).`,
            'Add what you have before it does.',
          ],
          action: { label: `Open ${name}`, url: sessionLink(e.sessionId) },
        }),
      );
      await chatPost(
        app,
        e.sessionId,
        `*${name}*: ${PHASE_NAMES[e.phase]} closes ${e.label} (${utc(e.deadline)} UTC). ${sessionLink(e.sessionId)}`,
      );
    };

    app.sessionEvents.on('commentPosted', async (e) => {
      const name = await title(e.sessionId);
      const mentioned = new Set(e.mentions.filter((p) => p !== e.authorId));
      if (mentioned.size === 0) return;
      await notifications.mail(
        e.sessionId,
        (c) => mentioned.has(c.participantId),
        // Once per comment and person: an edit mails only the people it added.
        `mention:${e.commentId}`,
        () => ({
          subject: `${e.authorName} mentioned you — ${name}`,
          lines: [`${e.authorName} mentioned you in “${name}”${e.edited ? ' (in an edited comment)' : ''}:`, e.text],
          action: { label: 'Reply', url: `${sessionLink(e.sessionId)}?thread=${encodeURIComponent(e.threadKey)}` },
        }),
      );
    });

    app.sessionEvents.on('planFinalised', async (e) => {
      const name = await title(e.sessionId);
      await chatPost(app, e.sessionId, `*${name}*: the plan is final (revision ${e.revision}). ${sessionLink(e.sessionId)}`);
    });

    // Reminders the scheduler runs: closing soon, steps due and to review, the daily digest.
    app.scheduler.add({
      name: 'closingNotice',
      async run(ctx, now) {
        const schedule = readSchedule(ctx.control);
        const due = dueClosingNotice(schedule, readPhase(ctx.control).current, now);
        if (!due) return { acted: false };
        await closingSoon({ sessionId: ctx.session.id, phase: due.phase, deadline: due.deadline, label: due.notice.label, key: due.key });
        ctx.transact(ctx.control, () => writeSchedule(ctx.control, { notices: { ...schedule.notices, [due.key]: due.deadline } }));
        return { acted: true, payload: { key: due.key, deadline: due.deadline } };
      },
      nextWake: ({ control }, now) => nextScheduleWake(readSchedule(control), readPhase(control).current, now),
    });

    if (outbox) app.scheduler.add(phaseOpened.task);
    app.scheduler.add(stepReminderTask(app, notifications, sessionLink));
    app.scheduler.add(digestTask(app, notifications, sessionLink));

    await app.register(unsubscribeRoutes);

    app.addHook('onReady', async () => outbox?.start());
    app.addHook('preClose', async () => {
      await outbox?.close();
    });
  },
  { name: 'notifications', dependencies: ['scheduler', 'activity'] },
);

const utc = (iso: string) => iso.slice(0, 16).replace('T', ' ');

async function deadlineOf(app: FastifyInstance, sessionId: string, phase: Phase): Promise<string | null> {
  return app.rooms.with(sessionId, ['control'], (control) => readSchedule(control.doc).deadlines[phase as 'explore'] ?? null);
}

async function chatPost(app: FastifyInstance, sessionId: string, text: string): Promise<void> {
  const url = await app.rooms.with(sessionId, [PRIVATE_DOC], (priv) => readChatTarget(priv.doc));
  if (!url) return;
  // Stored before the event is done with (a restart from then on still posts it); a store failure is logged, never the change's.
  await app.notifications.chat.post(sessionId, url, text).catch((err) => app.log.warn({ err }, 'could not queue a chat post'));
}
