import type { AuditEntry, Contact, OutboxMail, ParticipantRecord, SeenMark, SessionRecord, StoredWebhookJob } from './Store.ts';

/**
 * The write operations both stores queue for group commit, and the mapping
 * from their (identical, snake_case) rows to records.
 */
export type WriteOp =
  | { kind: 'session'; session: SessionRecord; facilitator: ParticipantRecord }
  | { kind: 'participant'; participant: ParticipantRecord }
  | { kind: 'append'; sessionId: string; doc: string; data: Uint8Array }
  | { kind: 'compact'; sessionId: string; doc: string; data: Uint8Array }
  | { kind: 'audit'; entry: AuditEntry }
  | { kind: 'wake'; sessionId: string; at: string | null }
  | { kind: 'mail'; mail: OutboxMail }
  | { kind: 'mailSettle'; id: string; state: string; attempts: number; nextAt: string; lastError: string | null }
  | { kind: 'mailLease'; ids: string[]; leaseUntil: string }
  | { kind: 'contact'; contact: Contact }
  | { kind: 'seen'; mark: SeenMark }
  /** Saves (or with `job: null`, drops) a webhook delivery that must survive a restart; `leaseUntil` keeps other instances off it. */
  | { kind: 'webhookJob'; id: string; sessionId: string; job: string | null; leaseUntil: string }
  /** Writes nothing: resolves once everything queued before it is committed. */
  | { kind: 'marker' };

/** A queued write and the promise waiting for its commit. */
export interface PendingWrite {
  op: WriteOp;
  done: () => void;
  fail: (e: unknown) => void;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => String(v);

export const sessionFromRow = (r: Row): SessionRecord => ({
  id: str(r.id),
  createdAt: str(r.created_at),
  title: str(r.title),
  facilitatorId: str(r.facilitator_id),
  participantInvite: str(r.participant_invite),
  viewerInvite: str(r.viewer_invite),
});

export const participantFromRow = (r: Row): ParticipantRecord => ({
  id: str(r.id),
  sessionId: str(r.session_id),
  name: str(r.name),
  role: str(r.role) as ParticipantRecord['role'],
  joinedAt: str(r.joined_at),
});

export const auditFromRow = (r: Row): AuditEntry => ({
  sessionId: str(r.session_id),
  at: str(r.at),
  participantId: str(r.participant_id),
  role: str(r.role) as AuditEntry['role'],
  type: str(r.type),
  payload: JSON.parse(str(r.payload)),
  outcome: str(r.outcome),
});

export const mailFromRow = (r: Row): OutboxMail => ({
  id: str(r.id),
  sessionId: str(r.session_id),
  dedupeKey: str(r.dedupe_key),
  to: str(r.recipient),
  subject: str(r.subject),
  text: str(r.body_text),
  html: str(r.body_html),
  headers: JSON.parse(str(r.headers)),
  state: str(r.state) as OutboxMail['state'],
  attempts: Number(r.attempts),
  nextAt: str(r.next_at),
  lastError: r.last_error == null ? null : str(r.last_error),
  createdAt: str(r.created_at),
});

export const contactFromRow = (r: Row): Contact => ({
  participantId: str(r.participant_id),
  sessionId: str(r.session_id),
  email: r.email == null ? null : str(r.email),
  unsubscribed: r.unsubscribed === true || Number(r.unsubscribed) === 1,
});

export const webhookJobFromRow = (r: Row): StoredWebhookJob => ({ id: str(r.id), sessionId: str(r.session_id), job: str(r.job) });

const bytes = (v: unknown) => (v == null ? null : new Uint8Array(v as Buffer));

export const seenFromRow = (r: Row): SeenMark => ({
  sessionId: str(r.session_id),
  participantId: str(r.participant_id),
  at: str(r.at),
  board: bytes(r.board_sv),
  comments: bytes(r.comments_sv),
});

/** The async-round tables, in SQL both SQLite and PostgreSQL accept (`BLOB_TYPE` differs). */
export const asyncSchema = (blob: 'BLOB' | 'BYTEA', bool: 'INTEGER' | 'BOOLEAN') => `
CREATE TABLE IF NOT EXISTS session_wakes (session_id TEXT PRIMARY KEY, wake_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS session_wakes_at ON session_wakes(wake_at);
CREATE TABLE IF NOT EXISTS mail_outbox (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, dedupe_key TEXT NOT NULL UNIQUE, recipient TEXT NOT NULL,
  subject TEXT NOT NULL, body_text TEXT NOT NULL, body_html TEXT NOT NULL, headers TEXT NOT NULL,
  state TEXT NOT NULL, attempts INTEGER NOT NULL, next_at TEXT NOT NULL, lease_until TEXT,
  last_error TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mail_outbox_due ON mail_outbox(state, next_at);
CREATE TABLE IF NOT EXISTS contacts (
  session_id TEXT NOT NULL, participant_id TEXT NOT NULL, email TEXT, unsubscribed ${bool} NOT NULL,
  PRIMARY KEY (session_id, participant_id));
CREATE TABLE IF NOT EXISTS seen_marks (
  session_id TEXT NOT NULL, participant_id TEXT NOT NULL, at TEXT NOT NULL, board_sv ${blob}, comments_sv ${blob},
  PRIMARY KEY (session_id, participant_id));
CREATE INDEX IF NOT EXISTS seen_marks_at ON seen_marks(session_id, at);
CREATE TABLE IF NOT EXISTS webhook_jobs (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, job TEXT NOT NULL, lease_until TEXT NOT NULL);
`;
