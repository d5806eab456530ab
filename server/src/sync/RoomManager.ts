import {
  type AuthorFields,
  BOARD_AUTHORSHIP,
  BOARD_MIGRATIONS,
  COMMENTS_MIGRATIONS,
  CONTROL_MIGRATIONS,
  DRAFTS_MIGRATIONS,
  type Migration,
  migrateDoc,
  Origins,
  originSource,
  repairRelayedThreads,
} from '@throughline/shared';
import type { SyncMetrics } from '../metrics/Metrics.ts';
import type { Relay } from '../relay/Relay.ts';
import type { Store } from '../store/Store.ts';
import { Room } from './Room.ts';

export interface RoomManagerOptions {
  /** Unload a document this long after its last holder let go. */
  idleUnloadMs: number;
  compactEvery: number;
  ackIntervalMs: number;
  relay: Relay | null;
  onError: (err: unknown) => void;
  metrics?: SyncMetrics;
}

interface Entry {
  /** The room, also while it loads. */
  pending: Room;
  loading: Promise<Room>;
  room: Room | null;
  holds: number;
  idleTimer: NodeJS.Timeout | null;
}

/** How long after subscribing a room re-reads the store for appends that were published before they committed. */
const LATE_COMMIT_MS = 1_000;

const migrationsFor = (docName: string): readonly Migration[] => {
  if (docName === 'board') return BOARD_MIGRATIONS;
  if (docName === 'control') return CONTROL_MIGRATIONS;
  if (docName === 'comments') return COMMENTS_MIGRATIONS;
  if (docName.startsWith('drafts:')) return DRAFTS_MIGRATIONS;
  return [];
};

/** A client's update is applied with its connection as origin; another instance's with `Origins.remote` (see Room). */
const RELAYED_THREAD_ORIGINS = {
  fromClient: (origin: unknown) => typeof origin === 'object' && origin !== null && originSource(origin) === null,
  relayed: (origin: unknown) => origin === Origins.remote,
};

/** Documents whose records carry an author the sync guard enforces. */
const authorshipFor = (docName: string): readonly AuthorFields[] => (docName === 'board' ? BOARD_AUTHORSHIP : []);

/**
 * Keeps each session document loaded while anyone holds it (a socket, a
 * running command, an AI generation), and unloads it a while after the last
 * holder lets go, compacting its log first.
 */
