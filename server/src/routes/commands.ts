import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireIdentity } from '../auth/requireIdentity.ts';
import { handlers as commandHandlers } from '../commands/registry.ts';
import { runCommand } from '../commands/runCommand.ts';
import { loadSession } from './sessions.ts';

/** `POST /api/sessions/:id/commands`: the only way clients change protected state. */
async function commands(app: FastifyInstance) {
  app.post<{ Params: { id: string } }>('/api/sessions/:id/commands', async (req, reply) => {
    const session = await loadSession(app, req.params.id);
    const identity = requireIdentity(app, req, session.id);
    const stop = app.metrics.commands.startTimer({ type: commandType(req.body) });
    const result = await runCommand(app, session, identity, req.body).catch((err: unknown) => {
      stop({ outcome: 'error' });
      throw err;
    });
    stop({ outcome: result.ok ? 'ok' : 'refused' });
    // Every answer carries the server's clock so clients can correct theirs (the workshop timer).
    const serverTime = Date.now();
    if (result.ok) return { ok: true, ...(result.value ?? {}), serverTime };
    reply.code(result.status);
    const { status: _status, ...body } = result;
    return { ...body, serverTime };
  });
}

/** The command's type as a metric label: only known command names, so a client cannot grow the label set. */
function commandType(body: unknown): string {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(commandHandlers, type) ? type : 'unknown';
}

/** Encapsulated like any route plugin; named so fastify checks, at boot, that the services handlers reach are registered. */
export const commandRoutes = fp(commands, { name: 'command-routes', encapsulate: true, dependencies: ['ai', 'webhooks'] });
