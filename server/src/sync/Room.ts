import { type AuthorFields, DeletedAuthors, Origins } from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { NO_SYNC_METRICS, type SyncMetrics } from '../metrics/Metrics.ts';
import type { Relay } from '../relay/Relay.ts';
import type { Store } from '../store/Store.ts';
import { ackFrame, awarenessFrame, isEmptyStateVector, syncStep2, syncStep2Of, syncUpdate } from './messages.ts';
import { hasPending } from './updateGuard.ts';

/** What a Room needs from a connection: a way to send bytes and its ack bookkeeping. */
export interface RoomPeer {
  send(frame: Uint8Array): void;
  close?(code: number, reason: string): void;
  /** Write messages received on this socket so far. */
  readonly writesReceived: number;
  readonly wantsAck: boolean;
  ackDue: boolean;
}

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appends. */
  compactEvery: number;
  /** Minimum time between two acknowledgement rounds in this room. */
  ackIntervalMs: number;
  /** Other server instances holding this document, if any. */
  relay: Relay | null;
  onError: (err: unknown) => void;
  /** Called once when a write to the store failed and the room must be dropped. */
  onFailed?: (room: Room) => void;
  /** Records in this document that carry an author (see checkAuthorship). */
  authorship?: readonly AuthorFields[];
  metrics?: SyncMetrics;
}

/** Marks awareness ids owned by a client of another server instance. */
export const REMOTE_OWNER = 'remote' as const;

