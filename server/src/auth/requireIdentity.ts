import type { Identity } from '@throughline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from '../errors.ts';

/** The token from `Authorization: Bearer …`, or `?token=` for plain download links. */
export function tokenFrom(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' ? q : null;
}

/** Verifies the request's token and that it names this session; throws 401/403 otherwise. */
export function requireIdentity(app: FastifyInstance, req: FastifyRequest, sessionId: string): Identity {
  const result = app.tokens.verify(tokenFrom(req));
  if (!result.ok) {
    throw new Errors.unauthorized(
      result.reason === 'expired' ? 'this link has expired; ask the facilitator for a new one' : 'a valid session token is required',
    );
  }
  if (result.identity.sessionId !== sessionId) throw new Errors.forbidden('this token is for another session');
  return result.identity;
}
