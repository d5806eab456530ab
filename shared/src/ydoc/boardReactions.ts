import type * as Y from 'yjs';
import { isReactionEmoji, REACTION_EMOJI, type ReactionEmoji, type Reactions } from '../model/reaction.ts';
import { BOARD_ROOTS } from './boardDoc.ts';

/**
 * Reactions live in one flat board root, one entry per (note, emoji,
 * person): `"<ideaId>|<emoji>|<participantId>" → true`. Read per note they
 * are the note's reactions map, emoji → participant ids.
 *
 * Flat rather than nested in the note's own Y.Map because (1) two people
 * reacting first with the same emoji at the same moment would each create
 * the nested map and Yjs keeps only one of them, losing a reaction; (2) the
 * sync guard can check ownership from an entry's key alone; (3) deleting a
 * note and undoing it brings its reactions back, without a client
 * re-creating other people's entries.
 */
export const reactionsMap = (doc: Y.Doc) => doc.getMap<unknown>(BOARD_ROOTS.reactions);

export const reactionKey = (ideaId: string, emoji: ReactionEmoji, participantId: string) => `${ideaId}|${emoji}|${participantId}`;

/** Splits an entry key; null for one that is not (note, known emoji, person). */
export function parseReactionKey(key: string): { ideaId: string; emoji: ReactionEmoji; participantId: string } | null {
  const last = key.lastIndexOf('|');
  const mid = last > 0 ? key.lastIndexOf('|', last - 1) : -1;
  if (mid <= 0) return null;
  const ideaId = key.slice(0, mid);
  const emoji = key.slice(mid + 1, last);
  const participantId = key.slice(last + 1);
  if (!participantId || !isReactionEmoji(emoji)) return null;
  return { ideaId, emoji, participantId };
}

/** Every note's reactions, in one pass over the root (the canvas reads this once per change, not per note). */
export function readAllReactions(doc: Y.Doc): Map<string, Reactions> {
  const out = new Map<string, Reactions>();
  reactionsMap(doc).forEach((v, key) => {
    if (v !== true) return;
    const k = parseReactionKey(key);
    if (!k) return;
    const r = out.get(k.ideaId) ?? {};
    r[k.emoji] = [...(r[k.emoji] ?? []), k.participantId];
    out.set(k.ideaId, r);
  });
  for (const r of out.values()) for (const e of REACTION_EMOJI) r[e]?.sort();
  return out;
}

export const readReactions = (doc: Y.Doc, ideaId: string): Reactions => readAllReactions(doc).get(ideaId) ?? {};

/** Adds or removes one's own reaction. Call inside a transaction tagged `user`. */
export function toggleReaction(doc: Y.Doc, ideaId: string, emoji: ReactionEmoji, participantId: string): boolean {
  const m = reactionsMap(doc);
  const key = reactionKey(ideaId, emoji, participantId);
  if (m.get(key) === true) {
    m.delete(key);
    return false;
  }
  m.set(key, true);
  return true;
}
