import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AppOptions, buildApp } from '@throughline/server';
import type { FastifyInstance } from 'fastify';

export interface TestServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

const CLIENT_DIST = resolve(import.meta.dirname, '../../client/dist');

/**
 * Starts a real server in-process on 127.0.0.1, port 0, with a fresh data
 * dir (or the one given, to test restarts). Serves the built client when it
 * exists.
 */
export async function startServer(opts: Partial<AppOptions> & { keepDataDir?: boolean } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'throughline-test-'));
  const app = await buildApp({
    secret: 'test-secret',
    // Tests create sessions by the hundred; rateLimit.test.ts checks the production defaults.
    rateLimit: { createPerMinute: 1_000_000, joinPerMinute: 1_000_000, allow: [] },
    clientDist: existsSync(join(CLIENT_DIST, 'index.html')) ? CLIENT_DIST : null,
    ...opts,
    dataDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await app.close();
      if (!opts.keepDataDir && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