/**
 * One loaded Yjs document and the sockets syncing it. Every change to the
 * doc, whoever made it (a client, a command, the AI), goes through
 * `onUpdate`: appended to the store, then relayed to every other peer and
 * other server instance (after it is durable). Changes that came *from*
 * another instance (`Origins.remote`) were persisted there before they were
 * published, so they are only relayed to local peers.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  /** awareness id → the peer allowed to speak for it. */
  readonly awarenessOwners = new Map<number, RoomPeer | typeof REMOTE_OWNER>();
  /** awareness id → the participant who first claimed it; survives disconnects so only they can reclaim it. */
  readonly awarenessParticipants = new Map<number, string>();
  private appendsSinceSnapshot = 0;
  private ackScheduled = false;
  private refreshTimer: NodeJS.Timeout | null = null;
  private failed = false;
  /** The append of the latest local update; read by `appendOf` right after a transaction. */
  private lastAppend: Promise<void> | null = null;
  /**
   * This room's latest append, settled either way. The store commits in
   * order, so once it settles every earlier append of this room has too:
   * acknowledgements wait on it, not on other sessions' writes.
   */
  private tail: Promise<void> = Promise.resolve();
  private lastAckAt = 0;
  /** Authors of records deleted while loaded, so an undo may bring them back (see DeletedAuthors). */
  readonly deletedAuthors: DeletedAuthors | null;
  /** When the oldest write still awaiting an acknowledgement arrived (ack latency). */
  private ackDueSince = 0;
  private readonly metrics: SyncMetrics;
  /**
   * The whole doc as a step-2 frame, for clients that hold nothing yet:
   * encoded once and shared by every join until the doc next changes (right
   * after a load it is the stored snapshot itself, never re-encoded).
   */
  private fullStateFrame: Uint8Array | null = null;
  /** Joins waiting for the stored doc while it loads (see `onStored`); null once it has been read. */
  private storedListeners: ((frame: Uint8Array) => void)[] | null = [];
  /** The state vector of the stored doc, right after it was applied: what a client sent it holds. */
  private storedStateVector: Uint8Array | null = null;

  constructor(
    readonly sessionId: string,
    readonly docName: string,
    private readonly store: Store,
    private readonly opts: RoomOptions,
  ) {
    this.metrics = opts.metrics ?? NO_SYNC_METRICS;
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.deletedAuthors = opts.authorship?.length ? new DeletedAuthors(this.doc, opts.authorship) : null;
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  /** Replays the persisted snapshot and log. Tagged `load` so it is not persisted again. */
  async load(): Promise<void> {
    // A previous instance of this room may still have appends in flight. Only a barrier: a write that
    // failed belongs to the room that made it, which has already been told.
    await this.store.whenDurable().catch(() => {});
    const stored = await this.store.loadDoc(this.sessionId, this.docName);
    const frame = stored.snapshot && stored.updates.length === 0 ? syncStep2Of(stored.snapshot) : null;
    const waiting = this.storedListeners ?? [];
    this.storedListeners = null;
    if (frame && waiting.length > 0) {
      for (const send of waiting) send(frame);
      // Let the sockets start writing before the apply below holds the event loop: the client decodes
      // the snapshot while we do.
      await new Promise((r) => setImmediate(r));
    }
    // Not listening meanwhile: Yjs would encode the whole loaded doc once more for an update event we ignore.
    this.doc.off('update', this.onUpdate);
    try {
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, Origins.load);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u, Origins.load);
      }, Origins.load);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    this.appendsSinceSnapshot = stored.updates.length;
    if (frame) {
      this.fullStateFrame = frame;
      this.storedStateVector = Y.encodeStateVector(this.doc);
    }
  }

  /**
   * Calls `send` with the whole stored doc as a step-2 frame as soon as it is
   * read from the store, before the room has applied it (decision 1802), if
   * the room is still loading and the doc is a bare snapshot. A fresh join
   * answered this way gets what changed since with `catchUpFrom`.
   */
  onStored(send: (frame: Uint8Array) => void): void {
    this.storedListeners?.push(send);
  }

  /** What a client sent `frame` by `onStored` lacks now: null when the doc has not changed since. */
  catchUpFrom(frame: Uint8Array): Uint8Array | null {
    if (this.fullStateFrame === frame) return null;
    return syncStep2(this.doc, this.storedStateVector ?? undefined);
  }

  /** The step-2 answer to a client's state vector: what it lacks (all of it, shared, for a fresh join). */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return syncStep2(this.doc, stateVector);
    this.fullStateFrame ??= syncStep2(this.doc);
    return this.fullStateFrame;
  }

  /**
   * A write did not reach the store. The doc in memory now holds something
   * the disk lacks, so it must not be acknowledged or compacted: close every
   * socket (clients reconnect, reload from disk and resend what they have)
   * and let the manager drop this room.
   */
  fail(err: unknown): void {
    this.opts.onError(err);
    if (this.failed) return;
    this.failed = true;
    for (const p of this.peers) p.close?.(1012, 'a change could not be saved; reconnecting');
    this.opts.onFailed?.(this);
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  /**
   * Runs `write` (one transaction on this room's doc) and returns the store
   * append of what it changed, or null if it changed nothing: the caller
   * waits for exactly its own write, not for anyone else's.
   */
  appendOf(write: () => void): Promise<void> | null {
    this.lastAppend = null;
    write();
    const appended = this.lastAppend;
    this.lastAppend = null;
    return appended;
  }

  /**
   * Applies a client's update. When every struct in it is new to the doc and
   * nothing is pending (`asSent`), the room appends and fans out the bytes as
   * received: Yjs then need not re-encode them for the `update` event, about
   * a third of applying a large update. If the apply parks anything as
   * pending or sets off further transactions, what changed is encoded from
   * the doc instead (and sent to every peer, the sender too).
   */
  applyFromPeer(update: Uint8Array, peer: RoomPeer, asSent: boolean): void {
    if (!asSent || hasPending(this.doc)) {
      Y.applyUpdate(this.doc, update, peer);
      return;
    }
    const transactions: Y.Transaction[] = [];
    const seen = (tr: Y.Transaction) => transactions.push(tr);
    this.doc.off('update', this.onUpdate);
    this.doc.on('afterTransaction', seen);
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      this.doc.off('afterTransaction', seen);
      this.doc.on('update', this.onUpdate);
    }
    const first = transactions[0];
    if (!first || !transactions.some(changedDoc)) return;
    if (transactions.length === 1 && !hasPending(this.doc)) this.onUpdate(update, peer);
    else this.onUpdate(appliedSince(this.doc, first.beforeState), null);
  }

  /** The relay key of this document. */
  get key(): string {
    return `${this.sessionId}/${this.docName}`;
  }

  /**
   * Applies an update from another instance (or re-read from the store):
   * relayed locally, not persisted. Updates from several instances can
   * arrive out of order; if one waits on another we have not seen, re-read
   * the store shortly, where it is by now.
   */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, Origins.remote);
    if (hasPending(this.doc) && !this.refreshTimer) {
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = null;
        this.refresh().catch(this.opts.onError);
      }, 50);
      this.refreshTimer.unref();
    }
  }

  /**
   * Applies awareness from another instance. Entries for ids a local socket
   * owns are dropped (nobody elsewhere speaks for them); the rest become
   * owned by "remote", so no local socket can claim them.
   */
  applyRemoteAwareness(update: Uint8Array): void {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const kept = encoding.createEncoder();
    let count = 0;
    const body = encoding.createEncoder();
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = decoding.readVarString(d);
      const owner = this.awarenessOwners.get(id);
      if (owner !== undefined && owner !== REMOTE_OWNER) continue;
      if (state === 'null') {
        if (owner === REMOTE_OWNER) this.awarenessOwners.delete(id);
      } else if (owner === undefined) {
        this.awarenessOwners.set(id, REMOTE_OWNER);
        const who = (JSON.parse(state) as { user?: { participantId?: string } }).user?.participantId;
        if (who) this.awarenessParticipants.set(id, who);
      }
      encoding.writeVarUint(body, id);
      encoding.writeVarUint(body, clock);
      encoding.writeVarString(body, state);
      count++;
    }
    if (count === 0) return;
    encoding.writeVarUint(kept, count);
    encoding.writeUint8Array(kept, encoding.toUint8Array(body));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(kept), Origins.remote);
  }

  /** Re-reads the store and applies what we lack (after missing relay messages). */
  async refresh(): Promise<void> {
    const stored = await this.store.loadDoc(this.sessionId, this.docName);
    if (stored.snapshot) this.applyRemote(stored.snapshot);
    for (const u of stored.updates) this.applyRemote(u);
  }

  /** True when the log has grown since the last snapshot. */
  get dirty(): boolean {
    return this.appendsSinceSnapshot > 0;
  }

  compact(): Promise<void> {
    this.appendsSinceSnapshot = 0;
    return this.store.compact(this.sessionId, this.docName, Y.encodeStateAsUpdate(this.doc));
  }

  /**
   * Sends `peer` an acknowledgement once everything applied so far is
   * durable. Coalesced: writes handled together share one wait on this
   * room's latest append and one state vector, and a room acknowledges at most once
   * per `ackIntervalMs` (the first write after a quiet spell immediately, the
   * rest trailing), which is plenty for a "Saved" indicator and keeps a
   * fast typist or a drag from drawing an ack frame per keystroke.
   */
  scheduleAck(peer: RoomPeer): void {
    if (!peer.wantsAck) return;
    peer.ackDue = true;
    if (this.ackScheduled) return;
    this.ackScheduled = true;
    this.ackDueSince = performance.now();
    const wait = this.lastAckAt + this.opts.ackIntervalMs - Date.now();
    if (wait > 0) setTimeout(() => this.captureAcks(), wait).unref();
    else queueMicrotask(() => this.captureAcks());
  }

  private captureAcks(): void {
    this.ackScheduled = false;
    this.lastAckAt = Date.now();
    // Every update applied to the doc so far has been handed to the store
    // (onUpdate appends synchronously), so once this room's latest append
    // has settled, this state vector and these counts are on disk, unless
    // an append failed, in which case the room has failed and says nothing.
    const stateVector = Y.encodeStateVector(this.doc);
    const due: [RoomPeer, number][] = [];
    for (const p of this.peers) {
      if (!p.ackDue) continue;
      p.ackDue = false;
      due.push([p, p.writesReceived]);
    }
    if (due.length === 0) return;
    const since = this.ackDueSince;
    void this.tail.then(() => {
      if (this.failed) return;
      for (const [p, received] of due) p.send(ackFrame(received, stateVector));
      this.metrics.acked((performance.now() - since) / 1000);
    });
  }

  destroy(): void {
    this.deletedAuthors?.destroy();
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullStateFrame = null;
    if (origin === Origins.load) return;
    if (origin !== Origins.remote) {
      const appended = this.store.appendUpdate(this.sessionId, this.docName, update);
      // Published at once, as local peers get it: other instances' clients see a change as soon as
      // ours do, and "Saved" (the ack) still waits for the store. An instance that subscribes and
      // loads while this append commits re-reads the store once more (RoomManager.relayRoom).
      this.opts.relay?.publishUpdate(this.key, update);
      const t0 = performance.now();
      appended.then(
        () => this.metrics.committed((performance.now() - t0) / 1000),
        (err) => this.fail(err),
      );
      this.lastAppend = appended;
      this.tail = appended.catch(() => {});
      if (++this.appendsSinceSnapshot >= this.opts.compactEvery) this.compact().catch(this.opts.onError);
    }
    const frame = syncUpdate(update);
    let sent = 0;
    for (const p of this.peers) {
      if (p === origin) continue;
      p.send(frame);
      sent++;
      // A peer that was saved is not any more until this update is durable too: tell it when it is,
      // or a participant who stopped typing while others go on would read "Saving…" for good.
      this.scheduleAck(p);
    }
    this.metrics.updateOut(frame.length, sent);
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const frame = awarenessFrame(this.awareness, changed);
    for (const p of this.peers) p.send(frame);
    if (origin !== Origins.remote && this.opts.relay) {
      this.opts.relay.publishAwareness(this.key, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };
}

/** True when a transaction changed the doc (Yjs emits `update` only then). */
function changedDoc(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** What `doc` took since `state`: Yjs would add what it parked as pending, which is not the doc's yet. */
function appliedSince(doc: Y.Doc, state: Map<number, number>): Uint8Array {
  const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(state));
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}
