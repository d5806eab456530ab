import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { auditFromRow, type PendingWrite, participantFromRow, sessionFromRow, type WriteOp } from './rows.ts';
import type { AuditEntry, ParticipantRecord, SessionRecord, Store, StoredDoc } from './Store.ts';

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
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly writer: Worker;
  private queue: PendingWrite[] = [];
  private inFlight: { id: number; batch: PendingWrite[] } | null = null;
  private nextId = 1;
  private scheduled = false;
  private closed = false;
  private broken: Error | null = null;
  private readonly stmt;

  constructor(opts: SqliteStoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'throughline.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.stmt = {
      getSession: this.db.prepare('SELECT * FROM sessions WHERE id = ?'),
      listParticipants: this.db.prepare('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id'),
      snapshot: this.db.prepare('SELECT data FROM doc_snapshots WHERE session_id = ? AND doc = ?'),
      updates: this.db.prepare('SELECT data FROM doc_updates WHERE session_id = ? AND doc = ? ORDER BY seq'),
      listAudit: this.db.prepare('SELECT * FROM audit WHERE session_id = ? ORDER BY seq'),
    };
    this.writer = new Worker(new URL('./sqliteWriter.worker.mjs', import.meta.url), { workerData: { file } });
    this.writer.on('message', (msg: { id?: number; failed?: { index: number; error: string }[] }) => this.onCommitted(msg));
    this.writer.on('error', (err) => this.fatal(err));
  }

  createSession(session: SessionRecord, facilitator: ParticipantRecord): Promise<void> {
    return this.enqueue({ kind: 'session', session, facilitator });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.stmt.getSession.get(id) as Record<string, unknown> | undefined;
    return r ? sessionFromRow(r) : null;
  }

  addParticipant(participant: ParticipantRecord): Promise<void> {
    return this.enqueue({ kind: 'participant', participant });
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return (this.stmt.listParticipants.all(sessionId) as Record<string, unknown>[]).map(participantFromRow);
  }

  async loadDoc(sessionId: string, doc: string): Promise<StoredDoc> {
    const snap = this.stmt.snapshot.get(sessionId, doc) as { data: Buffer } | undefined;
    const updates = (this.stmt.updates.all(sessionId, doc) as { data: Buffer }[]).map((r) => new Uint8Array(r.data));
    return { snapshot: snap ? new Uint8Array(snap.data) : null, updates };
  }

  appendUpdate(sessionId: string, doc: string, data: Uint8Array): Promise<void> {
    return this.enqueue({ kind: 'append', sessionId, doc, data });
  }

  compact(sessionId: string, doc: string, data: Uint8Array): Promise<void> {
    return this.enqueue({ kind: 'compact', sessionId, doc, data });
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.enqueue({ kind: 'audit', entry });
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    return (this.stmt.listAudit.all(sessionId) as Record<string, unknown>[]).map(auditFromRow);
  }

  whenDurable(): Promise<void> {
    if (this.queue.length === 0 && !this.inFlight) return Promise.resolve();
    return this.enqueue({ kind: 'marker' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.whenDurable().catch(() => {});
    this.closed = true;
    await new Promise<void>((done) => {
      this.writer.once('exit', () => done());
      this.writer.once('message', () => this.writer.terminate());
      this.writer.postMessage({ close: true });
    });
    this.db.close();
  }

  private enqueue(op: WriteOp): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((done, fail) => {
      this.queue.push({ op, done, fail });
      this.schedule();
    });
  }

  /** Sends the queue as one batch once the current commit (if any) is done; same-tick writes go together. */
  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  private send(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.inFlight = { id: this.nextId++, batch };
    this.writer.postMessage({ id: this.inFlight.id, ops: batch.map((w) => w.op) });
  }

  private onCommitted(msg: { id?: number; failed?: { index: number; error: string }[] }): void {
    const flight = this.inFlight;
    if (!flight || msg.id !== flight.id) return;
    this.inFlight = null;
    const failed = new Map((msg.failed ?? []).map((f) => [f.index, f.error]));
    flight.batch.forEach((w, i) => {
      const error = failed.get(i);
      if (error === undefined) w.done();
      else w.fail(new Error(`SQLite write failed: ${error}`));
    });
    this.send();
  }

  private fatal(err: Error): void {
    this.broken = err;
    for (const w of [...(this.inFlight?.batch ?? []), ...this.queue]) w.fail(err);
    this.inFlight = null;
    this.queue = [];
  }
}