export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly opts: RoomManagerOptions,
  ) {
    // Messages published while the relay was away are in the store: re-read.
    opts.relay?.onReconnect(() => {
      for (const e of this.entries.values()) e.room?.refresh().catch(opts.onError);
    });
  }

  /**
   * Loads (once) and holds a document. Every acquire must be paired with a
   * release. `onStored`, if the document is still loading, is handed the
   * stored doc as a step-2 frame before the room applies it (see `Room.onStored`).
   */
  async acquire(sessionId: string, docName: string, onStored?: (frame: Uint8Array) => void): Promise<Room> {
    if (this.closed) throw new Error('the server is shutting down');
    const key = `${sessionId}/${docName}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const room = new Room(sessionId, docName, this.store, {
        compactEvery: this.opts.compactEvery,
        ackIntervalMs: this.opts.ackIntervalMs,
        relay: this.opts.relay,
        onError: this.opts.onError,
        onFailed: (failed) => this.evict(key, failed),
        authorship: authorshipFor(docName),
        ...(this.opts.metrics ? { metrics: this.opts.metrics } : {}),
      });
      // Concurrent first comments through two instances meet here: the instance whose client's thread lost repairs it (decision 1200).
      if (docName === 'comments') repairRelayedThreads(room.doc, RELAYED_THREAD_ORIGINS);
      const created: Entry = {
        pending: room,
        room: null,
        holds: 0,
        idleTimer: null,
        loading: room.load().then(() => {
          migrateDoc(room.doc, migrationsFor(docName));
          created.room = room;
          this.relayRoom(key, room);
          return room;
        }),
      };
      created.loading.catch(() => this.entries.delete(key));
      this.entries.set(key, created);
      entry = created;
    }
    entry.holds++;
    if (onStored && !entry.room) entry.pending.onStored(onStored);
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    try {
      return await entry.loading;
    } catch (err) {
      entry.holds--;
      throw err;
    }
  }

  release(room: Room): void {
    const key = `${room.sessionId}/${room.docName}`;
    const entry = this.entries.get(key);
    if (!entry || entry.room !== room) return;
    entry.holds = Math.max(0, entry.holds - 1);
    if (entry.holds > 0) return;
    entry.idleTimer = setTimeout(() => {
      this.unload(key).catch(this.opts.onError);
    }, this.opts.idleUnloadMs);
    entry.idleTimer.unref();
  }

  /** Runs `fn` with the documents held, releasing them afterwards whatever happens. */
  async with<T>(sessionId: string, docNames: string[], fn: (...rooms: Room[]) => Promise<T> | T): Promise<T> {
    const rooms: Room[] = [];
    try {
      for (const d of docNames) rooms.push(await this.acquire(sessionId, d));
      return await fn(...rooms);
    } finally {
      for (const r of rooms) this.release(r);
    }
  }

  /**
   * Like `with`, for reads people act on (exports, the session summary):
   * when other instances may have written without this one hearing it
   * (a shared store with the relay down or absent), the rooms are first
   * brought up to date from the store.
   */
  async withCurrent<T>(sessionId: string, docNames: string[], fn: (...rooms: Room[]) => Promise<T> | T): Promise<T> {
    return this.with(sessionId, docNames, async (...rooms) => {
      if (this.store.shared && !this.opts.relay?.healthy) await Promise.all(rooms.map((r) => r.refresh()));
      return fn(...rooms);
    });
  }

  /**
   * Starts relaying a loaded room. Loading never waits on the relay (a Redis
   * outage must not stop documents opening); once subscribed, the room
   * re-reads the store for anything published before the subscription took
   * effect (updates are published only after they are durable).
   */
  private relayRoom(key: string, room: Room): void {
    const relay = this.opts.relay;
    if (!relay) return;
    relay
      .subscribe(key, { update: (u) => room.applyRemote(u), awareness: (u) => room.applyRemoteAwareness(u) })
      .then(() => room.refresh())
      .then(() => {
        // Instances publish before their append commits: one published before we subscribed and
        // committed after we read is in neither. Read once more when such commits have landed.
        setTimeout(() => {
          if (this.entries.get(key)?.room === room) room.refresh().catch(this.opts.onError);
        }, LATE_COMMIT_MS).unref();
      })
      .catch(this.opts.onError);
  }

  /** Drops a room whose write failed, without compacting what the disk lacks; its sockets are already closed. */
  private evict(key: string, room: Room): void {
    const entry = this.entries.get(key);
    if (entry?.room !== room) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    this.entries.delete(key);
    this.opts.relay?.unsubscribe(key).catch(this.opts.onError);
    room.destroy();
  }

  /** Number of documents currently in memory (for tests and metrics). */
  get loadedCount(): number {
    return this.entries.size;
  }

  isLoaded(sessionId: string, docName: string): boolean {
    return this.entries.has(`${sessionId}/${docName}`);
  }

  /** Compacts and drops every document: used on shutdown. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.entries.keys()].map((k) => this.unload(k, true)));
  }

  private async unload(key: string, force = false): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry?.room || (entry.holds > 0 && !force)) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    this.entries.delete(key);
    const room = entry.room;
    this.opts.relay?.unsubscribe(key).catch(this.opts.onError);
    if (room.dirty) await room.compact().catch(this.opts.onError);
    // Only a barrier: a failed write was reported to its room when it failed, and must not stop an unload.
    await this.store.whenDurable().catch(() => {});
    room.destroy();
  }
}
