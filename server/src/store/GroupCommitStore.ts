import { GroupCommitQueue } from './GroupCommitQueue.ts';
import type { WriteOp } from './rows.ts';
import type {
  AuditEntry,
  Contact,
  OutboxMail,
  ParticipantRecord,
  PoolStats,
  SeenMark,
  SessionRecord,
  Store,
  StoredDoc,
  StoredWebhookJob,
} from './Store.ts';

/**
 * The write half of every store: each write becomes a `WriteOp` queued for
 * group commit. A concrete store supplies the reads and `commit`, which
 * writes one batch in one transaction.
 */
/**
 * Commits start at most every 10 ms under load: a write is acknowledged a
 * few ms later at worst, and a store taking 3,000 updates/s commits ~30 per
 * fsync instead of a handful (see docs/performance.md).
 */
const MIN_COMMIT_INTERVAL_MS = 10;

export abstract class GroupCommitStore implements Store {
  protected readonly writes = new GroupCommitQueue((ops) => this.commit(ops), MIN_COMMIT_INTERVAL_MS);

  protected abstract commit(ops: WriteOp[]): Promise<Map<number, Error>>;
  abstract getSession(id: string): Promise<SessionRecord | null>;
  abstract listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  abstract loadDoc(sessionId: string, doc: string): Promise<StoredDoc>;
  abstract listAudit(sessionId: string): Promise<AuditEntry[]>;
  abstract readonly shared: boolean;
  abstract lockSession(sessionId: string): Promise<() => Promise<void>>;
  abstract close(): Promise<void>;
  abstract dueWakes(now: string, limit: number): Promise<string[]>;
  abstract claimWebhookJobs(now: string, leaseUntil: string): Promise<StoredWebhookJob[]>;
  abstract claimMail(now: string, leaseUntil: string, limit: number): Promise<OutboxMail[]>;
  abstract listMail(sessionId: string): Promise<OutboxMail[]>;
  abstract listContacts(sessionId: string): Promise<Contact[]>;
  abstract getSeen(sessionId: string, participantId: string): Promise<SeenMark | null>;
  abstract seenCheckpoint(sessionId: string, at: string): Promise<SeenMark | null>;
  abstract ping(): Promise<void>;
  abstract poolStats(): PoolStats | null;

  createSession(session: SessionRecord, facilitator: ParticipantRecord): Promise<void> {
    return this.writes.push({ kind: 'session', session, facilitator });
  }

  addParticipant(participant: ParticipantRecord): Promise<void> {
    return this.writes.push({ kind: 'participant', participant });
  }

  appendUpdate(sessionId: string, doc: string, data: Uint8Array): Promise<void> {
    return this.writes.push({ kind: 'append', sessionId, doc, data });
  }

  compact(sessionId: string, doc: string, data: Uint8Array): Promise<void> {
    return this.writes.push({ kind: 'compact', sessionId, doc, data });
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.writes.push({ kind: 'audit', entry });
  }

  setWake(sessionId: string, at: string | null): Promise<void> {
    return this.writes.push({ kind: 'wake', sessionId, at });
  }

  saveWebhookJob(id: string, sessionId: string, job: string, leaseUntil: string): Promise<void> {
    return this.writes.push({ kind: 'webhookJob', id, sessionId, job, leaseUntil });
  }

  dropWebhookJob(id: string, sessionId: string): Promise<void> {
    return this.writes.push({ kind: 'webhookJob', id, sessionId, job: null, leaseUntil: '' });
  }

  enqueueMail(mail: OutboxMail): Promise<void> {
    return this.writes.push({ kind: 'mail', mail });
  }

  settleMail(id: string, p: Pick<OutboxMail, 'state' | 'attempts' | 'nextAt' | 'lastError'>): Promise<void> {
    return this.writes.push({ kind: 'mailSettle', id, ...p });
  }

  setContact(contact: Contact): Promise<void> {
    return this.writes.push({ kind: 'contact', contact });
  }

  putSeen(mark: SeenMark): Promise<void> {
    return this.writes.push({ kind: 'seen', mark });
  }

  whenDurable(): Promise<void> {
    return this.writes.drained();
  }
}
