import { type Phase, readSchedule } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { chatPost, sessionTitle } from './chatPost.ts';
import { PHASE_NAMES } from './digestTask.ts';
import type { Notifications } from './notificationsPlugin.ts';
import type { phaseOpenedMail } from './phaseOpenedTask.ts';

/**
 * What people hear about as it happens: a phase opening (mail and chat),
 * being mentioned in a comment (mail), the plan made final (chat).
 */
export function listenForSessionEvents(
  app: FastifyInstance,
  notifications: Notifications,
  phaseOpened: ReturnType<typeof phaseOpenedMail>,
  sessionLink: (id: string) => string,
): void {
  // Phase changes, by the facilitator or the schedule. The mail is queued here at once and again
  // (a no-op then) by the `phaseOpened` task, which retries it if this write failed.
  app.sessionEvents.on('phaseChanged', async (e) => {
    const name = await sessionTitle(app, e.sessionId);
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

  app.sessionEvents.on('commentPosted', async (e) => {
    const mentioned = new Set(e.mentions.filter((p) => p !== e.authorId));
    if (mentioned.size === 0) return;
    const name = await sessionTitle(app, e.sessionId);
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
    const name = await sessionTitle(app, e.sessionId);
    await chatPost(app, e.sessionId, `*${name}*: the plan is final (revision ${e.revision}). ${sessionLink(e.sessionId)}`);
  });
}

async function deadlineOf(app: FastifyInstance, sessionId: string, phase: Phase): Promise<string | null> {
  return app.rooms.with(sessionId, ['control'], (control) => readSchedule(control.doc).deadlines[phase as 'explore'] ?? null);
}
