import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@throughline/server';
import { ideasMap, insertIdea, readSettings } from '@throughline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, createSession } from '../helpers/api.ts';
import { connectDoc, isSaved, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

/** SQLite whose writes fail, or wait, when a test says so: a full, failing or slow disk. */
class FlakyStore extends SqliteStore {
  /** While set, commits wait for it, as a slow disk makes them. */
  held: Promise<void> | null = null;
  failNextBoardAppend = false;
  /** Fails the next append to this session's control doc. */
  failControlOf: string | null = null;
  override appendUpdate(sessionId: string, doc: string, data: Uint8Array) {
    if (doc === 'board' && this.failNextBoardAppend) {
      this.failNextBoardAppend = false;
      return Promise.reject(new Error('disk full'));
    }
    return super.appendUpdate(sessionId, doc, data);
  }

  /** The next durability barrier reports a failure, as it does after any write failed since the last one. */
  failNextBarrier = false;
  override whenDurable() {
    if (!this.failNextBarrier) return super.whenDurable();
    this.failNextBarrier = false;
    return super.whenDurable().then(() => Promise.reject(new Error('an earlier write failed')));
  }

  /** The control-doc append of `failControlOf` fails inside the group commit, among its batch's other writes. */
  protected override async commit(ops: Parameters<SqliteStore['commit']>[0]) {
    if (this.held) await this.held;
    const bad = ops.findIndex((op) => op.kind === 'append' && op.doc === 'control' && op.sessionId === this.failControlOf);
    if (bad < 0) return super.commit(ops);
    this.failControlOf = null;
    const failures = await super.commit(ops.filter((_, i) => i !== bad));
    const out = new Map<number, Error>([[bad, new Error('disk full')]]);
    for (const [i, err] of failures) out.set(i >= bad ? i + 1 : i, err);
    return out;
  }
}

let server: TestServer;
let store: FlakyStore;
const dir = mkdtempSync(join(tmpdir(), 'throughline-flaky-'));
beforeAll(async () => {
  store = new FlakyStore({ dataDir: dir });
  server = await startServer({ dataDir: dir, store });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function onDisk(sessionId: string) {
  await store.whenDurable();
  return storedDoc(store, sessionId, 'board');
}

describe('a write that fails to persist', () => {
  it('is never acknowledged; the client reconnects, resends it, and then it is saved', async () => {
    const s = await createSession(server.url);
    const a = connectDoc(server.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(a);
    await waitFor(() => a.acked !== null, 'first ack');
    store.failNextBoardAppend = true;
    insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:fragile' as never, text: 'must not be lost' }));
    // The server drops the room and closes the socket with "reconnect".
    await waitFor(() => a.closes.some((c) => c.code === 1012), 'reconnect request');
    // After reconnecting, the client's sync resends the note; only then is it acknowledged.
    await waitFor(() => isSaved(a), 'saved after the resend', 10_000);
    expect(
      ideasMap(await onDisk(s.sessionId))
        .get('idea:fragile')
        ?.get('text'),
    ).toBe('must not be lost');
    a.destroy();
  });

  it('fails the command that made it and answers the others: nothing is claimed done that is not on disk', async () => {
    const mine = await createSession(server.url);
    const theirs = await createSession(server.url);
    const settings = (who: typeof mine, aiMinOwnIdeas: number) =>
      command(server.url, who.sessionId, who.facilitatorToken, { type: 'updateSettings', aiMinOwnIdeas });
    expect((await settings(mine, 1)).status).toBe(200);
    expect((await settings(theirs, 1)).status).toBe(200);

    store.failControlOf = mine.sessionId;
    const [failed, fine] = await Promise.all([settings(mine, 2), settings(theirs, 2)]);
    expect(failed.status).toBe(500);
    expect(fine.status).toBe(200);

    // What the disk holds is what a reloaded session shows: the failed change is not there.
    const onDiskNow = async (sessionId: string) => readSettings(await storedDoc(store, sessionId, 'control')).aiMinOwnIdeas;
    expect(await onDiskNow(mine.sessionId)).toBe(1);
    expect(await onDiskNow(theirs.sessionId)).toBe(2);
    // The session carries on, from what is on disk.
    expect((await settings(mine, 3)).status).toBe(200);
    expect(await onDiskNow(mine.sessionId)).toBe(3);
  });

  it('neither stops another document loading nor the server stopping once it has been reported', async () => {
    const s = await createSession(server.url);
    store.failNextBarrier = true;
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'myVotes' })).status).not.toBe(500);
    expect(store.failNextBarrier).toBe(false);
    const room = await server.app.rooms.acquire(s.sessionId, 'board');
    server.app.rooms.release(room);
    store.failNextBarrier = true;
    // afterAll closes the server: unloading every room must not trip over the failure.
  });
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
    expect(readSettings(await storedDoc(store, s.sessionId, 'control')).aiMinOwnIdeas).toBe(2);
  });
});
