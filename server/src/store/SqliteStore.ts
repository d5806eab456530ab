import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry, ParticipantRecord, SessionRecord, Store, StoredDoc } from './Store.ts';

type Op =
  | { kind: 'append'; sessionId: string; doc: string; data: Uint8Array }
  | { kind: 'compact'; sessionId: string; doc: string; data: Uint8Array }
  | { kind: 'audit'; entry: AuditEntry }
  /** Writes nothing: resolves once everything queued before it is committed. */
  | { kind: 'marker' };

export interface SqliteStoreOptions {
  dataDir: string;
  /** How long to wait gathering appends into one commit. */
  commitDelayMs?: number;
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
 * a commit is on disk before we acknowledge it. Writes are queued and
 * group-committed every few milliseconds: one fsync covers every update
 * that arrived meanwhile, which is what keeps durable writes cheap.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private queue: { op: Op; done: () => void; fail: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly commitDelayMs: number;
  private closed = false;
  private readonly stmt;

  constructor(opts: SqliteStoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    this.db = new Database(join(opts.dataDir, 'throughline.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.commitDelayMs = opts.commitDelayMs ?? 2;
    this.stmt = {
      insertSession: this.db.prepare(
        'INSERT INTO sessions (id, created_at, title, facilitator_id, participant_invite, viewer_invite) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getSession: this.db.prepare('SELECT * FROM sessions WHERE id = ?'),
      insertParticipant: this.db.prepare('INSERT INTO participants (id, session_id, name, role, joined_at) VALUES (?, ?, ?, ?, ?)'),
      listParticipants: this.db.prepare('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id'),
      snapshot: this.db.prepare('SELECT data FROM doc_snapshots WHERE session_id = ? AND doc = ?'),
      updates: this.db.prepare('SELECT data FROM doc_updates WHERE session_id = ? AND doc = ? ORDER BY seq'),
      append: this.db.prepare('INSERT INTO doc_updates (session_id, doc, data) VALUES (?, ?, ?)'),
      putSnapshot: this.db.prepare(
        'INSERT INTO doc_snapshots (session_id, doc, data) VALUES (?, ?, ?) ON CONFLICT (session_id, doc) DO UPDATE SET data = excluded.data',
      ),
      dropUpdates: this.db.prepare('DELETE FROM doc_updates WHERE session_id = ? AND doc = ?'),
      audit: this.db.prepare(
        'INSERT INTO audit (session_id, at, participant_id, role, type, payload, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listAudit: this.db.prepare('SELECT * FROM audit WHERE session_id = ? ORDER BY seq'),
    };
  }

  async createSession(s: SessionRecord, f: ParticipantRecord): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertSession.run(s.id, s.createdAt, s.title, s.facilitatorId, s.participantInvite, s.viewerInvite);
      this.stmt.insertParticipant.run(f.id, f.sessionId, f.name, f.role, f.joinedAt);
    })();
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.stmt.getSession.get(id) as Record<string, string> | undefined;
    if (!r) return null;
    return {
      id: r.id as string,
      createdAt: r.created_at as string,
      title: r.title as string,
      facilitatorId: r.facilitator_id as string,
      participantInvite: r.participant_invite as string,
      viewerInvite: r.viewer_invite as string,
    };
  }

  async addParticipant(p: ParticipantRecord): Promise<void> {
    this.stmt.insertParticipant.run(p.id, p.sessionId, p.name, p.role, p.joinedAt);
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return (this.stmt.listParticipants.all(sessionId) as Record<string, string>[]).map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      name: r.name as string,
      role: r.role as ParticipantRecord['role'],
      joinedAt: r.joined_at as string,
    }));
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
    return (this.stmt.listAudit.all(sessionId) as Record<string, string>[]).map((r) => ({
      sessionId: r.session_id as string,
      at: r.at as string,
      participantId: r.participant_id as string,
      role: r.role as AuditEntry['role'],
      type: r.type as string,
      payload: JSON.parse(r.payload as string),
      outcome: r.outcome as string,
    }));
  }

  whenDurable(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return this.enqueue({ kind: 'marker' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
  }

  private enqueue(op: Op): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((done, fail) => {
      this.queue.push({ op, done, fail });
      this.timer ??= setTimeout(() => this.flush(), this.commitDelayMs);
    });
  }

  /** Commits everything queued in one transaction, then resolves the waiting promises in order. */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      this.db.transaction(() => {
        for (const { op } of batch) this.apply(op);
      })();
    } catch (err) {
      for (const w of batch) w.fail(err);
      return;
    }
    for (const w of batch) w.done();
  }

  private apply(op: Op): void {
    switch (op.kind) {
      case 'append':
        this.stmt.append.run(op.sessionId, op.doc, op.data);
        return;
      case 'compact':
        // Runs in queue order, so it removes exactly the updates appended before it.
        this.stmt.putSnapshot.run(op.sessionId, op.doc, op.data);
        this.stmt.dropUpdates.run(op.sessionId, op.doc);
        return;
      case 'marker':
        return;
      case 'audit': {
        const e = op.entry;
        this.stmt.audit.run(e.sessionId, e.at, e.participantId, e.role, e.type, JSON.stringify(e.payload), e.outcome);
        return;
      }
    }
  }
}
