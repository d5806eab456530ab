import type { AppOptions } from '@throughline/server';
import { afterAll, beforeAll } from 'vitest';
import { connectDoc, type Peer } from './connectDoc.ts';
import { startServer, type TestServer } from './startServer.ts';

/**
 * One real server for a test file, started before its tests and stopped
 * after them, with `open()` for provider clients that are destroyed at the
 * end too.
 */
export function useServer(opts: Partial<AppOptions> = {}) {
  let server: TestServer | null = null;
  const peers: Peer[] = [];
  beforeAll(async () => {
    server = await startServer(opts);
  });
  afterAll(async () => {
    for (const p of peers) p.destroy();
    await server?.close();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('useServer: the server starts in beforeAll');
      return server;
    },
    open(...args: Parameters<typeof connectDoc>): Peer {
      const p = connectDoc(...args);
      peers.push(p);
      return p;
    },
  };
}
