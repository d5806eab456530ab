import * as Y from 'yjs';
import { COMMENTS_ROOTS } from '../ydoc/commentsDoc.ts';
import { Origins } from '../ydoc/origins.ts';
import { moveOrphans, type Orphan, orphansOf } from './orphanedComments.ts';

/** How a server instance tells its transactions apart. */
export interface RelayedThreadOrigins {
  /** An update from a client connected to this instance (judged by the comments guard). */
  fromClient(origin: unknown): boolean;
  /** An update from another instance (the relay, or the shared store re-read). */
  relayed(origin: unknown): boolean;
}

/**
 * Concurrent first comments across server instances. Each instance accepts
 * its own client's new thread array; the two arrays then meet through the
 * relay, where no client update is judged, and one of them loses on both
 * instances alike. The instance whose client wrote the array that lost
 * repairs it, and only that one (two repairs would copy each comment
 * twice): it remembers the thread arrays its clients created, and when a
 * relayed update displaces one of them it moves that array's comments
 * into the one that won, as a server write the other instances receive.
 *
 * One more instance can still copy the same comments: the one where the
 * winning array came from a client after the losing one was relayed to it
 * (its guard repairs at once, knowing no owner). So a thread a relayed
 * update touched keeps one entry per comment id, the copy with the lowest
 * Yjs item id: every instance picks the same one, and deleting twice is
 * harmless.
 *
 * Mentions need no mail here: they were mailed when an instance first
 * accepted the comment. Returns a function that stops watching.
 */
export function repairRelayedThreads(doc: Y.Doc, origins: RelayedThreadOrigins): () => void {
  const ours = new Set<string>();
  let pending: Orphan[] = [];
  const touched = new Set<Y.Array<unknown>>();
  const onTransaction = (tr: Y.Transaction) => {
    if (origins.fromClient(tr.origin)) {
      for (const id of threadsCreatedIn(tr)) ours.add(id);
    } else if (origins.relayed(tr.origin)) {
      // Read now: the displaced array's entries are cleared by this transaction's garbage collection.
      for (const o of orphansOf(tr)) if (!o.arrived && ours.has(o.arrayId)) pending.push(o);
      for (const type of tr.changed.keys()) if (type instanceof Y.Array && isThread(type)) touched.add(type);
    }
  };
  // After every transaction has been cleaned up, so the repair is a transaction of its own, relayed after the update.
  const onIdle = () => {
    if (pending.length > 0) {
      const orphans = pending;
      pending = [];
      for (const o of orphans) ours.delete(o.arrayId);
      moveOrphans(doc, orphans);
    }
    if (touched.size > 0) {
      const threads = [...touched];
      touched.clear();
      dropCopies(doc, threads);
    }
  };
  doc.on('afterTransaction', onTransaction);
  doc.on('afterAllTransactions', onIdle);
  return () => {
    doc.off('afterTransaction', onTransaction);
    doc.off('afterAllTransactions', onIdle);
  };
}

const isThread = (arr: Y.Array<unknown>) => {
  const parent = arr._item?.parent;
  return (
    !arr._item?.deleted && parent instanceof Y.AbstractType && parent._item === null && Y.findRootTypeKey(parent) === COMMENTS_ROOTS.threads
  );
};

/** Deletes all but one entry per comment id (the lowest item id) in `threads`, in one server write if any. */
function dropCopies(doc: Y.Doc, threads: Y.Array<unknown>[]): void {
  const extra: [Y.Array<unknown>, Y.Item][] = [];
  for (const thread of threads) {
    if (thread._item?.deleted) continue;
    const kept = new Map<unknown, Y.Item>();
    for (let n = thread._start; n !== null; n = n.right) {
      if (n.deleted || !(n.content instanceof Y.ContentType) || !(n.content.type instanceof Y.Map)) continue;
      const id = n.content.type.get('id');
      const other = kept.get(id);
      if (!other) kept.set(id, n);
      else if (lower(n, other)) {
        extra.push([thread, other]);
        kept.set(id, n);
      } else extra.push([thread, n]);
    }
  }
  if (extra.length === 0) return;
  doc.transact(() => {
    for (const [thread, item] of extra) {
      const index = thread.toArray().indexOf((item.content as Y.ContentType).type as never);
      if (index >= 0) thread.delete(index, 1);
    }
  }, Origins.command);
}

const lower = (a: Y.Item, b: Y.Item) => a.id.client < b.id.client || (a.id.client === b.id.client && a.id.clock < b.id.clock);

/** `client:clock` of the thread arrays a transaction created that are live after it. */
function threadsCreatedIn(tr: Y.Transaction): string[] {
  const out: string[] = [];
  for (const [type, keys] of tr.changed) {
    if (type._item !== null || Y.findRootTypeKey(type) !== COMMENTS_ROOTS.threads) continue;
    for (const key of keys) {
      const item = key === null ? undefined : type._map.get(key);
      if (!item || item.deleted || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Array)) continue;
      if (item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)) out.push(`${item.id.client}:${item.id.clock}`);
    }
  }
  return out;
}
