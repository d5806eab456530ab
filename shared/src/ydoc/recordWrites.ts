import * as Y from 'yjs';
import { MAX_TYPE_DEPTH } from '../protocol/updateBounds.ts';
import { docItem } from './docItems.ts';
import { placeInDoc, type UpdateView, viewOf } from './updateView.ts';

/** `Y.decodeUpdate`'s result. */
export type DecodedUpdateOf = ReturnType<typeof Y.decodeUpdate>;

/**
 * What an incoming update does to *records*: the nested maps that sit under
 * a key of a root map (a note in `ideas`, a cluster in `clusters`, a comment
 * in `comments`). Read from the decoded update before it is applied, so the
 * guards built on it (authorship, text bounds) can refuse it whole.
 *
 * Structs the document already has are left out: a reconnecting client's
 * sync step 2 repeats them, and Yjs ignores them when applying, so they
 * cannot change anything.
 */
export interface RecordFieldWrite {
  root: string;
  /** The record's key in its root (the note id). */
  record: string | null;
  /** True when the record itself is created by this update. */
  recordIsNew: boolean;
  field: string;
  /** The value as the map will read it; `plain` is false for nested types or multi-value content. */
  value: unknown;
  plain: boolean;
  /**
   * Deleted by the time it is applied: collected by the sender, or deleted by
   * this update's own delete set (a value overwritten before it was sent; an
   * undo manager keeps such values, and Yjs merges consecutive ones into one
   * item of several values). The map never reads it.
   */
  gone: boolean;
  /** Every value the item carries (`values[0]` is `value`), for bounds that hold even for a gone one. */
  values: readonly unknown[];
}

/** An entry set directly in a root map (a note in `ideas`): records are maps, so anything else is not one. */
export interface RootEntryWrite {
  root: string;
  /** Null for list content pushed into the root, which a map never reads but Yjs stores. */
  key: string | null;
  shape: 'map' | 'gone' | 'other';
}

/** A field of a record that exists and stays, deleted by this update. */
export interface RecordFieldDelete {
  root: string;
  record: string | null;
  field: string;
}

export interface RecordWrites {
  /** Records this update creates (a nested type set under a key of a root map). */
  created: { root: string; record: string }[];
  writes: RecordFieldWrite[];
  deletes: RecordFieldDelete[];
  /** New entries of root maps (the records themselves, or whatever was set in their place). */
  rootEntries: RootEntryWrite[];
  /** Deepest nesting of shared types this update creates (a root's direct child is 1), read up to one past the limit. */
  typeDepth: number;
}

/** Nesting depth of the type an item of `doc` is (0 for a root), stopping once past `limit`. */
function depthInDoc(doc: Y.Doc, id: Y.ID, limit: number): number {
  let item = docItem(doc, id);
  let depth = 0;
  while (item && depth <= limit) {
    depth++;
    const parent = item.parent as Y.AbstractType<unknown> | null;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return depth;
}

/**
 * Reads the record writes of a gap-free update against `doc` (see
 * `RecordWrites`). Pass the `UpdateView` the other guards use, so the
 * update's items are indexed and placed once.
 */
export function readRecordWrites(doc: Y.Doc, decoded: DecodedUpdateOf | UpdateView, depthLimit = MAX_TYPE_DEPTH): RecordWrites {
  const view = viewOf(doc, decoded);
  const place = (item: Y.Item) => view.placeOf(item);

  // Which record (root + key) a type with this id is, if it is one; once per type (a note has a dozen fields).
  type RecordAt = { root: string; record: string | null; isNew: boolean } | null;
  const records = new Map<number, Map<number, RecordAt>>();
  const recordOf = (typeId: Y.ID): RecordAt => {
    const ofClient = records.get(typeId.client) ?? new Map<number, RecordAt>();
    records.set(typeId.client, ofClient);
    const known = ofClient.get(typeId.clock);
    if (known !== undefined) return known;
    const inUpdate = view.item(typeId);
    const p = inUpdate ? place(inUpdate) : placeInDoc(doc, typeId);
    const rec = !p || p.root === null ? null : { root: p.root, record: p.key, isNew: inUpdate !== undefined };
    ofClient.set(typeId.clock, rec);
    return rec;
  };

  // Depth of each new type: 1 under a root, one more under another type. Iterative: a chain can be long.
  const depths = new Map<Y.Item, number>();
  const depthOf = (item: Y.Item): number => {
    const chain: Y.Item[] = [];
    let at: Y.Item | undefined = item;
    let base = 0;
    while (at) {
      const known = depths.get(at);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(at);
      if (chain.length > depthLimit) return depthLimit + 1;
      const parentId = place(at)?.parentId ?? null;
      if (!parentId) break;
      at = view.item(parentId);
      if (!at) base = depthInDoc(doc, parentId, depthLimit);
    }
    // Capped: past the limit the update is refused, and how much deeper it goes does not matter.
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i] as Y.Item, Math.min(depthLimit + 1, base + chain.length - i));
    return Math.min(depthLimit + 1, base + chain.length);
  };

  let typeDepth = 0;
  const writes: RecordFieldWrite[] = [];
  const created: RecordWrites['created'] = [];
  const rootEntries: RootEntryWrite[] = [];
  for (const item of view.items) {
    const p = place(item);
    if (p && p.root !== null) rootEntries.push({ root: p.root, key: p.key, shape: shapeOf(item.content) });
    if (item.content instanceof Y.ContentType) {
      typeDepth = Math.max(typeDepth, depthOf(item));
      // Too deep: the caller refuses the whole update, so the rest need not be read.
      if (typeDepth > depthLimit) return { created, writes, deletes: [], rootEntries, typeDepth };
      if (p && p.root !== null && p.key !== null) created.push({ root: p.root, record: p.key });
    }
    if (!p?.parentId || p.key === null) continue;
    const rec = recordOf(p.parentId);
    if (!rec) continue;
    const content = item.content;
    const values = content instanceof Y.ContentAny || content instanceof Y.ContentJSON ? content.arr : null;
    writes.push({
      root: rec.root,
      record: rec.record,
      recordIsNew: rec.isNew,
      field: p.key,
      value: values?.[0],
      plain: values !== null && values.length === 1,
      gone: content instanceof Y.ContentDeleted || Y.isDeleted(view.decoded.ds, item.id),
      values: values ?? [],
    });
  }

  return { created, writes, deletes: readFieldDeletes(view), rootEntries, typeDepth };
}

function shapeOf(content: Y.Item['content']): RootEntryWrite['shape'] {
  if (content instanceof Y.ContentDeleted) return 'gone';
  return content instanceof Y.ContentType && content.type instanceof Y.Map ? 'map' : 'other';
}

/** Fields of live records that the delete set removes while the record stays. */
function readFieldDeletes(view: UpdateView): RecordFieldDelete[] {
  const out: RecordFieldDelete[] = [];
  const candidates = view.newlyDeleted();
  const deletedTypes = new Set<Y.Item>();
  for (const found of candidates) if (found.content instanceof Y.ContentType) deletedTypes.add(found);
  for (const item of candidates) {
    const type = item.parent as Y.AbstractType<unknown> | null;
    const holder = type instanceof Y.AbstractType ? type._item : null;
    if (!holder || item.parentSub === null || holder.deleted || deletedTypes.has(holder)) continue;
    const rootType = holder.parent as Y.AbstractType<unknown> | null;
    if (!(rootType instanceof Y.AbstractType) || rootType._item !== null) continue;
    out.push({ root: Y.findRootTypeKey(rootType), record: holder.parentSub, field: item.parentSub });
  }
  return out;
}
