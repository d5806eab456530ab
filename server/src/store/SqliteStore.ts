import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GroupCommitStore } from './GroupCommitStore.ts';
import { KeyedMutex } from './KeyedMutex.ts';
import {
  asyncSchema,
  auditFromRow,
  contactFromRow,
  mailFromRow,
  participantFromRow,
  seenFromRow,
  sessionFromRow,
  type WriteOp,
  webhookJobFromRow,
} from './rows.ts';
import type { AuditEntry, Contact, OutboxMail, ParticipantRecord, SeenMark, SessionRecord, StoredDoc, StoredWebhookJob } from './Store.ts';

export interface SqliteStoreOptions {
  dataDir: string;
}
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, title TEXT NOT NULL,
  facilitator_id TEXT NOT NULL, participant_invite TEXT NOT NULL, viewer_invite TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
  name TEXT NOT NULL, role TEXT NOT NULL, joined_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS participants_session ON participants(session_id);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_key ON doc_updates(session_id, doc, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  session_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (session_id, doc));
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, at TEXT NOT NULL,
  participant_id TEXT NOT NULL, role TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, outcome TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_session ON audit(session_id, seq);
`;

/**
 * The embedded store: better-sqlite3 in WAL mode with `synchronous=FULL`, so
 * a commit is on disk before we acknowledge it. Reads run on this thread;
 * every write goes through one writer thread (`sqliteWriter.worker.mjs`).
 * While it commits one batch, new writes queue up and go together in the
 * next: group commit, with one fsync per batch and none on the event loop.
 */
export class SqliteStore extends GroupCommitStore {
  /** One process writes a data dir (compaction assumes it), so nobody else writes our sessions. */
  readonly shared = false;
  private readonly sessionLocks = new KeyedMutex();
  private readonly db: Database.Database;
  private readonly writer: Worker;
  /** Batches posted to the writer thread, by id, awaiting its reply. */
  private readonly pending = new Map<
    number,
    { resolve: (failed: { index: number; error: string }[]) => void; reject: (e: Error) => void }
  >();
  /** Set if the writer thread died: every write fails from then on, loudly. */
  private broken: Error | null = null;
  private nextId = 1;
  private closed = false;
  private readonly stmt;

  constructor(opts: SqliteStoreOptions) {
    super();
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'throughline.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.db.exec(asyncSchema('BLOB', 'INTEGER'));
    this.stmt = {
      getSession: this.db.prepare('SELECT * FROM sessions WHERE id = ?'),
      listParticipants: this.db.prepare('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id'),
      snapshot: this.db.prepare('SELECT data FROM doc_snapshots WHERE session_id = ? AND doc = ?'),
      updates: this.db.prepare('SELECT data FROM doc_updates WHERE session_id = ? AND doc = ? ORDER BY seq'),
      listAudit: this.db.prepare('SELECT * FROM audit WHERE session_id = ? ORDER BY seq'),
      dueWakes: this.db.prepare('SELECT session_id FROM session_wakes WHERE wake_at <= ? ORDER BY wake_at LIMIT ?'),
      dueMail: this.db.prepare(
        "SELECT * FROM mail_outbox WHERE state = 'queued' AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_at LIMIT ?",
      ),
      listMail: this.db.prepare('SELECT * FROM mail_outbox WHERE session_id = ? ORDER BY created_at, id'),
      listContacts: this.db.prepare('SELECT * FROM contacts WHERE session_id = ?'),
      getSeen: this.db.prepare('SELECT * FROM seen_marks WHERE session_id = ? AND participant_id = ?'),
      checkpoint: this.db.prepare('SELECT * FROM seen_marks WHERE session_id = ? AND at <= ? ORDER BY at DESC LIMIT 1'),
    };
    this.writer = new Worker(new URL('./sqliteWriter.worker.mjs', import.meta.url), { workerData: { file } });
    this.writer.on('message', (msg: { id?: number; failed?: { index: number; error: string }[] }) => {
      if (msg.id === undefined) return;
      this.pending.get(msg.id)?.resolve(msg.failed ?? []);
      this.pending.delete(msg.id);
    });
    this.writer.on('error', (err) => this.breakDown(err));
    this.writer.on('exit', (code) => {
      if (!this.closed) this.breakDown(new Error(`the SQLite writer thread exited (${code})`));
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.stmt.getSession.get(id) as Record<string, unknown> | undefined;
    return r ? sessionFromRow(r) : null;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return (this.stmt.listParticipants.all(sessionId) as Record<string, unknown>[]).map(participantFromRow);
  }

  async loadDoc(sessionId: string, doc: string): Promise<StoredDoc> {
    // One read transaction: snapshot and log from the same moment, whatever the writer does meanwhile.
    return this.db.transaction(() => {
      const snap = this.stmt.snapshot.get(sessionId, doc) as { data: Buffer } | undefined;
      const updates = (this.stmt.updates.all(sessionId, doc) as { data: Buffer }[]).map((r) => new Uint8Array(r.data));
      return { snapshot: snap ? new Uint8Array(snap.data) : null, updates };
    })();
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    return (this.stmt.listAudit.all(sessionId) as Record<string, unknown>[]).map(auditFromRow);
  }

  async dueWakes(now: string, limit: number): Promise<string[]> {
    return (this.stmt.dueWakes.all(now, limit) as { session_id: string }[]).map((r) => r.session_id);
  }

  /** One process per data dir, and one claimer in it (the mailer runs one batch at a time): read, then lease. */
  async claimMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]> {
    const due = (this.stmt.dueMail.all(now, now, limit) as Record<string, unknown>[]).map(mailFromRow);
    if (due.length > 0) await this.writes.push({ kind: 'mailLease', ids: due.map((m) => m.id), leaseUntil });
    return due;
  }

  /** One process per data dir: every stored delivery was left by its previous run, so all are ours (no lease to take). */
  async claimWebhookJobs(_now: string, _leaseUntil: string): Promise<StoredWebhookJob[]> {
    return (this.db.prepare('SELECT * FROM webhook_jobs').all() as Record<string, unknown>[]).map(webhookJobFromRow);
  }

  async listMail(sessionId: string): Promise<OutboxMail[]> {
    return (this.stmt.listMail.all(sessionId) as Record<string, unknown>[]).map(mailFromRow);
  }

  async listContacts(sessionId: string): Promise<Contact[]> {
    return (this.stmt.listContacts.all(sessionId) as Record<string, unknown>[]).map(contactFromRow);
  }

  async getSeen(sessionId: string, participantId: string): Promise<SeenMark | null> {
    const r = this.stmt.getSeen.get(sessionId, participantId) as Record<string, unknown> | undefined;
    return r ? seenFromRow(r) : null;
  }

  async seenCheckpoint(sessionId: string, at: string): Promise<SeenMark | null> {
    const r = this.stmt.checkpoint.get(sessionId, at) as Record<string, unknown> | undefined;
    return r ? seenFromRow(r) : null;
  }

  async lockSession(sessionId: string): Promise<() => Promise<void>> {
    const release = await this.sessionLocks.lock(sessionId);
    return async () => release();
  }

  async ping(): Promise<void> {
    if (this.broken) throw this.broken;
    this.db.prepare('SELECT 1').get();
  }

  poolStats(): null {
    return null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.close();
    await new Promise<void>((done) => {
      this.writer.once('exit', () => done());
      this.writer.once('message', () => this.writer.terminate());
      this.writer.postMessage({ close: true });
    });
    this.db.close();
  }

  /** Posts a batch to the writer thread and waits for its per-op failures. */
  protected commit(ops: WriteOp[]): Promise<Map<number, Error>> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (failed) => resolve(new Map(failed.map((f) => [f.index, new Error(`SQLite write failed: ${f.error}`)]))),
        reject,
      });
      this.writer.postMessage({ id, ops });
    });
  }

  private breakDown(err: Error): void {
    this.broken = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
