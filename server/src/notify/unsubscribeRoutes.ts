import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { escapeHtml } from './escapeHtml.ts';
import { verifyUnsubscribe } from './unsubscribeToken.ts';

const TokenQuery = z.string().min(1).max(400);
type WithToken = { Querystring: { t?: string } };

const wantsPage = (req: FastifyRequest) => req.headers.accept?.includes('text/html') ?? false;

/**
 * One-click unsubscribe, and the way back. `GET /api/unsubscribe?t=` (the
 * link in every mail) stops that person's mail from that session at once
 * and shows a page with a button to subscribe again: a mail scanner that
 * follows links must not leave someone without their mail and no way
 * back. `POST /api/unsubscribe?t=` is RFC 8058's one-click (mail clients
 * send `List-Unsubscribe=One-Click` as a form body); `POST
 * /api/subscribe?t=` turns the mail back on. Tokens are signed per person
 * and session (`unsubscribeToken.ts`).
 */
export const unsubscribeRoutes: FastifyPluginAsync = async (app) => {
  // Mail clients post a form body; only this plugin's routes read one.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get<WithToken>('/api/unsubscribe', async (req, reply) => {
    const who = await setSubscribed(app, req.query.t, false);
    reply.type('text/html; charset=utf-8').code(who ? 200 : 400);
    return who ? page('Unsubscribed', unsubscribedBody(who.title, req.query.t as string)) : invalid();
  });

  // A browser's form post gets the page back; a mail client's one-click post gets JSON.
  app.post<WithToken>('/api/unsubscribe', async (req, reply) => {
    const who = await setSubscribed(app, req.query.t, false);
    reply.code(who ? 200 : 400);
    if (!wantsPage(req)) return { ok: who !== null, subscribed: false };
    reply.type('text/html; charset=utf-8');
    return who ? page('Unsubscribed', unsubscribedBody(who.title, req.query.t as string)) : invalid();
  });

  app.post<WithToken>('/api/subscribe', async (req, reply) => {
    const who = await setSubscribed(app, req.query.t, true);
    reply.code(who ? 200 : 400);
    if (!wantsPage(req)) return { ok: who !== null, subscribed: who !== null };
    reply.type('text/html; charset=utf-8');
    return who ? page('Subscribed again', subscribedBody(who.title, req.query.t as string)) : invalid();
  });
};

async function setSubscribed(app: FastifyInstance, t: string | undefined, subscribed: boolean): Promise<{ title: string } | null> {
  const parsed = TokenQuery.safeParse(t);
  const who = parsed.success ? verifyUnsubscribe(app.config.secret, parsed.data) : null;
  if (!who) return null;
  const contact = (await app.store.listContacts(who.sessionId)).find((c) => c.participantId === who.participantId);
  await app.store.setContact({
    sessionId: who.sessionId,
    participantId: who.participantId,
    email: contact?.email ?? null,
    unsubscribed: !subscribed,
  });
  return { title: (await app.store.getSession(who.sessionId))?.title ?? 'this session' };
}

const unsubscribedBody = (title: string, t: string) =>
  `<h1>You are unsubscribed</h1>
<p>You will get no more mail from “${escapeHtml(title)}”.</p>
<p>Not you, or a mistake? A link checker in your mail may have opened this page for you.</p>
<form method="post" action="subscribe?t=${encodeURIComponent(t)}"><button type="submit">Subscribe again</button></form>`;

const subscribedBody = (title: string, t: string) =>
  `<h1>You are subscribed again</h1>
<p>You will get mail from “${escapeHtml(title)}” again: phases opening and closing, mentions, the daily digest and your steps.</p>
<form method="post" action="unsubscribe?t=${encodeURIComponent(t)}"><button type="submit">Unsubscribe</button></form>`;

const invalid = () => page('Link not valid', '<h1>This link is not valid</h1><p>Use the link from your most recent mail.</p>');

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Throughline</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#212529;max-width:34rem;margin:3rem auto;padding:0 1rem}
button{font:inherit;background:#1971c2;color:#fff;border:0;border-radius:6px;padding:8px 14px;cursor:pointer}</style>
</head><body>${body}</body></html>`;
