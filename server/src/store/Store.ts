import type { Role } from '@throughline/shared';

/** A session's identity and invites. The brief and everything else live in its Yjs docs. */
export interface SessionRecord {
  id: string;
  createdAt: string;
  title: string;
  facilitatorId: string;
  participantInvite: string;
  viewerInvite: string;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  name: string;
  role: Role;
  joinedAt: string;
}

/** What is persisted for one document: the latest snapshot and the updates appended after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

export interface AuditEntry {
  sessionId: string;
  participantId: string;
  role: Role;
  type: string;
  payload: unknown;
  outcome: 'ok' | string;
  at: string;
}

/**
 * Persistence behind one small interface (Hocuspocus-style), so SQLite and
 * PostgreSQL plug in the same way. Appends are group-committed: the promise
 * resolves only once the update is durable, and `whenDurable` resolves once
 * everything appended so far is.
 */
export interface Store {
  createSession(session: SessionRecord, facilitator: ParticipantRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  addParticipant(p: ParticipantRecord): Promise<void>;
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;

  loadDoc(sessionId: string, doc: string): Promise<StoredDoc>;
  appendUpdate(sessionId: string, doc: string, update: Uint8Array): Promise<void>;
  /** Replaces every update appended before this call with `snapshot` (which must cover them). */
  compact(sessionId: string, doc: string, snapshot: Uint8Array): Promise<void>;
  whenDurable(): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(sessionId: string): Promise<AuditEntry[]>;

  /**
   * True when other server instances may write the same sessions (so a
   * loaded document can lag behind the store until the relay catches up).
   */
  readonly shared: boolean;
  /**
   * Takes the session's command lock, held against every instance that
   * shares this store, and resolves with the function that releases it.
   * Commands run under it so read-check-write handlers never interleave.
   */
  lockSession(sessionId: string): Promise<() => Promise<void>>;

  /** Resolves when the database answers a trivial query; rejects when it is out of reach (readiness). */
  ping(): Promise<void>;
  /** Connection pool figures for metrics, or null for a store without a pool. */
  poolStats(): PoolStats | null;

  close(): Promise<void>;
}

/** One connection pool's state: open connections, idle ones, and callers waiting for one. */
export interface PoolStats {
  pools: { name: string; total: number; idle: number; waiting: number; max: number }[];
}
