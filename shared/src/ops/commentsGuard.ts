import * as Y from 'yjs';
import { COMMENT_AUTHOR_FIELDS, COMMENT_IMMUTABLE_FIELDS, type Comment, CommentSchema, ThreadKeySchema } from '../model/comment.ts';
import type { Role } from '../model/role.ts';
import { COMMENTS_ROOTS, threadsMap } from '../ydoc/commentsDoc.ts';
import { moveOrphans, type Orphan, orphansOf } from './orphanedComments.ts';

/** Who is writing, from their token. */
export interface CommentWriter {
  participantId: string;
  name: string;
  role: Role;
}

/**
 * Checks a client's update to a `comments` doc before it is applied, and
 * returns a reason to refuse it or null. A writer may only:
 *
 * - start a thread on an idea or step that has none (never replace one);
 * - append comments under their own id and name, complete and within limits;
 * - edit the text and mentions of their own comments (stamping `editedAt`);
 * - mark a comment deleted (clearing its text) if they wrote it or facilitate.
 *
 * Nothing is ever removed from a thread, no immutable field changes, and no
 * root other than `threads` is written.
 *
 * How: the update is applied to a mirror of the doc, and the threads it
 * touched are compared with the doc's. That judges the *result*, however
 * the bytes were crafted, at a cost proportional to the touched threads.
 * The mirror follows the doc through its `update` events (replaying the
 * accepted update is a no-op) and is rebuilt after a refusal.
 */
export function checkClientCommentsUpdate(doc: Y.Doc, update: Uint8Array, who: CommentWriter): string | null {
  const mirror = mirrorOf(doc);
  rescues.delete(doc);
  let tr: Y.Transaction | null = null;
  let orphans: Orphan[] = [];
  const capture = (t: Y.Transaction) => {
    tr = t;
    // Before the transaction's garbage collection, while a thread that lost to a concurrent one still has its entries.
    orphans = orphansOf(t);
  };
  mirror.on('afterTransaction', capture);
  try {
    Y.applyUpdate(mirror, update);
  } catch {
    dropMirror(doc);
    return 'the update could not be read';
  } finally {
    mirror.off('afterTransaction', capture);
  }
  const reason = tr ? (judge(doc, mirror, tr, who) ?? judgeOrphans(orphans, mirror, who)) : null;
  const pending = (mirror.store as unknown as { pendingStructs: unknown; pendingDs: unknown }).pendingDs !== null;
  if (reason || pending) dropMirror(doc);
  else if (orphans.length > 0) rescues.set(doc, orphans);
  return reason;
}

/** Orphans found by the last accepted check of a doc, until `restoreOrphanedComments` puts them back. */
const rescues = new WeakMap<Y.Doc, Orphan[]>();

/**
 * After an update the guard accepted is applied: moves the comments of a
 * thread array that lost to a concurrently created one into the one that
 * won (see `moveOrphans`). Returns the moved comments the update's sender
 * wrote (their mentions are still to be notified).
 */
export function restoreOrphanedComments(doc: Y.Doc): { threadKey: string; comment: Comment }[] {
  const orphans = rescues.get(doc);
  rescues.delete(doc);
  if (!orphans) return [];
  return moveOrphans(doc, orphans)
    .filter((m) => m.orphan.arrived)
    .map(({ threadKey, comment }) => ({ threadKey, comment }));
}

/**
 * A sender's comments in a thread that lost must be theirs, as if appended
 * to the thread that won. A thread the sender created "concurrently" must
 * not reuse the id of a comment in the thread it displaced: the move skips
 * ids already there, so that comment would silently become the sender's.
 */
