import * as Y from 'yjs';
import { BOARD_ROOTS } from '../ydoc/boardDoc.ts';
import { parseReactionKey } from '../ydoc/boardReactions.ts';
import { docItem, itemIdKey as idKey, newItems, newlyDeletedItems } from '../ydoc/docItems.ts';
import type { DecodedUpdate } from './aiBoardGuard.ts';

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
export function checkReactionUpdate(doc: Y.Doc, decoded: DecodedUpdate, participantId: string): string | null {
  const inUpdate = newItems(doc, decoded.structs);

  /** The root name and map key of a top-level entry, following the origin chain (only the first item of a key names its parent). */
  const entryOf = (item: Y.Item, depth = 0): { root: string; key: string | null } | null => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, key: item.parentSub };
    if (parent instanceof Y.AbstractType) {
      const root = parent._item === null ? Y.findRootTypeKey(parent) : null;
      return root === null ? null : { root, key: item.parentSub };
    }
    if (parent !== null || depth > 1000) return null;
    const near = item.origin ?? item.rightOrigin;
    if (!near) return null;
    const local = inUpdate.get(idKey(near));
    if (local) return entryOf(local, depth + 1);
    const found = docItem(doc, near);
    return found ? entryOf(found, depth + 1) : null;
  };

  for (const item of inUpdate.values()) {
    const at = entryOf(item);
    if (at?.root !== BOARD_ROOTS.reactions) continue;
    const k = at.key === null ? null : parseReactionKey(at.key);
    if (!k) return 'a reaction is one of the offered emoji on a note';
    if (k.participantId !== participantId) return "you can only add or remove your own reactions, not another participant's";
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1 || item.content.arr[0] !== true) {
      return 'a reaction entry is `true`';
    }
  }
  for (const item of newlyDeletedItems(doc, decoded.ds)) {
    const at = entryOf(item);
    if (at?.root !== BOARD_ROOTS.reactions) continue;
    const k = at.key === null ? null : parseReactionKey(at.key);
    if (k && k.participantId !== participantId) return "you can only add or remove your own reactions, not another participant's";
  }
  return null;
}
