import * as Y from 'yjs';
import { docItem } from './docItems.ts';

/** `Y.decodeUpdate`'s result. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Where an item sits: in a root (`root` set) or in a nested type (`parentId` set), under `key` for map entries. */
export interface Place {
  root: string | null;
  parentId: Y.ID | null;
  key: string | null;
}

/**
 * An incoming update read against the document it is about to change, once
 * for all the guards that judge it (record writes, the board, reactions):
 * its new items, where each sits, and what its delete set newly deletes.
 * Every guard used to index and place the same 14,000 structs of a large
 * update again; this does it once, keyed by number and object rather than
 * by id strings. The update must be gap-free relative to `doc` and the doc
 * must not change while the view is in use.
 */
export class UpdateView {
  /** Items of the update the doc does not have yet, in update order. Known structs are skipped by Yjs on apply. */
  readonly items: Y.Item[] = [];
  private readonly byClient = new Map<number, Map<number, Y.Item>>();
  private readonly places = new Map<Y.Item, Place | null>();
  private deleted: Y.Item[] | null = null;
  private walkedPastBudget = false;

  /**
   * `deleteWalkBudget`: how many of the doc's structs the delete set may make
   * us visit. A delete range costs its sender a few bytes whatever it
   * covers; past this the deletions cannot all be checked, and
   * `deletesBeyondCheck` says so, for the caller to refuse the update.
   */
  constructor(
    readonly doc: Y.Doc,
    readonly decoded: DecodedUpdate,
    private readonly deleteWalkBudget = 1_000_000,
  ) {
    let client = -1;
    let known = 0;
    let clocks = new Map<number, Y.Item>();
    for (const s of decoded.structs) {
      if (!(s instanceof Y.Item)) continue;
      if (s.id.client !== client) {
        client = s.id.client;
        known = Y.getState(doc.store, client);
        clocks = this.byClient.get(client) ?? new Map();
        this.byClient.set(client, clocks);
      }
      if (s.id.clock + s.length <= known) continue;
      this.items.push(s);
      clocks.set(s.id.clock, s);
    }
  }

  /** The new item of the update that starts at `id`. */
  item(id: Y.ID): Y.Item | undefined {
    return this.byClient.get(id.client)?.get(id.clock);
  }

  /**
   * Where an item sits: one of the doc's (e.g. a newly deleted one), or a new
   * item of the update, following its neighbours (parent info is only
   * encoded on an item without one). Cached per item.
   */
  placeOf(item: Y.Item): Place | null {
    const chain: Y.Item[] = [];
    let at: Y.Item | undefined = item;
    let out: Place | null = null;
    // Iterative: a chain of neighbours can be long.
    while (at && chain.length < 10_000) {
      const cached = this.places.get(at);
      if (cached !== undefined || this.places.has(at)) {
        out = cached ?? null;
        break;
      }
      chain.push(at);
      const parent = at.parent as unknown;
      if (parent instanceof Y.AbstractType) {
        out = placeOfDocItem(at);
        break;
      }
      if (typeof parent === 'string') {
        out = { root: parent, parentId: null, key: at.parentSub };
        break;
      }
      if (parent && typeof parent === 'object' && 'client' in parent) {
        out = { root: null, parentId: parent as Y.ID, key: at.parentSub };
        break;
      }
      const near: Y.ID | null = at.origin ?? at.rightOrigin;
      if (!near) break;
      const inUpdate = this.item(near);
      if (!inUpdate) {
        // A neighbour shares the parent, and for map entries the key.
        out = placeInDoc(this.doc, near);
        break;
      }
      at = inUpdate;
    }
    for (const c of chain) this.places.set(c, out);
    return out;
  }

  /** Where the item with this id sits: a new item of the update, else the doc's. */
  placeOfId(id: Y.ID): Place | null {
    const inUpdate = this.item(id);
    return inUpdate ? this.placeOf(inUpdate) : placeInDoc(this.doc, id);
  }

  /**
   * Items of the doc the delete set newly deletes: a walk along the doc's
   * structs of each range (past garbage-collected runs, which a crafted range
   * may start in), bounded so a huge range cannot stall the server. When
   * the bound cuts the walk short the list is partial: see `deletesBeyondCheck`.
   */
  newlyDeleted(): Y.Item[] {
    if (this.deleted) return this.deleted;
    const out: Y.Item[] = [];
    let budget = this.deleteWalkBudget;
    for (const [client, ranges] of this.decoded.ds.clients) {
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      const have = Y.getState(this.doc.store, client);
      for (const r of ranges) {
        const end = Math.min(r.clock + r.len, have);
        if (r.clock >= end) continue;
        for (let i = Y.findIndexSS(structs, r.clock); i < structs.length; i++) {
          const s = structs[i] as Y.Item | Y.GC;
          if (s.id.clock >= end) break;
          if (budget-- <= 0) {
            this.walkedPastBudget = true;
            break;
          }
          if (s instanceof Y.Item && !s.deleted) out.push(s);
        }
      }
    }
    this.deleted = out;
    return out;
  }

  /** True when the delete set covers more of the doc than the walk may visit, so `newlyDeleted` is partial. */
  get deletesBeyondCheck(): boolean {
    this.newlyDeleted();
    return this.walkedPastBudget;
  }
}

/** `d` itself when it is already a view of an update, else a view of it against `doc`. */
export const viewOf = (doc: Y.Doc, d: DecodedUpdate | UpdateView): UpdateView => (d instanceof UpdateView ? d : new UpdateView(doc, d));

/** Where an item of `doc` sits. */
export function placeInDoc(doc: Y.Doc, id: Y.ID): Place | null {
  const item = docItem(doc, id);
  return item ? placeOfDocItem(item) : null;
}

/** Where an item that is part of a doc (its parent a type) sits. */
function placeOfDocItem(item: Y.Item): Place | null {
  if (!(item.parent instanceof Y.AbstractType)) return null;
  const type = item.parent as Y.AbstractType<unknown>;
  return { root: type._item === null ? Y.findRootTypeKey(type) : null, parentId: type._item?.id ?? null, key: item.parentSub };
}
