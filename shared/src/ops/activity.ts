import * as Y from 'yjs';
import type { Comment } from '../model/comment.ts';
import type { NextStep } from '../model/nextStep.ts';
import type { Decision } from '../model/selection.ts';
import { BOARD_ROOTS, ideasMap, restoreIdea } from '../ydoc/boardDoc.ts';
import { readThreads } from '../ydoc/commentsDoc.ts';
import { readDecisions, readSteps } from '../ydoc/controlDoc.ts';

/** A note in the activity list: enough to show it and find it on the canvas. */
export interface IdeaRef {
  id: string;
  text: string;
  authorName: string;
}

export interface CommentRef extends Pick<Comment, 'id' | 'authorId' | 'authorName' | 'text' | 'createdAt' | 'mentions'> {
  threadKey: string;
}

/** Fields whose change makes a note "changed" for a returning reader; moving a note does not. */
const MEANINGFUL_FIELDS = new Set(['text', 'color', 'clusterId']);

/**
 * The notes created and changed since `sv` (a state vector of the board
 * taken when the reader last looked). Exact: it reads the structs written
 * after `sv` and finds the note each belongs to, so edits by clients with
 * wrong clocks count all the same. Deleted notes are not listed.
 */
export function boardChangesSince(board: Y.Doc, sv: Uint8Array): { created: IdeaRef[]; changed: IdeaRef[] } {
  const seen = Y.decodeStateVector(sv);
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(board, sv));
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    let item: Y.Item | null = null;
    try {
      const found = Y.getItem(board.store, s.id);
      item = found instanceof Y.Item ? found : null;
    } catch {
      item = null;
    }
    // Walk up to the note's own entry in `ideas`, remembering the field touched on the way.
    let field: string | null = null;
    while (item) {
      const parent = item.parent as Y.AbstractType<unknown> | null;
      if (!parent) break;
      if (parent._item === null) {
        if (Y.findRootTypeKey(parent) === BOARD_ROOTS.ideas && item.parentSub && !item.deleted) {
          const isNew = item.id.clock >= (seen.get(item.id.client) ?? 0);
          if (isNew) created.add(item.parentSub);
          else if (field && MEANINGFUL_FIELDS.has(field)) changed.add(item.parentSub);
        }
        break;
      }
      field = item.parentSub ?? field;
      item = parent._item;
    }
  }
  for (const id of created) changed.delete(id);
  const ref = (id: string): IdeaRef[] => {
    const m = ideasMap(board).get(id);
    if (!(m instanceof Y.Map)) return [];
    const idea = restoreIdea(id, m);
    return [{ id, text: idea.text, authorName: idea.authorName }];
  };
  return { created: [...created].flatMap(ref), changed: [...changed].flatMap(ref) };
}

/** Notes created after `since` (epoch ms) by their own clock: the fallback when no state vector was kept. */
export function ideasCreatedSince(board: Y.Doc, since: number): IdeaRef[] {
  return [...ideasMap(board).entries()]
    .map(([id, m]) => restoreIdea(id, m))
    .filter((i) => i.createdAt > since)
    .map((i) => ({ id: i.id, text: i.text, authorName: i.authorName }));
}

/**
 * Comments written after `sinceIso` (not deleted), and those of them that mention `me`.
 * Compared as times: a third-party client may stamp `createdAt` with an offset, which sorts wrongly as text.
 */
export function commentsSince(doc: Y.Doc, sinceIso: string, me: string): { comments: CommentRef[]; mentions: CommentRef[] } {
  const since = Date.parse(sinceIso);
  const comments: CommentRef[] = [];
  for (const [threadKey, list] of readThreads(doc)) {
    for (const c of list) {
      if (c.deleted || Date.parse(c.createdAt) <= since) continue;
      comments.push({
        threadKey,
        id: c.id,
        authorId: c.authorId,
        authorName: c.authorName,
        text: c.text,
        createdAt: c.createdAt,
        mentions: c.mentions,
      });
    }
  }
  comments.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return { comments, mentions: comments.filter((c) => c.mentions.includes(me) && c.authorId !== me) };
}

/** Decisions made and steps written after `sinceIso`. */
export function planChangesSince(control: Y.Doc, sinceIso: string): { decisions: Decision[]; steps: NextStep[] } {
  return {
    decisions: readDecisions(control).filter((d) => d.decidedAt > sinceIso),
    steps: readSteps(control).filter((s) => s.updatedAt > sinceIso),
  };
}
