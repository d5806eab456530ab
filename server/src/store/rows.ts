import type { AuditEntry, ParticipantRecord, SessionRecord } from './Store.ts';

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
