import { createIdeaId, ideasMap, insertIdea, personIdea } from '@throughline/shared';
import * as Y from 'yjs';
import { connectDoc, sleep, waitSynced } from '../helpers/connectDoc.ts';

/**
 * The hostile-but-valid client of `BENCH_ONLY=hostile`, run in a process
 * of its own (`fork`) so that generating the attack does not starve the
 * bench process that measures other sessions. A stock provider that
 * ignores the server's word: it reconnects at once after any close (its
 * sync step 2 resending whatever was refused) and, whenever its socket is
 * open, writes a batch of long notes under its own name and deletes them,
 * the next as soon as the server acknowledged it (or closed the socket).
 *
 * Protocol: the parent sends `HostileConfig`, then `'stop'`; the child
 * answers with `HostileReport` and exits. It exits by itself if the parent goes.
 */
export interface HostileConfig {
  wsUrl: string;
  sessionId: string;
  token: string;
  batch: number;
  textLength: number;
}

export interface HostileReport {
  /** Batches written locally (insert then delete). */
  batches: number;
  /** Batches the server applied as sent, text and all (acknowledged on the socket that sent them). */
  batchesTaken: number;
  /** Sockets opened, and the reasons they were closed (numbers of seconds folded). */
  sockets: number;
  closes: string[];
}

async function attack(cfg: HostileConfig, stopped: () => boolean): Promise<HostileReport> {
  const peer = connectDoc(cfg.wsUrl, cfg.sessionId, 'board', cfg.token, {
    ack: true,
    provider: { maxBackoffTime: 100, shouldReconnect: () => true },
  });
  let sockets = 0;
  peer.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') sockets++;
  });
  await waitSynced(peer);
  const text = 'x'.repeat(cfg.textLength);
  let batches = 0;
  let batchesTaken = 0;
  const acked = () => peer.acked?.stateVector.get(peer.doc.clientID) ?? 0;
  while (!stopped()) {
    const ws = peer.provider.ws;
    if (!peer.provider.wsconnected || !ws) {
      await sleep(5);
      continue;
    }
    const ids: string[] = [];
    peer.doc.transact(() => {
      for (let i = 0; i < cfg.batch; i++) {
        const id = createIdeaId();
        ids.push(id);
        insertIdea(
          peer.doc,
          personIdea({
            id,
            text,
            x: i,
            y: i,
            color: '#ffec99',
            author: { id: peer.author.authorId, name: peer.author.authorName },
            createdAt: i,
          }),
        );
      }
    });
    peer.doc.transact(() => {
      for (const id of ids) ideasMap(peer.doc).delete(id);
    });
    batches++;
    // Paced by the server: the next batch once this one is acknowledged, or its socket closed (refused).
    const end = Y.getState(peer.doc.store, peer.doc.clientID);
    while (!stopped() && peer.provider.ws === ws && peer.provider.wsconnected && acked() < end) await sleep(2);
    if (peer.provider.ws === ws && acked() >= end) batchesTaken++;
  }
  const closes = [...new Set(peer.closes.map((c) => `${c.code} ${c.reason.replace(/\d+ s$/, 'N s')}`))];
  peer.destroy();
  return { batches, batchesTaken, sockets, closes };
}

if (process.send) {
  let stop = false;
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: HostileConfig | 'stop') => {
    if (m === 'stop') {
      stop = true;
      return;
    }
    attack(m, () => stop).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
