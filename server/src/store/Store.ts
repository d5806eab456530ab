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

/** A mail waiting in (or gone from) the outbox. `dedupeKey` makes enqueueing idempotent across instances. */
export interface OutboxMail {
  id: string;
  sessionId: string;
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe). */
  headers: Record<string, string>;
  state: 'queued' | 'sent' | 'failed';
  attempts: number;
  /** Not before this time (ISO): the next attempt. */
  nextAt: string;
  lastError: string | null;
  createdAt: string;
}

/** What a participant last saw of a session: when, and the board and comments state vectors then. */
export interface SeenMark {
  sessionId: string;
  participantId: string;
  at: string;
  board: Uint8Array | null;
  comments: Uint8Array | null;
}

/** A participant's contact for notifications; `email` null when they gave none or unsubscribed. */
export interface Contact {
  participantId: string;
  sessionId: string;
  email: string | null;
  unsubscribed: boolean;
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

  /** When the scheduler must next look at a session; null removes it from the schedule. */
  setWake(sessionId: string, at: string | null): Promise<void>;
  /** Sessions whose wake time (ISO, UTC) is at or before `now`. */
  dueWakes(now: string, limit: number): Promise<string[]>;

  /** Queues a mail unless one with the same `dedupeKey` exists (so any instance may enqueue the same notice). */
  enqueueMail(mail: OutboxMail): Promise<void>;
  /**
   * Takes up to `limit` queued mails due at `now` for sending, leasing them
   * until `leaseUntil` so no other instance takes them meanwhile.
   */
  claimMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]>;
  /** Records an attempt's outcome: sent, failed for good, or queued again for `nextAt`. */
  settleMail(id: string, patch: Pick<OutboxMail, 'state' | 'attempts' | 'nextAt' | 'lastError'>): Promise<void>;
  listMail(sessionId: string): Promise<OutboxMail[]>;

  /** Keeps a webhook delivery (an opaque JSON job) so it resumes after a restart, leased to this instance until `leaseUntil`. */
  saveWebhookJob(id: string, sessionId: string, job: string, leaseUntil: string): Promise<void>;
  /** Drops a webhook delivery that is delivered or has failed for good. */
  dropWebhookJob(id: string, sessionId: string): Promise<void>;
  /** Takes the deliveries whose lease ran out by `now` (their instance stopped), leasing them until `leaseUntil`. */
  claimWebhookJobs(now: string, leaseUntil: string): Promise<StoredWebhookJob[]>;

  setContact(contact: Contact): Promise<void>;
  listContacts(sessionId: string): Promise<Contact[]>;

  putSeen(mark: SeenMark): Promise<void>;
  getSeen(sessionId: string, participantId: string): Promise<SeenMark | null>;
  /** The newest mark of anyone in the session taken at or before `at`: a checkpoint of the docs then. */
  seenCheckpoint(sessionId: string, at: string): Promise<SeenMark | null>;

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

/** A webhook delivery kept across restarts (see `WebhookDispatcher`). */
export interface StoredWebhookJob {
  id: string;
  sessionId: string;
  job: string;
}

/** One connection pool's state: open connections, idle ones, and callers waiting for one. */
export interface PoolStats {
  pools: { name: string; total: number; idle: number; waiting: number; max: number }[];
}
