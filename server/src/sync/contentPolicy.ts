import {
  BOARD_AUTHORSHIP,
  checkAuthorship,
  checkClientBoardUpdate,
  checkClientCommentsUpdate,
  checkContentBounds,
  checkReactionUpdate,
  checkWritableRoots,
  type Identity,
  NOTE_TEXT_LIMITS,
  readRecordWrites,
  UpdateView,
} from '@throughline/shared';
import type { Room } from './Room.ts';
import type { ContentPolicy } from './SyncConnection.ts';

/** What a client edits in each document; everything else in it (schema version, AI request status) is the server's. */
const WRITABLE_ROOTS = {
  board: new Set(['ideas', 'clusters', 'reactions']),
  drafts: new Set(['ideas']),
} as const;

/**
 * The content rules for a client's writes to one document, checked before
 * the update is applied: nesting bounds on every document a client writes,
 * note text bounds on the board and drafts; on the board also the AI rules,
 * reactions and authorship, on comments their own guard (the sender is
 * always the token's identity).
 */
export function contentPolicyFor(
  kind: 'board' | 'control' | 'drafts' | 'comments',
  identity: Identity,
  room: Room,
): ContentPolicy | undefined {
  if (kind === 'control') return undefined;
  const sender = { id: identity.participantId, name: identity.name };
  const deletedAuthorOf = room.deletedAuthors?.authorOf ?? (() => null);
  return (doc, update, decoded) => {
    // Read once: every guard below judges the same new items and deletions.
    const view = new UpdateView(doc, decoded);
    // Deletions the guards could not all see are not taken on trust.
    if (view.deletesBeyondCheck) return { reason: 'deletes more at once than can be checked; delete in smaller parts', overBounds: false };
    const writes = readRecordWrites(doc, view);
    const bound = checkContentBounds(writes, kind === 'comments' ? [] : NOTE_TEXT_LIMITS);
    if (bound) return { reason: bound, overBounds: true };
    let reason: string | null = null;
    if (kind === 'board') {
      // AI ideas, their provenance and adoption are the server's to write (see checkClientBoardUpdate), and it says so first;
      // no client writes other roots (crafted only, so a bound); reactions are each participant's own (see checkReactionUpdate).
      reason = checkClientBoardUpdate(doc, update, view);
      if (reason) return { reason, overBounds: false };
      const root = checkWritableRoots(view, WRITABLE_ROOTS.board);
      if (root) return { reason: root, overBounds: true };
      reason = checkReactionUpdate(doc, view, identity.participantId) ?? checkAuthorship(writes, BOARD_AUTHORSHIP, sender, deletedAuthorOf);
    } else if (kind === 'drafts') {
      const root = checkWritableRoots(view, WRITABLE_ROOTS.drafts);
      if (root) return { reason: root, overBounds: true };
    } else if (kind === 'comments') {
      // Comments: one's own, edited only by their author, never removed (see checkClientCommentsUpdate).
      reason = checkClientCommentsUpdate(doc, update, identity);
    }
    return reason ? { reason, overBounds: false } : null;
  };
}
