import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@throughline/server';
import { readSettings } from '@throughline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, createSession } from '../helpers/api.ts';
import { sleep } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/** SQLite whose commits wait while `held` is set, as a slow disk would make them. */
class SlowDiskStore extends SqliteStore {
  held: Promise<void> | null = null;
  protected override async commit(ops: Parameters<SqliteStore['commit']>[0]) {
    if (this.held) await this.held;
    return super.commit(ops);
  }
}

let server: TestServer;
let store: SlowDiskStore;
const dir = mkdtempSync(join(tmpdir(), 'throughline-slowdisk-'));
beforeAll(async () => {
  store = new SlowDiskStore({ dataDir: dir });
  server = await startServer({ dataDir: dir, store });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a command', () => {
  it('is answered only once what it changed is on disk', async () => {
    const s = await createSession(server.url);
    // Load the session's documents first, so the command below waits for nothing but its own write.
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'myVotes' })).status).not.toBe(500);
    let openDisk!: () => void;
    store.held = new Promise((r) => {
      openDisk = r;
    });
    let answered = false;
    const pending = command(server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', aiMinOwnIdeas: 2 }).then((r) => {
      answered = true;
      return r;
    });
    await sleep(300);
    expect(answered).toBe(false);
    store.held = null;
    openDisk();
    expect((await pending).status).toBe(200);
    // Read straight from the database, as a restarted server would.
    const stored = await store.loadDoc(s.sessionId, 'control');
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(readSettings(doc).aiMinOwnIdeas).toBe(2);
  });
});
