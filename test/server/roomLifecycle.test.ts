import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@throughline/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionWithPeople } from '../helpers/api.ts';
import { sleep, waitFor } from '../helpers/connectDoc.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/** SQLite, but loading a document takes a while (as a database round trip can). */
class SlowLoadStore extends SqliteStore {
  override async loadDoc(sessionId: string, doc: string) {
    await sleep(150);
    return super.loadDoc(sessionId, doc);
  }
}

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'throughline-slow-'));
beforeAll(async () => {
  server = await startServer({ dataDir: dir, store: new SlowLoadStore({ dataDir: dir }), idleUnloadMs: 100 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('room lifecycle', () => {
  it('lets go of a document whose socket closed while it was still loading', async () => {
    const s = await sessionWithPeople(server.url);
    await waitFor(() => !server.app.rooms.isLoaded(s.sessionId, 'board'), 'the board unloaded after creation', 5000);
    const sock = rawSocket(`${server.wsUrl}/sync/${s.sessionId}/board?token=${s.participant.token}`);
    await sock.opened;
    sock.ws.close();
    await sock.closed;
    await sleep(400);
    await waitFor(
      () => !server.app.rooms.isLoaded(s.sessionId, 'board') && !server.app.rooms.isLoaded(s.sessionId, 'control'),
      'rooms unloaded',
      3000,
    );
    expect(server.app.rooms.loadedCount).toBe(0);
  });
});
