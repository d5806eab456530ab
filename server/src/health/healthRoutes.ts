import type { FastifyInstance } from 'fastify';

/** A readiness check that takes longer than this counts as failed: a load balancer must not hang on us. */
const CHECK_TIMEOUT_MS = 2000;

/**
 * Probes for load balancers and orchestrators, and the Prometheus scrape:
 * `live` says the process answers; `ready` says this instance should get
 * traffic (store and relay reachable, not draining); `/metrics` is the
 * app's registry in the Prometheus text format.
 */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health/live', async () => ({ status: 'live' }));

  app.get('/api/health/ready', async (_req, reply) => {
    const checks = {
      draining: app.sync.isDraining,
      store: await withTimeout(app.store.ping()).then(
        () => 'ok',
        (err: unknown) => `unreachable: ${err instanceof Error ? err.message : String(err)}`,
      ),
      relay: app.relay ? (app.relay.healthy ? 'ok' : 'unreachable') : 'none',
    };
    const ready = !checks.draining && checks.store === 'ok' && checks.relay !== 'unreachable';
    if (!ready) reply.code(503).header('retry-after', '5');
    return { status: ready ? 'ready' : 'unready', ...checks };
  });

  app.get('/metrics', async (_req, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}

function withTimeout(p: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
