import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@throughline/server';
import { createIdeaId, ideasMap, insertIdea, MessageType, personIdea, readSchemaVersion } from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/** SQLite, but reading a document takes a while (as a database round trip can), so the join's step 1 is surely in. */
class SlowLoadStore extends SqliteStore {
  override async loadDoc(sessionId: string, doc: string) {
    await sleep(100);
    return super.loadDoc(sessionId, doc);
  }
}

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'throughline-coldjoin-'));
beforeAll(async () => {
  server = await startServer({ dataDir: dir, store: new SlowLoadStore({ dataDir: dir }), idleUnloadMs: 100 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a board of `n` notes straight into the store as its snapshot, as an older server version left it (no schema version). */
async function boardOnDisk(sessionId: string, n: number): Promise<void> {
  await waitFor(() => !server.app.rooms.isLoaded(sessionId, 'board'), 'the board unloaded', 5000);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < n; i++)
      insertIdea(
        doc,
        personIdea({ id: createIdeaId(), text: `note ${i}`, x: i, y: 0, color: '#fff59d', author: { id: 'p_x', name: 'X' }, createdAt: i }),
      );
  });
  await server.app.store.compact(sessionId, 'board', Y.encodeStateAsUpdate(doc));
  await server.app.store.whenDurable();
}

/** Sync messages (type, step) in arrival order, and the doc they build. */
function readSync(frames: Uint8Array[]): { steps: number[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const steps: number[] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) !== MessageType.sync) continue;
    const step = decoding.readVarUint(d);
    steps.push(step);
    if (step !== 0) Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  return { steps, doc };
}

describe('joining a board that is on disk only', () => {
  it('sends a fresh client the stored doc before the room has loaded it, then what changed while it loaded', async () => {
    const s = await sessionWithPeople(server.url);
    await boardOnDisk(s.sessionId, 50);
    const sock = rawSocket(`${server.wsUrl}/sync/${s.sessionId}/board?token=${s.participant.token}`);
    await sock.opened;
    // A fresh client's sync step 1: an empty state vector.
    sock.send(new Uint8Array([MessageType.sync, 0, 1, 0]));
    await waitFor(() => readSchemaVersion(readSync(sock.received).doc) === 1, 'the schema version the load stamped', 5000);
    const { steps, doc } = readSync(sock.received);
    // The stored doc came first, before the server's own step 1 (sent once the room is ready); the
    // load's migration (stamping the schema version) followed as a second step 2.
    expect(steps[0]).toBe(1);
    expect(steps.filter((t) => t === 1).length).toBe(2);
    expect(ideasMap(doc).size).toBe(50);
    sock.ws.close();
  });

  it('gives a stock provider every note and keeps it in sync afterwards', async () => {
    const s = await sessionWithPeople(server.url);
    await boardOnDisk(s.sessionId, 30);
    const [a, b] = [
      connectDoc(server.wsUrl, s.sessionId, 'board', s.participant.token),
      connectDoc(server.wsUrl, s.sessionId, 'board', s.facilitatorToken),
    ];
    try {
      await Promise.all([waitSynced(a), waitSynced(b)]);
      await waitFor(() => ideasMap(a.doc).size === 30 && readSchemaVersion(a.doc) === 1, 'a holds the board', 5000);
      insertIdea(
        a.doc,
        personIdea({
          id: createIdeaId(),
          text: 'after',
          x: 0,
          y: 0,
          color: '#fff59d',
          author: { id: a.author.authorId, name: a.author.authorName },
          createdAt: 1,
        }),
      );
      await waitFor(() => ideasMap(b.doc).size === 31 && readSchemaVersion(b.doc) === 1, 'b sees the new note', 5000);
      expect(a.denials).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
