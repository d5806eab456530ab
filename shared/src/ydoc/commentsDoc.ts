import * as Y from 'yjs';
import { type Comment, type CommentId, CommentSchema, createCommentId } from '../model/comment.ts';
import type { Migration } from './schemaVersion.ts';

/**
 * The `comments` document of a session (public contract):
 *
 *   meta:    { schemaVersion }
 *   threads: IdeaId | StepId → Y.Array<Y.Map> of comment entries
 *            { id, authorId, authorName, text, createdAt, mentions, editedAt, deleted }
 *
 * Participants and the facilitator write it directly over sync in every
 * phase (the discussion goes on while the board is frozen); the server's
 * guard (`checkClientCommentsUpdate`) refuses anything that is not an
 * append of one's own comment, an edit of one's own, or a soft delete the
 * writer may make. Entries are flat Y.Maps of plain values.
 */
export const COMMENTS_ROOTS = { meta: 'meta', threads: 'threads' } as const;

export const COMMENTS_MIGRATIONS: readonly Migration[] = [{ id: 'comments/1-initial', to: 1, up: () => {} }];

export const threadsMap = (doc: Y.Doc) => doc.getMap<Y.Array<Y.Map<unknown>>>(COMMENTS_ROOTS.threads);

/** A stored entry read tolerantly: null when it does not parse (a newer or broken writer). */
export function readComment(entry: unknown): Comment | null {
  if (!(entry instanceof Y.Map)) return null;
  const parsed = CommentSchema.safeParse(entry.toJSON());
  return parsed.success ? parsed.data : null;
}

/** The comments on one idea or step, oldest first, soft-deleted ones included (the UI shows "deleted"). */
export function readThread(doc: Y.Doc, key: string): Comment[] {
  const arr = threadsMap(doc).get(key);
  if (!(arr instanceof Y.Array)) return [];
  return arr.toArray().flatMap((e) => readComment(e) ?? []);
}

/** Every thread, keyed by idea or step id. */
export function readThreads(doc: Y.Doc): Map<string, Comment[]> {
  const out = new Map<string, Comment[]>();
  for (const key of threadsMap(doc).keys()) out.set(key, readThread(doc, key));
  return out;
}

/** Visible (not deleted) comments per idea or step: the count badge on a note. */
export function commentCounts(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, list] of readThreads(doc)) {
    const n = list.filter((c) => !c.deleted).length;
    if (n > 0) out.set(key, n);
  }
  return out;
}

export interface NewComment {
  authorId: string;
  authorName: string;
  text: string;
  mentions: string[];
  now: Date;
}

/**
 * Appends a comment to `key`'s thread, creating the thread if it is the
 * first. Call inside the caller's transaction (tagged `user`).
 */
export function addComment(doc: Y.Doc, key: string, c: NewComment): CommentId {
  const threads = threadsMap(doc);
  let arr = threads.get(key);
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<Y.Map<unknown>>();
    threads.set(key, arr);
  }
  const id = createCommentId();
  const entry = new Y.Map<unknown>();
  const fields: Comment = {
    id,
    authorId: c.authorId,
    authorName: c.authorName,
    text: c.text,
    createdAt: c.now.toISOString(),
    mentions: c.mentions,
    editedAt: null,
    deleted: false,
  };
  for (const [k, v] of Object.entries(fields)) entry.set(k, v);
  arr.push([entry]);
  return id;
}

function findEntry(doc: Y.Doc, key: string, id: string): Y.Map<unknown> | null {
  const arr = threadsMap(doc).get(key);
  if (!(arr instanceof Y.Array)) return null;
  return arr.toArray().find((e) => e instanceof Y.Map && e.get('id') === id) ?? null;
}

/** The author's edit: new text and mentions, stamped `editedAt`. Returns false when no such comment. */
export function editComment(doc: Y.Doc, key: string, id: string, text: string, mentions: string[], now: Date): boolean {
  const e = findEntry(doc, key, id);
  if (!e) return false;
  e.set('text', text);
  e.set('mentions', mentions);
  e.set('editedAt', now.toISOString());
  return true;
}

/**
 * Soft delete by the author or the facilitator: the entry stays (replies
 * keep their place), marked deleted, with its text and mentions cleared.
 */
export function deleteComment(doc: Y.Doc, key: string, id: string): boolean {
  const e = findEntry(doc, key, id);
  if (!e) return false;
  e.set('deleted', true);
  e.set('text', '');
  e.set('mentions', []);
  return true;
}

/**
 * The comments an (already applied) update wrote: entries it created, and
 * entries whose mentions it set (an edit that may mention someone new).
 * Used to notify mentions once, where the update landed; the outbox keeps
 * one mention mail per comment and person, so an edit mails only the
 * people it added.
 */
export function commentsWrittenBy(doc: Y.Doc, update: Uint8Array): { threadKey: string; comment: Comment; created: boolean }[] {
  const out = new Map<Y.Map<unknown>, { threadKey: string; comment: Comment; created: boolean }>();
  // Typed before the walk: the first `getMap` on a doc that only has the root from updates swaps in a new root object.
  const threads = threadsMap(doc);
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item)) continue;
    const item = itemIn(doc, s.id);
    if (!item || item.deleted) continue;
    // An entry itself (its Y.Map is new) or a field of an entry set by an edit.
    const created = item.content instanceof Y.ContentType;
    if (!created && item.parentSub !== 'mentions') continue;
    const entry = created ? (item.content as Y.ContentType).type : item.parent;
    const thread = (entry instanceof Y.Map ? entry._item?.parent : null) as Y.AbstractType<unknown> | null | undefined;
    const threadKey = thread?._item?.parentSub;
    if (!(entry instanceof Y.Map) || !threadKey || thread?._item?.parent !== threads) continue;
    const comment = readComment(entry);
    if (comment && !comment.deleted) out.set(entry, { threadKey, comment, created: created || (out.get(entry)?.created ?? false) });
  }
  return [...out.values()];
}

function itemIn(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const found = Y.getItem(doc.store, id);
    return found instanceof Y.Item ? found : null;
  } catch {
    return null;
  }
}
