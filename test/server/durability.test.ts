import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ideasMap, insertIdea, Origins } from '@throughline/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { type ServerProcess, spawnServer } from '../helpers/spawnServer.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-durable-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dir: string): Promise<ServerProcess> {
  const srv = await spawnServer(dir);
  cleanup.push(() => srv.stop('SIGKILL'));
  return srv;
}

async function readBoard(srv: ServerProcess, sessionId: string, token: string): Promise<Y.Doc> {
  const reader = connectDoc(srv.wsUrl, sessionId, 'board', token);
  await waitSynced(reader);
  reader.destroy();
  return reader.doc;
}

describe('durability across server processes', () => {
  it('brings state back after a graceful restart on the same data dir', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const s = await createSession(first.url);
    const a = connectDoc(first.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(a);
    for (let i = 0; i < 20; i++) insertIdea(a.doc, sampleIdea({ ...a.author, id: `idea:n${i}` as never, text: `note ${i}` }));
    await waitFor(() => isSaved(a), 'saved');
    // Stop with the client still connected: shutdown must close its socket, not wait for it.
    expect(await first.stop('SIGTERM')).toBe(0);
    a.destroy();
    // SIGTERM flushed and compacted: the board is one snapshot, no loose log.
    const db = new Database(join(dir, 'throughline.sqlite'), { readonly: true });
    const loose = db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc = 'board'").get() as { n: number };
    db.close();
    expect(loose.n).toBe(0);

    const second = await start(dir);
    const board = await readBoard(second, s.sessionId, s.facilitatorToken);
    expect(ideasMap(board).size).toBe(20);
    expect(ideasMap(board).get('idea:n7')?.get('text')).toBe('note 7');
  });

  it('keeps every acknowledged update when the server is killed with SIGKILL while 20 clients edit', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const s = await createSession(first.url);
    const clients: { peer: Peer; writes: { id: string; clock: number }[] }[] = [];
    for (let i = 0; i < 20; i++) {
      const who = await joinSession(first.url, s.sessionId, s.invites.participant, `Writer ${i}`);
      const peer = connectDoc(first.wsUrl, s.sessionId, 'board', who.token, { ack: true });
      clients.push({ peer, writes: [] });
    }
    await Promise.all(clients.map((c) => waitSynced(c.peer)));

    let n = 0;
    const timer = setInterval(() => {
      for (const [i, c] of clients.entries()) {
        const id = `idea:c${i}-${n}`;
        c.peer.doc.transact(
          () => insertIdea(c.peer.doc, sampleIdea({ ...c.peer.author, id: id as never, text: `c${i} #${n}` })),
          Origins.user,
        );
        c.writes.push({ id, clock: Y.getState(c.peer.doc.store, c.peer.doc.clientID) });
      }
      n++;
    }, 15);
    // Kill mid-stream once plenty has been acknowledged (time-based waits fail on a loaded machine).
    const ackedSoFar = () =>
      clients.reduce((sum, c) => {
        const upTo = c.peer.acked?.stateVector.get(c.peer.doc.clientID) ?? 0;
        return sum + c.writes.filter((w) => w.clock <= upTo).length;
      }, 0);
    await waitFor(() => ackedSoFar() > 20 * 10, 'over 200 acknowledged writes', 30_000);
    await first.stop('SIGKILL');
    clearInterval(timer);
    // Freeze what each client saw acknowledged, and stop the clients before the restart so
    // they cannot resend anything: the new process must find it all on disk by itself.
    const acked = clients.map((c) => c.peer.acked?.stateVector.get(c.peer.doc.clientID) ?? 0);
    for (const c of clients) c.peer.destroy();

    const second = await start(dir);
    const board = await readBoard(second, s.sessionId, s.facilitatorToken);
    let ackedWrites = 0;
    const missing: string[] = [];
    for (const [i, c] of clients.entries()) {
      for (const w of c.writes) {
        if (w.clock > (acked[i] as number)) continue;
        ackedWrites++;
        if (!ideasMap(board).has(w.id)) missing.push(w.id);
      }
    }
    expect(missing).toEqual([]);
    // The test means something only if plenty of writes were acknowledged before the kill.
    expect(ackedWrites).toBeGreaterThan(20 * 10);
  });
});
