import { ideasMap, insertIdea, readIdeas } from '@throughline/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { boardJson, sampleIdea } from '../helpers/fixtures.ts';
import { startServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';
import { useServer } from '../helpers/useServer.ts';
import { randomEdit } from './randomEdit.ts';

const t = useServer();
const open = t.open;

/** A tiny seeded generator (Lehmer), so a failing fast-check case replays exactly. */
function lehmer(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 48271) % 2147483647;
    return x / 2147483647;
  };
}

describe('board sync with stock WebsocketProvider clients', () => {
  it('two clients converge on a seeded burst of random edits, and a late joiner gets everything', async () => {
    const s = await sessionWithPeople(t.server.url);
    const a = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    const b = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < 300; i++) randomEdit(rand() < 0.5 ? a : b, rand);
    await waitFor(() => boardJson(a.doc) === boardJson(b.doc), 'convergence');
    expect(readIdeas(a.doc).length).toBeGreaterThan(10);

    const late = open(t.server.wsUrl, s.sessionId, 'board', s.viewer.token);
    await waitSynced(late);
    await waitFor(() => boardJson(late.doc) === boardJson(a.doc), 'late joiner catch-up');
  });

  it('converges for any interleaving of edits from three clients (fast-check)', async () => {
    const s = await sessionWithPeople(t.server.url);
    const clients = [
      open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken),
      open(t.server.wsUrl, s.sessionId, 'board', s.participant.token),
      open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken),
    ];
    await Promise.all(clients.map(waitSynced));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 2 ** 30 })), { minLength: 1, maxLength: 40 }),
        async (ops) => {
          for (const [who, seed] of ops) randomEdit(clients[who] as Peer, lehmer(seed));
          await waitFor(() => clients.every((c) => boardJson(c.doc) === boardJson((clients[0] as Peer).doc)), 'fuzz convergence');
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  });

  it('acknowledges writes only once they are durable, with the persisted state vector', async () => {
    const s = await sessionWithPeople(t.server.url);
    const a = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token, { ack: true });
    await waitSynced(a);
    a.doc.transact(() => insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:acked' as never, text: 'durable' })));
    await waitFor(() => isSaved(a), 'ack covering the edit');
    // Read straight from the store: the acknowledged edit must already be on disk.
    const fromDisk = await storedDoc(t.server.app.store, s.sessionId, 'board');
    expect(ideasMap(fromDisk).get('idea:acked')?.get('text')).toBe('durable');
  });

  it('keeps a session isolated from another session', async () => {
    const s1 = await sessionWithPeople(t.server.url);
    const s2 = await sessionWithPeople(t.server.url);
    const a = open(t.server.wsUrl, s1.sessionId, 'board', s1.facilitatorToken);
    const b = open(t.server.wsUrl, s2.sessionId, 'board', s2.facilitatorToken);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:only-in-s1' as never }));
    const watcher = open(t.server.wsUrl, s1.sessionId, 'board', s1.participant.token);
    await waitFor(() => ideasMap(watcher.doc).has('idea:only-in-s1'), 's1 relay');
    expect(ideasMap(b.doc).has('idea:only-in-s1')).toBe(false);
  });

  it('unloads a document after its last client leaves, and reloads it intact', async () => {
    const quick = await startServer({ idleUnloadMs: 50 });
    try {
      const s = await sessionWithPeople(quick.url);
      const a = connectDoc(quick.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
      await waitSynced(a);
      insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:kept' as never }));
      await waitFor(() => isSaved(a), 'saved');
      a.destroy();
      await waitFor(() => !quick.app.rooms.isLoaded(s.sessionId, 'board'), 'unload');
      const b = connectDoc(quick.wsUrl, s.sessionId, 'board', s.participant.token);
      await waitSynced(b);
      expect(ideasMap(b.doc).get('idea:kept')?.get('text')).toBe('note');
      b.destroy();
    } finally {
      await quick.close();
    }
  });
});
