import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { redactUrl } from './redactUrl.ts';

/**
 * `pnpm start`: the server with configuration from the environment. On
 * SIGTERM/SIGINT it stops accepting, flushes every queued update and
 * snapshot to disk, then exits.
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
  app.log.info({ signal }, 'shutting down: flushing documents');
  try {
    await app.close();
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
