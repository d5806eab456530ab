import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Contact } from '../store/Store.ts';
import { ChatPoster } from './ChatPoster.ts';
import { closingNoticeTask } from './closingNoticeTask.ts';
import { digestTask } from './digestTask.ts';
import type { MailOutbox } from './MailOutbox.ts';
import { type MailContent, renderMail } from './mailContent.ts';
import { phaseOpenedMail } from './phaseOpenedTask.ts';
import { listenForSessionEvents } from './sessionEventNotices.ts';
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
    const chat = new ChatPoster(app.webhooks, () => app.scheduler.clock.now());

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

    const phaseOpened = phaseOpenedMail(app, notifications, sessionLink);
    listenForSessionEvents(app, notifications, phaseOpened, sessionLink);
    // Reminders the scheduler runs: closing soon, phase opened (retried), steps due and to review, the daily digest.
    app.scheduler.add(closingNoticeTask(app, notifications, sessionLink));
    if (outbox) app.scheduler.add(phaseOpened.task);
    app.scheduler.add(stepReminderTask(app, notifications, sessionLink));
    app.scheduler.add(digestTask(app, notifications, sessionLink));

    await app.register(unsubscribeRoutes);

    app.addHook('onReady', async () => outbox?.start());
    // Mail a scheduler pass still queues after this is stored and sent on the next start.
    app.addHook('onClose', async () => {
      await outbox?.close();
    });
  },
  { name: 'notifications', dependencies: ['scheduler', 'activity', 'webhooks'] },
);
