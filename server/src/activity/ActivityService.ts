import {
  type ActivityReport,
  boardChangesSince,
  commentsSince,
  type Identity,
  ideasCreatedSince,
  type Phase,
  type PhaseChangeRef,
  planChangesSince,
} from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';

/**
 * "Since you were here". The server remembers, per participant, when they
 * last looked and the board and comments state vectors then (a seen mark:
 * taken when their last socket on a doc closes, and when the client says
 * it has caught up). A report since a time diffs the board against the
 * newest mark of anyone in the session taken at or before that time — a
 * checkpoint of the document then — so new and changed notes are exact up
 * to that checkpoint; with no checkpoint, new notes are found by their
 * creation time and changes cannot be told.
 */
export class ActivityService {
  constructor(private readonly app: FastifyInstance) {}

  /** A report since `since`, or (null) since the reader's own last look. */
  async report(sessionId: string, me: Identity, since: string | null): Promise<ActivityReport> {
    const mine = since === null ? await this.app.store.getSeen(sessionId, me.participantId) : null;
    const from = since ?? mine?.at ?? (await this.app.store.getSession(sessionId))?.createdAt ?? new Date(0).toISOString();
    const checkpoint = mine ?? (await this.app.store.seenCheckpoint(sessionId, from));
    const audit = await this.app.store.listAudit(sessionId);
    const phaseChanges: PhaseChangeRef[] = audit.flatMap((e): PhaseChangeRef[] => {
      if (e.outcome !== 'ok' || e.at <= from) return [];
      const p = e.payload as { phase?: Phase; to?: Phase; ok?: boolean } | null;
      if (e.type === 'setPhase' && p?.phase) return [{ to: p.phase, at: e.at, auto: false }];
      if (e.type === 'autoAdvance' && p?.to && p.ok !== false) return [{ to: p.to, at: e.at, auto: true }];
      return [];
    });
    return this.app.rooms.with(sessionId, ['board', 'comments', 'control'], (board, comments, control) => {
      const ideas = checkpoint?.board
        ? boardChangesSince(board.doc, checkpoint.board)
        : { created: ideasCreatedSince(board.doc, Date.parse(from)), changed: [] };
      return {
        since: from,
        basis: checkpoint?.board ? 'state' : 'time',
        first: since === null && mine === null,
        ideas,
        ...commentsSince(comments.doc, from, me.participantId),
        phaseChanges,
        ...planChangesSince(control.doc, from),
        serverTime: this.app.scheduler.clock.now(),
      };
    });
  }

  /** Counts for a digest mail: the same report, for nobody in particular, with mentions per person. */
  async summary(sessionId: string, since: string) {
    const anyone = { participantId: '', role: 'viewer', name: '', sessionId } as unknown as Identity;
    const r = await this.report(sessionId, anyone, since);
    return {
      newIdeas: r.ideas.created.length,
      changedIdeas: r.ideas.changed.length,
      comments: r.comments.length,
      mentionsOf: (p: string) => r.comments.filter((c) => c.mentions.includes(p) && c.authorId !== p).length,
    };
  }

  /** Records what `participantId` has now seen of the docs given (board and/or comments). */
  async markSeen(sessionId: string, participantId: string, docs: { board?: Y.Doc; comments?: Y.Doc }, at?: string): Promise<void> {
    await this.app.store.putSeen({
      sessionId,
      participantId,
      at: at ?? new Date(this.app.scheduler.clock.now()).toISOString(),
      board: docs.board ? Y.encodeStateVector(docs.board) : null,
      comments: docs.comments ? Y.encodeStateVector(docs.comments) : null,
    });
  }
}
