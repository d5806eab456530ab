import * as Y from 'yjs';

/**
 * Reading an incoming update against the document it is about to change.
 * A leaf module (nothing but Yjs): the guards in `ops/` and `recordWrites`
 * share it without importing each other.
 */

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

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

/**
 * The items of an update `doc` does not have yet, by id. Structs the doc
 * already has are skipped by Yjs on apply (a reconnecting client's sync
 * step 2 repeats them after a failover), so they cannot change anything and
 * no guard should judge them.
 */
export function newItems(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[]): Map<string, Y.Item> {
  const items = new Map<string, Y.Item>();
  for (const s of structs)
    if (s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) items.set(itemIdKey(s.id), s);
  return items;
}

/** Items of `doc` the delete set would newly delete (bounded, so a huge range cannot stall the server). */
export function newlyDeletedItems(doc: Y.Doc, ds: DeleteSet): Y.Item[] {
  const out: Y.Item[] = [];
  let budget = 100_000;
  for (const [client, ranges] of ds.clients) {
    const have = Y.getState(doc.store, client);
    for (const r of ranges) {
      let clock = r.clock;
      const end = Math.min(r.clock + r.len, have);
      while (clock < end && budget-- > 0) {
        const found = docItem(doc, Y.createID(client, clock));
        if (!found) break;
        if (!found.deleted) out.push(found);
        clock = found.id.clock + found.length;
      }
    }
  }
  return out;
}
