import type { FastifyInstance } from 'fastify';

/**
 * Stops an instance the way a rolling deploy needs: readiness turns 503 and
 * new sockets are refused at once, open sockets keep working for up to
 * `graceMs` (ending early once they have all gone), then the rest are closed
 * with 1012 "service restart" so their clients reconnect elsewhere, and
 * everything queued is flushed before the app closes.
 */
export async function drainAndClose(app: FastifyInstance, graceMs: number): Promise<void> {
  app.log.info({ graceMs, sockets: app.sync.connectionCount }, 'draining');
  await app.sync.drain(graceMs);
  await app.close();
}
