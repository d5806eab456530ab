import {
  BOARD_AUTHORSHIP,
  checkAuthorship,
  checkClientBoardUpdate,
  checkContentBounds,
  type Identity,
  NOTE_TEXT_LIMITS,
  readRecordWrites,
} from '@throughline/shared';
import type { Room } from './Room.ts';
import type { ContentPolicy } from './SyncConnection.ts';

/**
 * The content rules for a client's writes to one document, checked before
 * the update is applied: text and nesting bounds on every document a client
 * writes; on the board also the AI rules and authorship (the sender is the
 * token's identity).
 */
export function contentPolicyFor(kind: 'board' | 'control' | 'drafts', identity: Identity, room: Room): ContentPolicy | undefined {
  if (kind === 'control') return undefined;
  const sender = { id: identity.participantId, name: identity.name };
  const deletedAuthorOf = room.deletedAuthors?.authorOf ?? (() => null);
  return (doc, update, decoded) => {
    const writes = readRecordWrites(doc, decoded);
    const bound = checkContentBounds(writes, NOTE_TEXT_LIMITS);
    if (bound) return { reason: bound, overBounds: true };
    if (kind !== 'board') return null;
    // AI ideas, their provenance and adoption are the server's to write (see checkClientBoardUpdate).
    const reason = checkClientBoardUpdate(doc, update, decoded) ?? checkAuthorship(writes, BOARD_AUTHORSHIP, sender, deletedAuthorOf);
    return reason ? { reason, overBounds: false } : null;
  };
}
