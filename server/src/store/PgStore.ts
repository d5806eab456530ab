import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import * as Y from 'yjs';
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
import type {
  AuditEntry,
  Contact,
  OutboxMail,
  ParticipantRecord,
  PoolStats,
  SeenMark,
  SessionRecord,
  StoredDoc,
  StoredWebhookJob,
} from './Store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, title TEXT NOT NULL,
  facilitator_id TEXT NOT NULL, participant_invite TEXT NOT NULL, viewer_invite TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
  name TEXT NOT NULL, role TEXT NOT NULL, joined_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS participants_session ON participants(session_id);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq BIGSERIAL PRIMARY KEY, session_id TEXT NOT NULL, doc TEXT NOT NULL, data BYTEA NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_key ON doc_updates(session_id, doc, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  session_id TEXT NOT NULL, doc TEXT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (session_id, doc));
CREATE TABLE IF NOT EXISTS audit (
  seq BIGSERIAL PRIMARY KEY, session_id TEXT NOT NULL, at TEXT NOT NULL,
  participant_id TEXT NOT NULL, role TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, outcome TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_session ON audit(session_id, seq);
CREATE TABLE IF NOT EXISTS instance_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Serialises schema creation across instances starting at once. */
const SCHEMA_LOCK = 7_301_947;
const MAX_ROWS_PER_INSERT = 500;

/**
 * The PostgreSQL store (`DATABASE_URL`), for several server instances
 * sharing sessions. Same contract and the same group commit as SQLite: one
 * batch in flight, everything queued meanwhile goes in the next transaction.
 *
 * Compaction is safe with several writers: it locks the rows it folds,
 * merges them with the snapshot it was given and the previous snapshot, and
 * deletes exactly those rows, so updates another instance appends
 * concurrently survive.
 */
export class PgStore extends GroupCommitStore {
  readonly shared = true;
  private closed = false;
  /** Within this instance, one lock request per session reaches the database. */
  private readonly sessionLocks = new KeyedMutex();
  /** Connections holding a session lock right now; closing the store drops them, and with them their locks. */
  private readonly lockHolders = new Set<PoolClient>();

  /**
   * Session locks get their own connections: a command holding one goes on
   * to read and write through `pool`, which must never wait behind it.
   */
  private constructor(
    private readonly pool: Pool,
    private readonly lockPool: Pool,
    private readonly onError: (err: Error) => void,
  ) {
    super();
  }

  /**
   * `onError` hears about connections the database dropped while idle (a
   * restart, a failover, an administrator): the pools replace them, and
   * without a listener Node would treat the event as fatal.
   */
  static async connect(connectionString: string, onError: (err: Error) => void = () => {}, poolSize = 8): Promise<PgStore> {
    // Each instance opens at most 2 × poolSize connections (see README "Several instances").
    // A bounded wait for a connection: an outage answers 503 instead of hanging requests.
    const options = { connectionString, max: poolSize, connectionTimeoutMillis: 5000 };
    // Loaded only when PostgreSQL is configured: a SQLite server never pays its memory.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool(options);
    const lockPool = new pg.Pool(options);
    pool.on('error', onError);
    lockPool.on('error', onError);
    await withConnection(pool, onError, async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query(asyncSchema('BYTEA', 'BOOLEAN'));
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    });
    return new PgStore(pool, lockPool, onError);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM sessions WHERE id = $1', [id]);
    return rows[0] ? sessionFromRow(rows[0]) : null;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM participants WHERE session_id = $1 ORDER BY joined_at, id', [sessionId]);
    return rows.map(participantFromRow);
  }

  /** Reads snapshot and log in one repeatable-read transaction, so a concurrent compaction cannot split them. */
  async loadDoc(sessionId: string, doc: string): Promise<StoredDoc> {
    return withConnection(this.pool, this.onError, async (client) => {
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snap = await client.query('SELECT data FROM doc_snapshots WHERE session_id = $1 AND doc = $2', [sessionId, doc]);
        const log = await client.query('SELECT data FROM doc_updates WHERE session_id = $1 AND doc = $2 ORDER BY seq', [sessionId, doc]);
        await client.query('COMMIT');
        return {
          snapshot: snap.rows[0] ? new Uint8Array(snap.rows[0].data) : null,
          updates: log.rows.map((r) => new Uint8Array(r.data)),
        };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    });
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query('SELECT * FROM audit WHERE session_id = $1 ORDER BY seq', [sessionId]);
    return rows.map(auditFromRow);
  }

  async dueWakes(now: string, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT session_id FROM session_wakes WHERE wake_at <= $1 ORDER BY wake_at LIMIT $2', [
      now,
      limit,
    ]);
    return rows.map((r) => String(r.session_id));
  }

  /** Leases due mails in one statement; `SKIP LOCKED` lets instances claim side by side without taking the same mail. */
  async claimMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]> {
    const { rows } = await this.pool.query(
      `UPDATE mail_outbox SET lease_until = $2 WHERE id IN (
         SELECT id FROM mail_outbox WHERE state = 'queued' AND next_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
         ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, leaseUntil, limit],
    );
    return rows.map(mailFromRow);
  }

  /** Leases, in one statement, the deliveries whose instance stopped renewing them. */
  async claimWebhookJobs(now: string, leaseUntil: string): Promise<StoredWebhookJob[]> {
    const { rows } = await this.pool.query(
      `UPDATE webhook_jobs SET lease_until = $2 WHERE id IN (
         SELECT id FROM webhook_jobs WHERE lease_until < $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, leaseUntil],
    );
    return rows.map(webhookJobFromRow);
  }

  async listMail(sessionId: string): Promise<OutboxMail[]> {
    const { rows } = await this.pool.query('SELECT * FROM mail_outbox WHERE session_id = $1 ORDER BY created_at, id', [sessionId]);
    return rows.map(mailFromRow);
  }

  async listContacts(sessionId: string): Promise<Contact[]> {
    const { rows } = await this.pool.query('SELECT * FROM contacts WHERE session_id = $1', [sessionId]);
    return rows.map(contactFromRow);
  }

  async getSeen(sessionId: string, participantId: string): Promise<SeenMark | null> {
    const { rows } = await this.pool.query('SELECT * FROM seen_marks WHERE session_id = $1 AND participant_id = $2', [
      sessionId,
      participantId,
    ]);
    return rows[0] ? seenFromRow(rows[0]) : null;
  }

  async seenCheckpoint(sessionId: string, at: string): Promise<SeenMark | null> {
    const { rows } = await this.pool.query('SELECT * FROM seen_marks WHERE session_id = $1 AND at <= $2 ORDER BY at DESC LIMIT 1', [
      sessionId,
      at,
    ]);
    return rows[0] ? seenFromRow(rows[0]) : null;
  }

  /**
   * A session-level advisory lock on a connection of its own, keyed by the
   * session id: every instance on this database takes the same one. If the
   * connection dies the database drops the lock with it, so a crashed
   * instance never leaves a session locked.
   */
  async lockSession(sessionId: string): Promise<() => Promise<void>> {
    const releaseLocal = await this.sessionLocks.lock(sessionId);
    const key = `throughline:session:${sessionId}`;
    let client: PoolClient;
    try {
      client = await this.lockPool.connect();
    } catch (err) {
      releaseLocal();
      throw err;
    }
    // A checked-out client is not watched by the pool: if the database drops it mid-command, we must hear it.
    // The database frees the lock with the connection, so another instance may now interleave: say so.
    const onError = (err: Error) =>
      this.onError(new Error(`the command lock of ${sessionId} was lost with its connection: ${err.message}`));
    client.on('error', onError);
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    } catch (err) {
      client.off('error', onError);
      client.release(err as Error);
      releaseLocal();
      throw err;
    }
    this.lockHolders.add(client);
    return async () => {
      if (!this.lockHolders.delete(client)) return releaseLocal(); // the store closed meanwhile
      client.off('error', onError);
      try {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        client.release();
      } catch (err) {
        // Dropping the connection releases the lock all the same.
        client.release(err as Error);
      } finally {
        releaseLocal();
      }
    };
  }

  /**
   * The token secret every instance on this database shares: the first
   * instance to ask generates it, concurrent starters agree on one row.
   */
  async sharedSecret(): Promise<string> {
    const candidate = randomBytes(32).toString('base64url');
    await this.pool.query("INSERT INTO instance_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING", [
      candidate,
    ]);
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM instance_settings WHERE key = 'token_secret'");
    return (rows[0] as { value: string }).value;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  poolStats(): PoolStats {
    const stats = (name: string, p: Pool) => ({
      name,
      total: p.totalCount,
      idle: p.idleCount,
      waiting: p.waitingCount,
      max: p.options.max ?? 10,
    });
    return { pools: [stats('main', this.pool), stats('locks', this.lockPool)] };
  }

  /** Runs one query on the main pool: for small plugins that keep a table of their own (token secret, webhook outbox). */
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    return this.pool.query<R>(text, values);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.close();
    for (const client of this.lockHolders) client.release(new Error('the store is closing'));
    this.lockHolders.clear();
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }

  /** One transaction for the batch; if it fails, each op alone, so only the bad ones fail. */
  protected async commit(ops: WriteOp[]): Promise<Map<number, Error>> {
    return withConnection(this.pool, this.onError, async (client) => {
      try {
        await this.transaction(client, ops);
        return new Map();
      } catch (batchErr) {
        if (ops.length === 1) return new Map([[0, batchErr as Error]]);
        const failures = new Map<number, Error>();
        for (const [i, op] of ops.entries()) await this.transaction(client, [op]).catch((err) => failures.set(i, err as Error));
        return failures;
      }
    });
  }

  private async transaction(client: PoolClient, ops: WriteOp[]): Promise<void> {
    try {
      await client.query('BEGIN');
      await this.applyAll(client, ops);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  }

  private async applyAll(client: PoolClient, ops: WriteOp[]): Promise<void> {
    let appends: Extract<WriteOp, { kind: 'append' }>[] = [];
    const flushAppends = async () => {
      for (let i = 0; i < appends.length; i += MAX_ROWS_PER_INSERT) {
        const chunk = appends.slice(i, i + MAX_ROWS_PER_INSERT);
        const values = chunk.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`).join(', ');
        await client.query(
          `INSERT INTO doc_updates (session_id, doc, data) VALUES ${values}`,
          chunk.flatMap((a) => [a.sessionId, a.doc, Buffer.from(a.data)]),
        );
      }
      appends = [];
    };
    for (const op of ops) {
      if (op.kind === 'append') {
        appends.push(op);
        continue;
      }
      await flushAppends();
      await this.applyOne(client, op);
    }
    await flushAppends();
  }

  /** Folds a doc's snapshot, the new state and every update row into one snapshot, and deletes exactly those rows. */
  private async compactDoc(client: PoolClient, op: Extract<WriteOp, { kind: 'compact' }>): Promise<void> {
    const rows = await client.query('SELECT seq, data FROM doc_updates WHERE session_id = $1 AND doc = $2 ORDER BY seq FOR UPDATE', [
      op.sessionId,
      op.doc,
    ]);
    const prev = await client.query('SELECT data FROM doc_snapshots WHERE session_id = $1 AND doc = $2 FOR UPDATE', [op.sessionId, op.doc]);
    const merged = new Y.Doc();
    if (prev.rows[0]) Y.applyUpdate(merged, new Uint8Array(prev.rows[0].data));
    Y.applyUpdate(merged, op.data);
    for (const r of rows.rows) Y.applyUpdate(merged, new Uint8Array(r.data));
    await client.query(
      'INSERT INTO doc_snapshots (session_id, doc, data) VALUES ($1, $2, $3) ON CONFLICT (session_id, doc) DO UPDATE SET data = excluded.data',
      [op.sessionId, op.doc, Buffer.from(Y.encodeStateAsUpdate(merged))],
    );
    // Exactly the rows folded in: a sequence number is taken at insert, not at commit, so a
    // row with a smaller seq may commit after our read and must survive.
    const folded = rows.rows.map((r) => r.seq as string);
    if (folded.length > 0) await client.query('DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])', [folded]);
    merged.destroy();
  }

  private async applyOne(client: PoolClient, op: Exclude<WriteOp, { kind: 'append' }>): Promise<void> {
    switch (op.kind) {
      case 'session': {
        const { session: s, facilitator: f } = op;
        await client.query(
          'INSERT INTO sessions (id, created_at, title, facilitator_id, participant_invite, viewer_invite) VALUES ($1, $2, $3, $4, $5, $6)',
          [s.id, s.createdAt, s.title, s.facilitatorId, s.participantInvite, s.viewerInvite],
        );
        await client.query('INSERT INTO participants (id, session_id, name, role, joined_at) VALUES ($1, $2, $3, $4, $5)', [
          f.id,
          f.sessionId,
          f.name,
          f.role,
          f.joinedAt,
        ]);
        return;
      }
      case 'participant': {
        const p = op.participant;
        await client.query('INSERT INTO participants (id, session_id, name, role, joined_at) VALUES ($1, $2, $3, $4, $5)', [
          p.id,
          p.sessionId,
          p.name,
          p.role,
          p.joinedAt,
        ]);
        return;
      }
      case 'compact':
        return this.compactDoc(client, op);
      case 'audit': {
        const e = op.entry;
        await client.query(
          'INSERT INTO audit (session_id, at, participant_id, role, type, payload, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [e.sessionId, e.at, e.participantId, e.role, e.type, JSON.stringify(e.payload), e.outcome],
        );
        return;
      }
      case 'wake':
        if (op.at === null) await client.query('DELETE FROM session_wakes WHERE session_id = $1', [op.sessionId]);
        else
          await client.query(
            'INSERT INTO session_wakes (session_id, wake_at) VALUES ($1, $2) ON CONFLICT (session_id) DO UPDATE SET wake_at = excluded.wake_at',
            [op.sessionId, op.at],
          );
        return;
      case 'mail': {
        const m = op.mail;
        await client.query(
          `INSERT INTO mail_outbox (id, session_id, dedupe_key, recipient, subject, body_text, body_html, headers, state, attempts, next_at, last_error, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (dedupe_key) DO NOTHING`,
          [
            m.id,
            m.sessionId,
            m.dedupeKey,
            m.to,
            m.subject,
            m.text,
            m.html,
            JSON.stringify(m.headers),
            m.state,
            m.attempts,
            m.nextAt,
            m.lastError,
            m.createdAt,
          ],
        );
        return;
      }
      case 'mailSettle':
        await client.query(
          'UPDATE mail_outbox SET state = $1, attempts = $2, next_at = $3, last_error = $4, lease_until = NULL WHERE id = $5',
          [op.state, op.attempts, op.nextAt, op.lastError, op.id],
        );
        return;
      case 'mailLease':
        await client.query('UPDATE mail_outbox SET lease_until = $1 WHERE id = ANY($2::text[])', [op.leaseUntil, op.ids]);
        return;
      case 'contact': {
        const c = op.contact;
        await client.query(
          `INSERT INTO contacts (session_id, participant_id, email, unsubscribed) VALUES ($1, $2, $3, $4)
           ON CONFLICT (session_id, participant_id) DO UPDATE SET email = excluded.email, unsubscribed = excluded.unsubscribed`,
          [c.sessionId, c.participantId, c.email, c.unsubscribed],
        );
        return;
      }
      case 'seen': {
        const k = op.mark;
        await client.query(
          `INSERT INTO seen_marks (session_id, participant_id, at, board_sv, comments_sv) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (session_id, participant_id) DO UPDATE SET at = excluded.at,
             board_sv = COALESCE(excluded.board_sv, seen_marks.board_sv), comments_sv = COALESCE(excluded.comments_sv, seen_marks.comments_sv)`,
          [k.sessionId, k.participantId, k.at, k.board ? Buffer.from(k.board) : null, k.comments ? Buffer.from(k.comments) : null],
        );
        return;
      }
      case 'webhookJob':
        if (op.job === null) await client.query('DELETE FROM webhook_jobs WHERE id = $1', [op.id]);
        else
          await client.query(
            'INSERT INTO webhook_jobs (id, session_id, job, lease_until) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET job = excluded.job, lease_until = excluded.lease_until',
            [op.id, op.sessionId, op.job, op.leaseUntil],
          );
        return;
      case 'marker':
        return;
    }
  }
}

/**
 * A pooled connection for one unit of work. The pool stops watching a
 * connection while it is checked out, so if the database drops it mid-use (a
 * restart, an administrator) its 'error' event needs a listener here or Node
 * treats it as fatal; the work's query fails instead, and the broken
 * connection is discarded rather than returned to the pool.
 */
async function withConnection<T>(pool: Pool, onError: (err: Error) => void, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const listener = (err: Error) => {
    broken = err;
    onError(err);
  };
  client.on('error', listener);
  try {
    return await work(client);
  } finally {
    client.off('error', listener);
    client.release(broken);
  }
}
