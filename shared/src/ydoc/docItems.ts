import * as Y from 'yjs';

/**
 * Reading an incoming update against the document it is about to change.
 * A leaf module (nothing but Yjs), shared by `UpdateView` and the guards.
 */

/** A map key for an item id. */
export const itemIdKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** `doc`'s item with this id, or null (unknown client, clock past the state, or a GC run). */
export function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  try {
    const found = Y.getItem(doc.store, id);
    return found instanceof Y.Item ? found : null;
  } catch {
    return null;
  }
}
