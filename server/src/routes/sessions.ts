import {
  checkBrief,
  colorFor,
  createParticipantId,
  DisplayNameSchema,
  findTemplate,
  parseBrief,
  readBrief,
  readPhase,
  readSettings,
  SessionIdSchema,
  TEMPLATES,
  zodIssues,
} from '@throughline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireIdentity } from '../auth/requireIdentity.ts';
import { Errors, type IssuesError } from '../errors.ts';
import { createSession, fromTemplate, participantView, roleForInvite, tokenFor } from '../sessions/sessionService.ts';

/** An address to notify; trimmed, as typed (case kept: the local part may be case-sensitive). */
const EmailSchema = z.string().trim().max(254).email('not an e-mail address');

const CreateBody = z.object({
  brief: z.unknown().optional(),
  templateId: z.string().max(60).optional(),
  facilitatorName: DisplayNameSchema.optional(),
  facilitatorEmail: EmailSchema.optional(),
});
const JoinBody = z.object({ invite: z.string().min(1).max(200), name: DisplayNameSchema, email: EmailSchema.optional() });

/** The origin links should point at: the request's own host, as the browser saw it. */
function originOf(req: FastifyRequest): string {
  const proto = (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0] ?? req.protocol;
  return `${proto}://${req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost'}`;
}

function withIssues(err: IssuesError, issues: { path: string; message: string }[]): IssuesError {
  err.issues = issues;
  return err;
}

export async function loadSession(app: FastifyInstance, rawId: string) {
  const id = SessionIdSchema.safeParse(rawId);
  const session = id.success ? await app.store.getSession(id.data) : null;
  if (!session) throw new Errors.sessionNotFound(rawId);
  return session;
}

/** Per client address (every address, loopback too, unless allow-listed: see `rateLimitPlugin`). */
const perMinute = (max: number) => ({ max, timeWindow: 60_000 });

/** Create, join and summarise sessions (DESIGN.md "Public contract"). */
export async function sessionRoutes(app: FastifyInstance) {
  const limits = app.config.rateLimit;
  app.post('/api/sessions', { config: { rateLimit: perMinute(limits.createPerMinute) } }, async (req, reply) => {
    const body = CreateBody.safeParse(req.body ?? {});
    if (!body.success) throw withIssues(new Errors.badRequest('expected { brief } or { templateId, brief? }'), zodIssues(body.error));
    const template = body.data.templateId === undefined ? undefined : findTemplate(body.data.templateId);
    if (body.data.templateId !== undefined && !template) throw new Errors.notFound(`no template named ${body.data.templateId}`);
    if (!template && body.data.brief === undefined) throw new Errors.badRequest('expected { brief } or { templateId, brief? }');
    // The facilitator's own brief when they wrote one (the check runs on it), else the template's example.
    const brief = parseBrief(body.data.brief ?? template?.brief);
    if (!brief.ok) {
      const names = brief.issues.map((i) => i.path).join(', ');
      throw withIssues(
        new Errors.invalidBrief(names),
        brief.issues.map((i) => ({ ...i, path: `brief.${i.path}` })),
      );
    }
    const created = await createSession(
      app,
      brief.value,
      body.data.facilitatorName ?? 'Facilitator',
      template ? fromTemplate(template) : {},
    );
    const origin = originOf(req);
    const { session } = created;
    if (body.data.facilitatorEmail) {
      await app.store.setContact({
        sessionId: session.id,
        participantId: created.facilitator.id,
        email: body.data.facilitatorEmail,
        unsubscribed: false,
      });
    }
    reply.code(201);
    return {
      sessionId: session.id,
      facilitatorToken: created.facilitatorToken,
      participantId: created.facilitator.id,
      invites: { participant: session.participantInvite, viewer: session.viewerInvite },
      links: {
        facilitator: `${origin}/s/${session.id}#token=${created.facilitatorToken}`,
        participant: `${origin}/join/${session.id}#invite=${session.participantInvite}`,
        viewer: `${origin}/join/${session.id}#invite=${session.viewerInvite}`,
      },
      warnings: checkBrief(brief.value),
    };
  });

  app.get('/api/templates', async () => ({ templates: TEMPLATES }));

  app.post<{ Params: { id: string } }>(
    '/api/sessions/:id/join',
    { config: { rateLimit: perMinute(limits.joinPerMinute) } },
    async (req) => {
      const session = await loadSession(app, req.params.id);
      const body = JoinBody.safeParse(req.body ?? {});
      if (!body.success) throw withIssues(new Errors.badRequest('expected { invite, name, email? }'), zodIssues(body.error));
      const role = roleForInvite(session, body.data.invite);
      if (!role) throw new Errors.forbidden('this invite is not valid for this session');
      const participant = {
        id: createParticipantId(),
        sessionId: session.id,
        name: body.data.name,
        role,
        joinedAt: new Date().toISOString(),
      };
      await app.store.addParticipant(participant);
      // Optional: only people who give an address get mail, and each mail lets them stop it.
      if (body.data.email)
        await app.store.setContact({ sessionId: session.id, participantId: participant.id, email: body.data.email, unsubscribed: false });
      return { token: tokenFor(app, participant), participantId: participant.id, role };
    },
  );

  app.get<{ Params: { id: string } }>('/api/sessions/:id', async (req) => {
    const session = await loadSession(app, req.params.id);
    const you = requireIdentity(app, req, session.id);
    const participants = await app.store.listParticipants(session.id);
    return app.rooms.withCurrent(session.id, ['control'], (control) => {
      const brief = readBrief(control.doc);
      return {
        sessionId: session.id,
        title: session.title,
        createdAt: session.createdAt,
        brief,
        phase: readPhase(control.doc),
        settings: readSettings(control.doc),
        participants: participants.map(participantView),
        you: { participantId: you.participantId, role: you.role, name: you.name, color: colorFor(you.participantId) },
        warnings: brief ? checkBrief(brief) : [],
        notifications: { mail: app.notifications.mailEnabled },
        serverTime: Date.now(),
      };
    });
  });
}
