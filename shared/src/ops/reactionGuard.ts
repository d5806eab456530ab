import * as Y from 'yjs';
import { BOARD_ROOTS } from '../ydoc/boardDoc.ts';
import { parseReactionKey } from '../ydoc/boardReactions.ts';
import { type DecodedUpdate, type Place, type UpdateView, viewOf } from '../ydoc/updateView.ts';

/**
 * Checks a client's board update against the reactions rule before it is
 * applied: a client adds and removes only its own reactions. Every entry
 * it writes in the `reactions` root must be `"<idea>|<known emoji>|<its own
 * participant id>" → true`, and every entry it deletes must be its own.
 * Returns a reason to refuse, or null. The board's phase rule (frozen
 * outside explore) applies before this, so reactions freeze with it.
 * Structs the server already has are not judged: a resend after a failover
 * may repeat other people's reactions, and Yjs skips them on apply.
 */
export function checkReactionUpdate(doc: Y.Doc, decoded: DecodedUpdate | UpdateView, participantId: string): string | null {
  const view = viewOf(doc, decoded);
  const inReactions = (at: Place | null): at is Place => at?.root === BOARD_ROOTS.reactions;

  for (const item of view.items) {
    const at = view.placeOf(item);
    if (!inReactions(at)) continue;
    const k = at.key === null ? null : parseReactionKey(at.key);
    if (!k) return 'a reaction is one of the offered emoji on a note';
    if (k.participantId !== participantId) return "you can only add or remove your own reactions, not another participant's";
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1 || item.content.arr[0] !== true) {
      return 'a reaction entry is `true`';
    }
  }
  for (const item of view.newlyDeleted()) {
    const at = view.placeOf(item);
    if (!inReactions(at)) continue;
    const k = at.key === null ? null : parseReactionKey(at.key);
    if (k && k.participantId !== participantId) return "you can only add or remove your own reactions, not another participant's";
  }
  return null;
}
