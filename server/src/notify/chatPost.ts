import { PRIVATE_DOC } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { readChatTarget } from '../webhook/chatTarget.ts';

/** Posts to the session's chat webhook, if it has one. */
export async function chatPost(app: FastifyInstance, sessionId: string, text: string): Promise<void> {
  const url = await app.rooms.with(sessionId, [PRIVATE_DOC], (priv) => readChatTarget(priv.doc));
  if (!url) return;
  // Stored before the event is done with (a restart from then on still posts it); a store failure is logged, never the change's.
  await app.notifications.chat.post(sessionId, url, text).catch((err) => app.log.warn({ err }, 'could not queue a chat post'));
}

export const sessionTitle = async (app: FastifyInstance, sessionId: string) =>
  (await app.store.getSession(sessionId))?.title ?? 'your session';

/** `2026-12-01 09:30` from an ISO time, as mail and chat show deadlines. */
export const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ');
