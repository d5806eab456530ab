import type * as Y from 'yjs';
import { docItem } from '../ydoc/docItems.ts';
import type { UpdateView } from '../ydoc/updateView.ts';

/**
 * Refuses an update that writes or deletes anything outside the roots a
 * client edits (on the board: notes, clusters, reactions). The rest of a
 * document is the server's: `meta.schemaVersion` set to 999 by one
 * participant would turn every browser in the session read-only (the
 * newer-schema guard), and a root no code reads would still be relayed and
 * stored for good. Judged per item, following each to its root through the
 * update's own types and the document's, cached per parent type. An item
 * with no place (its parent or neighbour already collected) is dropped by
 * Yjs on apply, so it writes nothing and is not judged.
 */
export function checkWritableRoots(view: UpdateView, writable: ReadonlySet<string>): string | null {
  const rootOfType = new Map<Y.Item, string | null>();
  const rootOf = (item: Y.Item): string | null => {
    const chain: Y.Item[] = [];
    let at: Y.Item | null = item;
    let root: string | null = null;
    // Bounded: types nest at most a few levels (the content bounds refuse deeper ones first).
    while (at && chain.length < 64) {
      const known = rootOfType.get(at);
      if (known !== undefined) {
        root = known;
        break;
      }
      chain.push(at);
      const place = view.placeOf(at);
      if (!place) break;
      if (place.root !== null) {
        root = place.root;
        break;
      }
      at = place.parentId ? (view.item(place.parentId) ?? docItem(view.doc, place.parentId)) : null;
    }
    for (const c of chain) rootOfType.set(c, root);
    return root;
  };
  for (const item of view.items) {
    const root = rootOf(item);
    if (root !== null && !writable.has(root)) return `"${root}" is the server's to write`;
  }
  for (const item of view.newlyDeleted()) {
    const root = rootOf(item);
    if (root !== null && !writable.has(root)) return `"${root}" is the server's to delete from`;
  }
  return null;
}
