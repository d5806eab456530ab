import type { AppOptions } from '@throughline/server';
import { afterAll, beforeAll } from 'vitest';
import { type Service, startPostgres, startRedis } from './services.ts';
import { startServer, type TestServer } from './startServer.ts';

/**
 * Two server instances on one throwaway PostgreSQL, relayed through one
 * throwaway Redis, for the tests of a file: started before them, stopped
 * (with the services) after.
 */
export function twoInstances(opts: Partial<AppOptions> = {}) {
  const s = {} as { pg: Service; redis: Service; one: TestServer; two: TestServer };
  beforeAll(async () => {
    [s.pg, s.redis] = await Promise.all([startPostgres(), startRedis()]);
    s.one = await startServer({ ...opts, databaseUrl: s.pg.url, redisUrl: s.redis.url });
    s.two = await startServer({ ...opts, databaseUrl: s.pg.url, redisUrl: s.redis.url });
  });
  afterAll(async () => {
    await s.one?.close();
    await s.two?.close();
    await Promise.all([s.pg?.stop(), s.redis?.stop()]);
  });
  return s;
}
