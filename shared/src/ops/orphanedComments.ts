import * as Y from 'yjs';
import { type Comment, CommentSchema } from '../model/comment.ts';
import { COMMENTS_ROOTS, threadsMap } from '../ydoc/commentsDoc.ts';
import { Origins } from '../ydoc/origins.ts';

/**
 * Two people posting the first comment on the same note at the same time
 * each create the thread's array; Yjs keeps one value per map key, so one
 * array loses. Its comments are orphans until moved into the array that won.
 */
export interface Orphan {
  threadKey: string;
  fields: Record<string, unknown>;
  /** Its array arrived in this transaction (and lost at once); otherwise the array was live and this transaction displaced it. */
  arrived: boolean;
  /** `client:clock` of the array that lost. */
  arrayId: string;
}

/**
 * The comments of thread arrays a transaction displaced: a live thread
 * replaced by a concurrently created one, or an array that arrived in it
 * and lost to the live one. Call from `afterTransaction`: the entries are
 * read from the raw Yjs items, which garbage collection clears right after.
 */
export function orphansOf(tr: Y.Transaction): Orphan[] {
  // The root as the update created it: `getMap` here could swap a root the update introduced for a typed one mid-check.
  const [root, keys] = [...tr.changed].find(([t]) => t._item === null && rootName(t) === COMMENTS_ROOTS.threads) ?? [];
  if (!root || !keys) return [];
  const out: Orphan[] = [];
  for (const key of keys) {
    if (key === null) continue;
    for (let n = root._map.get(key)?.left ?? null; n !== null; n = n.left) {
      if (!n.deleted || !(n.content instanceof Y.ContentType) || !(n.content.type instanceof Y.Array)) continue;
      const arrived = n.id.clock >= (tr.beforeState.get(n.id.client) ?? 0);
      // An older array, displaced by an earlier transaction (and already repaired then).
      if (!arrived && !Y.isDeleted(tr.deleteSet, n.id)) continue;
      const arrayId = `${n.id.client}:${n.id.clock}`;
      for (const fields of rawEntries(n.content.type)) out.push({ threadKey: key, fields, arrived, arrayId });
    }
  }
  return out;
}

/**
 * Moves orphans into the thread that won (by creation time, skipping ids
 * already there) in one server write every client receives. Entries keep
 * their id, author and times, so edits and deletes find them. Returns the
 * orphans moved, as comments.
 */
export function moveOrphans(doc: Y.Doc, orphans: readonly Orphan[]): { threadKey: string; comment: Comment; orphan: Orphan }[] {
  const moved: { threadKey: string; comment: Comment; orphan: Orphan }[] = [];
  if (orphans.length === 0) return moved;
  doc.transact(() => {
    for (const o of orphans) {
      const thread = threadsMap(doc).get(o.threadKey);
      const parsed = CommentSchema.safeParse(o.fields);
      if (!(thread instanceof Y.Array) || !parsed.success) continue;
      const c = parsed.data;
      const entries = thread.toArray();
      if (entries.some((e) => e instanceof Y.Map && e.get('id') === c.id)) continue;
      // As times: a third-party client may stamp an offset.
      const after = entries.findIndex((e) => e instanceof Y.Map && Date.parse(String(e.get('createdAt'))) > Date.parse(c.createdAt));
      const entry = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(c)) entry.set(k, v);
      thread.insert(after === -1 ? entries.length : after, [entry]);
      moved.push({ threadKey: o.threadKey, comment: c, orphan: o });
    }
  }, Origins.command);
  return moved;
}

/** The entries of a deleted array: its items are deleted too, so `toArray()` would skip them. */
function rawEntries(arr: Y.Array<unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let n = arr._start; n !== null; n = n.right) {
    if (!(n.content instanceof Y.ContentType) || !(n.content.type instanceof Y.Map)) continue;
    const fields: Record<string, unknown> = {};
    for (const [k, item] of n.content.type._map) {
      const values = item.content.getContent();
      if (values.length > 0) fields[k] = values[values.length - 1];
    }
    out.push(fields);
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; we only read the root's name.
const rootName = (t: Y.AbstractType<any>) => Y.findRootTypeKey(t);
