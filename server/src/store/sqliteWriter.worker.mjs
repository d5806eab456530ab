// The SQLite writer thread. Plain JavaScript so it runs the same under tsx,
// vitest and plain node. It owns the only write connection: the main thread
// posts batches of ops, this thread commits each batch in one transaction
// (one fsync) and replies, so the event loop that relays updates never
// waits on the disk.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const stmt = {
  insertSession: db.prepare(
    'INSERT INTO sessions (id, created_at, title, facilitator_id, participant_invite, viewer_invite) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  insertParticipant: db.prepare('INSERT INTO participants (id, session_id, name, role, joined_at) VALUES (?, ?, ?, ?, ?)'),
  append: db.prepare('INSERT INTO doc_updates (session_id, doc, data) VALUES (?, ?, ?)'),
  putSnapshot: db.prepare(
    'INSERT INTO doc_snapshots (session_id, doc, data) VALUES (?, ?, ?) ON CONFLICT (session_id, doc) DO UPDATE SET data = excluded.data',
  ),
  dropUpdates: db.prepare('DELETE FROM doc_updates WHERE session_id = ? AND doc = ?'),
  audit: db.prepare('INSERT INTO audit (session_id, at, participant_id, role, type, payload, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  putWake: db.prepare(
    'INSERT INTO session_wakes (session_id, wake_at) VALUES (?, ?) ON CONFLICT (session_id) DO UPDATE SET wake_at = excluded.wake_at',
  ),
  dropWake: db.prepare('DELETE FROM session_wakes WHERE session_id = ?'),
  mail: db.prepare(
    `INSERT INTO mail_outbox (id, session_id, dedupe_key, recipient, subject, body_text, body_html, headers, state, attempts, next_at, last_error, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  ),
  mailSettle: db.prepare('UPDATE mail_outbox SET state = ?, attempts = ?, next_at = ?, last_error = ?, lease_until = NULL WHERE id = ?'),
  mailLease: db.prepare('UPDATE mail_outbox SET lease_until = ? WHERE id = ?'),
  putWebhookJob: db.prepare(
    'INSERT INTO webhook_jobs (id, session_id, job, lease_until) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job = excluded.job, lease_until = excluded.lease_until',
  ),
  dropWebhookJob: db.prepare('DELETE FROM webhook_jobs WHERE id = ?'),
  contact: db.prepare(
    'INSERT INTO contacts (session_id, participant_id, email, unsubscribed) VALUES (?, ?, ?, ?) ON CONFLICT (session_id, participant_id) DO UPDATE SET email = excluded.email, unsubscribed = excluded.unsubscribed',
  ),
  seen: db.prepare(
    `INSERT INTO seen_marks (session_id, participant_id, at, board_sv, comments_sv) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, participant_id) DO UPDATE SET at = excluded.at,
       board_sv = COALESCE(excluded.board_sv, seen_marks.board_sv), comments_sv = COALESCE(excluded.comments_sv, seen_marks.comments_sv)`,
  ),
};

function apply(op) {
  switch (op.kind) {
    case 'session': {
      const s = op.session;
      const f = op.facilitator;
      stmt.insertSession.run(s.id, s.createdAt, s.title, s.facilitatorId, s.participantInvite, s.viewerInvite);
      stmt.insertParticipant.run(f.id, f.sessionId, f.name, f.role, f.joinedAt);
      return;
    }
    case 'participant': {
      const p = op.participant;
      stmt.insertParticipant.run(p.id, p.sessionId, p.name, p.role, p.joinedAt);
      return;
    }
    case 'append':
      stmt.append.run(op.sessionId, op.doc, op.data);
      return;
    case 'compact':
      // Ops run in queue order, so this removes exactly the updates appended before it.
      stmt.putSnapshot.run(op.sessionId, op.doc, op.data);
      stmt.dropUpdates.run(op.sessionId, op.doc);
      return;
    case 'audit': {
      const e = op.entry;
      stmt.audit.run(e.sessionId, e.at, e.participantId, e.role, e.type, JSON.stringify(e.payload), e.outcome);
      return;
    }
    case 'wake':
      if (op.at === null) stmt.dropWake.run(op.sessionId);
      else stmt.putWake.run(op.sessionId, op.at);
      return;
    case 'mail': {
      const m = op.mail;
      stmt.mail.run(
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
      );
      return;
    }
    case 'mailSettle':
      stmt.mailSettle.run(op.state, op.attempts, op.nextAt, op.lastError, op.id);
      return;
    case 'mailLease':
      for (const id of op.ids) stmt.mailLease.run(op.leaseUntil, id);
      return;
    case 'contact': {
      const c = op.contact;
      stmt.contact.run(c.sessionId, c.participantId, c.email, c.unsubscribed ? 1 : 0);
      return;
    }
    case 'seen': {
      const k = op.mark;
      stmt.seen.run(k.sessionId, k.participantId, k.at, k.board, k.comments);
      return;
    }
    case 'webhookJob':
      if (op.job === null) stmt.dropWebhookJob.run(op.id);
      else stmt.putWebhookJob.run(op.id, op.sessionId, op.job, op.leaseUntil);
      return;
    case 'marker':
      return;
    default:
      throw new Error(`unknown op ${op.kind}`);
  }
}

const commit = db.transaction((ops) => {
  for (const op of ops) apply(op);
});

parentPort.on('message', (msg) => {
  if (msg.close) {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    commit(msg.ops);
    parentPort.postMessage({ id: msg.id, failed: [] });
  } catch {
    // One bad op must not fail the unrelated writes it was batched with:
    // retry one by one and report only the ops that fail on their own.
    const failed = [];
    msg.ops.forEach((op, index) => {
      try {
        commit([op]);
      } catch (err) {
        failed.push({ index, error: String(err?.message ? err.message : err) });
      }
    });
    parentPort.postMessage({ id: msg.id, failed });
  }
});
