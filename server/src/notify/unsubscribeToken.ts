import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed unsubscribe token for one person in one session: the link in
 * every mail (and its List-Unsubscribe header) carries it, so one click
 * stops that person's mail from that session without logging in.
 */
export function signUnsubscribe(secret: string, sessionId: string, participantId: string): string {
  const payload = Buffer.from(`${sessionId}.${participantId}`).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyUnsubscribe(secret: string, token: string): { sessionId: string; participantId: string } | null {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const want = Buffer.from(mac(secret, payload));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  const [sessionId, participantId] = Buffer.from(payload, 'base64url').toString().split('.');
  return sessionId && participantId ? { sessionId, participantId } : null;
}

const mac = (secret: string, payload: string) => createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');