function judgeOrphans(orphans: Orphan[], mirror: Y.Doc, who: CommentWriter): string | null {
  for (const o of orphans) {
    if (!o.arrived) {
      const won = threadsMap(mirror).get(o.threadKey);
      if (won instanceof Y.Array && won.toArray().some((e) => e instanceof Y.Map && e.get('id') === o.fields.id))
        return 'two comments share an id';
      continue;
    }
    if (!ThreadKeySchema.safeParse(o.threadKey).success) return 'a thread belongs to an idea or a step';
    const reason = judgeNew(o.fields, who);
    if (reason) return reason;
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type; we only walk parents.
type AnyType = Y.AbstractType<any>;

const mirrors = new WeakMap<Y.Doc, { mirror: Y.Doc; follow: (u: Uint8Array) => void }>();

function mirrorOf(doc: Y.Doc): Y.Doc {
  const known = mirrors.get(doc);
  if (known) return known.mirror;
  const mirror = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(mirror, Y.encodeStateAsUpdate(doc));
  const follow = (u: Uint8Array) => Y.applyUpdate(mirror, u);
  doc.on('update', follow);
  doc.once('destroy', () => dropMirror(doc));
  mirrors.set(doc, { mirror, follow });
  return mirror;
}

function dropMirror(doc: Y.Doc): void {
  const known = mirrors.get(doc);
  if (!known) return;
  doc.off('update', known.follow);
  known.mirror.destroy();
  mirrors.delete(doc);
}

/** The root name of `type`, and its depth below that root (0 for the root itself). */
function rootOf(type: AnyType): { root: string; depth: number } {
  let t = type;
  let depth = 0;
  while (t._item !== null) {
    t = t._item.parent as AnyType;
    depth++;
  }
  return { root: Y.findRootTypeKey(t), depth };
}

/** The thread key a changed type belongs to: the key in `threads` of its ancestor at depth 1. */
function threadKeyOf(type: AnyType, depth: number): string | null {
  let t = type;
  for (let d = depth; d > 1; d--) t = t._item?.parent as AnyType;
  return t._item?.parentSub ?? null;
}

const idOf = (t: AnyType) => (t._item ? `${t._item.id.client}:${t._item.id.clock}` : '');

function judge(doc: Y.Doc, mirror: Y.Doc, tr: Y.Transaction, who: CommentWriter): string | null {
  const touched = new Set<string>();
  for (const [type, keys] of tr.changed) {
    const { root, depth } = rootOf(type);
    if (root !== COMMENTS_ROOTS.threads) return `only ${COMMENTS_ROOTS.threads} may be written`;
    if (depth === 0) {
      for (const k of keys) if (k !== null) touched.add(k);
      if (keys.has(null)) return 'threads is a map';
    } else if (depth <= 2) {
      const k = threadKeyOf(type, depth);
      if (k !== null) touched.add(k);
    } else {
      return 'comment entries hold plain values only';
    }
  }
  for (const key of touched) {
    const reason = judgeThread(threadsMap(doc).get(key), threadsMap(mirror).get(key), key, who);
    if (reason) return reason;
  }
  return null;
}

function judgeThread(before: unknown, after: unknown, key: string, who: CommentWriter): string | null {
  if (!ThreadKeySchema.safeParse(key).success) return 'a thread belongs to an idea or a step';
  if (!(after instanceof Y.Array)) return before ? 'a thread cannot be removed' : 'a thread is an array of comments';
  let base = before;
  if (before instanceof Y.Array && idOf(before) !== idOf(after)) {
    // Created without knowing the doc's thread (a concurrent first comment): its entries are judged as new, and the
    // replaced thread's comments are moved into it after applying (restoreOrphanedComments). Knowingly replacing is refused.
    if (after._item?.origin !== null) return 'a thread cannot be replaced';
    base = undefined;
  }
  const old = new Map<string, Y.Map<unknown>>();
  if (base instanceof Y.Array) for (const e of base.toArray()) if (e instanceof Y.Map) old.set(idOf(e), e);
  const seenIds = new Set<unknown>();
  let kept = 0;
  for (const e of after.toArray()) {
    if (!(e instanceof Y.Map)) return 'a thread holds comment entries only';
    for (const v of e.values()) if (v instanceof Y.AbstractType) return 'comment entries hold plain values only';
    if (seenIds.has(e.get('id'))) return 'two comments share an id';
    seenIds.add(e.get('id'));
    const prior = old.get(idOf(e));
    const reason = prior ? judgeEdit(prior.toJSON(), e.toJSON(), who) : judgeNew(e.toJSON(), who);
    if (reason) return reason;
    if (prior) kept++;
  }
  return kept === old.size ? null : 'comments are deleted by marking them, never removed';
}

function judgeNew(entry: Record<string, unknown>, who: CommentWriter): string | null {
  const parsed = CommentSchema.strict().safeParse(entry);
  if (!parsed.success) return `not a valid comment: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
  const c = parsed.data;
  if (c.authorId !== who.participantId || c.authorName !== who.name) return 'a comment is written under your own name only';
  if (c.deleted || c.editedAt !== null) return 'a new comment is neither edited nor deleted';
  return null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function judgeEdit(before: Record<string, unknown>, after: Record<string, unknown>, who: CommentWriter): string | null {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((k) => !same(before[k], after[k]));
  if (changed.length === 0) return null;
  const parsed = CommentSchema.strict().safeParse(after);
  if (!parsed.success) return `not a valid comment: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
  if (changed.some((k) => (COMMENT_IMMUTABLE_FIELDS as readonly string[]).includes(k)))
    return 'who wrote a comment, and when, never changes';
  const isAuthor = before.authorId === who.participantId;
  const deleting = before.deleted === false && after.deleted === true;
  if (deleting) {
    if (!isAuthor && who.role !== 'facilitator') return 'only its author or the facilitator deletes a comment';
    // Deleting clears the text and mentions; nothing else may change with it.
    const rest = changed.filter((k) => k !== 'deleted');
    const cleared = after.text === '' && same(after.mentions, []);
    return rest.every((k) => k === 'text' || k === 'mentions') && (rest.length === 0 || cleared)
      ? null
      : 'deleting a comment only clears it';
  }
  if (changed.includes('deleted')) return 'a deleted comment stays deleted';
  if (!isAuthor) return 'only its author edits a comment';
  if (before.deleted === true) return 'a deleted comment cannot be edited';
  if (!changed.every((k) => (COMMENT_AUTHOR_FIELDS as readonly string[]).includes(k))) return 'that field cannot be edited';
  return null;
}
