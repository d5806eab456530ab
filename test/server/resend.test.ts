import { MessageType, readIdeas } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { startFailoverProxy } from '../helpers/failoverProxy.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startPostgres } from '../helpers/services.ts';
import { startServer } from '../helpers/startServer.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => {});
});

/**
 * A client that lost track of what the server has (a failover, a database
 * restart, a local copy replayed) sends its whole document again: every
 * struct the server already holds, note fields the server owns included.
 */
function resendEverything(peer: Peer): void {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(peer.doc));
  peer.provider.ws?.send(encoding.toUint8Array(e));
}

/** Saved as the header decides it: every write this socket sent counted, the local state covered. */
const savedAfter = (peer: Peer, writes: number) => isSaved(peer) && (peer.acked?.received ?? 0) >= writes;

const note = (peer: Peer, id: string) => peer.doc.transact(() => peer.doc.getMap('ideas').set(id, noteMap(peer, id)));
function noteMap(peer: Peer, id: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(sampleIdea({ ...peer.author, id: id as never, text: id }))) if (k !== 'id') m.set(k, v);
  return m;
}

describe('resends after a reconnect', () => {
  it('are accepted after a failover to another instance, and Saved returns', async () => {
    const pg = await startPostgres();
    cleanup.push(() => pg.stop());
    const a = await startServer({ databaseUrl: pg.url });
    const b = await startServer({ databaseUrl: pg.url });
    cleanup.push(() => b.close());
    const proxy = await startFailoverProxy([a.url, b.url]);
    cleanup.push(() => proxy.close());
    await new Promise((r) => setTimeout(r, 300)); // the balancer's first readiness poll

    const s = await createSession(proxy.url);
    const peer = connectDoc(proxy.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(peer);
    note(peer, 'idea:before');
    await waitFor(() => isSaved(peer), 'saved on the first instance');

    await a.close(); // the instance goes away; the provider reconnects through the balancer to b
    await waitFor(() => peer.provider.wsconnected && peer.provider.synced, 'reconnected to the second instance', 20_000);
    resendEverything(peer);
    note(peer, 'idea:after');
    await waitFor(() => savedAfter(peer, 2), 'saved again', 20_000);
    expect(peer.denials).toEqual([]);
    const direct = connectDoc(b.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(direct);
    await waitFor(() => readIdeas(direct.doc).length === 2, 'both notes on the second instance');
    for (const p of [peer, direct]) p.destroy();
  }, 120_000);

  it('are accepted after a PostgreSQL restart, and Saved returns', async () => {
    const pg = await startPostgres();
    cleanup.push(() => pg.stop());
    const srv = await startServer({ databaseUrl: pg.url });
    cleanup.push(() => srv.close());

    const s = await createSession(srv.url);
    const peer = connectDoc(srv.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(peer);
    note(peer, 'idea:before');
    await waitFor(() => isSaved(peer), 'saved before the restart');

    await pg.down();
    note(peer, 'idea:during'); // cannot be stored: the room fails and closes its sockets (1012)
    await waitFor(() => peer.closes.length > 0, 'the socket closed by the failed write', 20_000);
    await pg.up();
    await waitFor(() => peer.provider.wsconnected && peer.provider.synced, 'reconnected', 60_000);
    resendEverything(peer);
    await waitFor(() => savedAfter(peer, 1), 'saved again', 30_000);
    expect(peer.denials).toEqual([]);
    const fresh = connectDoc(srv.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(fresh);
    expect(
      readIdeas(fresh.doc)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['idea:before', 'idea:during']);
    for (const p of [peer, fresh]) p.destroy();
  }, 120_000);
});
