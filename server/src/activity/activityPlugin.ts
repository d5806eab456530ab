import fp from 'fastify-plugin';
import { z } from 'zod';
import { requireIdentity } from '../auth/requireIdentity.ts';
import { Errors } from '../errors.ts';
import { loadSession } from '../routes/sessions.ts';
import { ActivityService } from './ActivityService.ts';

declare module 'fastify' {
  interface FastifyInstance {
    activity: ActivityService;
  }
}

const Since = z.string().datetime({ offset: true });

/**
 * `app.activity` and its routes: `GET /api/sessions/:id/activity?since=<ISO>`
 * (any token; without `since`, since the caller's own last look) and
 * `POST /api/sessions/:id/seen` (the client has caught up).
 */
export const activityPlugin = fp(
  async (app) => {
    const service = new ActivityService(app);
    app.decorate('activity', service);

    app.get<{ Params: { id: string }; Querystring: { since?: string } }>('/api/sessions/:id/activity', async (req) => {
      const session = await loadSession(app, req.params.id);
      const me = requireIdentity(app, req, session.id);
      let since: string | null = null;
      if (req.query.since !== undefined) {
        const parsed = Since.safeParse(req.query.since);
        if (!parsed.success) throw new Errors.badRequest('since must be an ISO time, e.g. 2026-12-01T09:00:00Z');
        since = new Date(parsed.data).toISOString();
      }
      return service.report(session.id, me, since);
    });

    app.post<{ Params: { id: string } }>('/api/sessions/:id/seen', async (req) => {
      const session = await loadSession(app, req.params.id);
      const me = requireIdentity(app, req, session.id);
      await app.rooms.with(session.id, ['board', 'comments'], (board, comments) =>
        service.markSeen(session.id, me.participantId, { board: board.doc, comments: comments.doc }),
      );
      return { ok: true, serverTime: app.scheduler.clock.now() };
    });
  },
  { name: 'activity', dependencies: ['scheduler'] },
);
