import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { drainAndClose } from './drain.ts';
import { redactUrl } from './redactUrl.ts';

/**
 * The server process (`node server/dist/server.js`, or `pnpm start`), with
 * configuration from the environment. SIGTERM/SIGINT drain it (see
 * `drainAndClose`): readiness fails, open sockets get a grace period and are
 * then closed with 1012, every queued update is flushed, and it exits.
 */
const config = configFromEnv();
const app = await buildApp({
  ...config,
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    // Download links carry ?token=: keep credentials out of the logs.
    serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }) },
  },
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: draining');
  try {
    await drainAndClose(app, config.drainGraceMs);
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

const address = await app.listen({ port: config.port, host: config.host });
// Tests and scripts read this line to find the port when PORT=0.
console.log(`Throughline listening on ${address}${config.clientDist ? '' : ' (API only: client not built)'}`);
