import * as Y from 'yjs';
import { AI_REQUESTS_ROOT, readAiRequest } from '../ydoc/aiRequests.ts';
import { BOARD_ROOTS, ideasMap, readIdeas } from '../ydoc/boardDoc.ts';
import { docItem, itemIdKey as idKey } from '../ydoc/docItems.ts';
import { type DecodedUpdate, type UpdateView, viewOf } from '../ydoc/updateView.ts';

/**
 * Fields of a note that only the server may change once the note exists:
 * who wrote it first, which lane it is in, where an AI idea came from, and
 * who adopted it. Changing them through sync would let a client adopt an AI
 * idea without `adoptAiIdea`, or dress a person's note up as the AI's.
 */
const SERVER_OWNED_FIELDS = new Set(['origin', 'lane', 'provenance', 'adoptedBy']);

/**
 * Checks a board update from a client *before* it is applied, for the AI
 * rules that role and phase checks cannot see. Returns a reason to refuse
 * it, or null when it is acceptable:
 *
 * - nobody but the server writes the `aiRequests` root;
 * - a client never creates a note in the AI lane (`lane` other than `canvas`);
 * - a client never changes `origin`, `lane`, `provenance` or `adoptedBy` of a
 *   note that already exists (adoption goes through `adoptAiIdea`);
 * - a note a client creates is either a person's (no provenance, not
 *   adopted) or a copy of an adopted AI idea (see `checkCreatedNote`).
 *
 * Creating ordinary notes, editing any note's text, position, colour or
 * cluster, duplicating an adopted AI note and deleting notes all pass. The
 * update must be gap-free relative to `doc` (the sync layer refuses gaps
 * first); anything it cannot place is let through to those checks.
 */
export function checkClientBoardUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  decoded: DecodedUpdate | UpdateView = Y.decodeUpdate(update),
): string | null {
  // Structs the doc already has are a resend (a reconnect's sync step 2): Yjs skips them on apply, so they change nothing.
  const view = viewOf(doc, decoded);

  // Deletions: status records, and server-owned fields of notes that themselves stay.
  const deleted = view.newlyDeleted();
  const deletedItems = new Set<Y.Item>(deleted);
  for (const item of deleted) {
    const at = view.placeOf(item);
    if (!at) continue;
    if (at.root === AI_REQUESTS_ROOT) return 'only the server records AI request status';
    if (!at.parentId || !at.key || !SERVER_OWNED_FIELDS.has(at.key)) continue;
    const holder = docItem(doc, at.parentId);
    if (holder && !holder.deleted && !deletedItems.has(holder) && view.placeOf(holder)?.root === BOARD_ROOTS.ideas) {
      return `"${at.key}" of an existing note changes only through a command (adopt an AI idea with adoptAiIdea)`;
    }
  }

  // Server-owned fields of the notes this update creates, with each note's id (its key in `ideas`).
  const createdNotes = new Map<string, CreatedNote>();
  for (const item of view.items) {
    const at = view.placeOf(item);
    if (!at) continue;
    if (at.root === AI_REQUESTS_ROOT) return 'only the server records AI request status';
    if (!at.parentId || !at.key || !SERVER_OWNED_FIELDS.has(at.key)) continue;
    // Only fields of notes (maps inside the `ideas` root) are protected.
    const holderAt = view.placeOfId(at.parentId);
    if (holderAt?.root !== BOARD_ROOTS.ideas) continue;
    const existing = at.parentId.clock < Y.getState(doc.store, at.parentId.client);
    if (existing) return `"${at.key}" of an existing note changes only through a command (adopt an AI idea with adoptAiIdea)`;
    // Read as the map will read it: Yjs has other encodings (JSON, nested types) a check must not look past.
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return `"${at.key}" of a note must be a plain value`;
    const noteKey = idKey(at.parentId);
    const note = createdNotes.get(noteKey) ?? { id: holderAt.key, fields: {} };
    const key = at.key as keyof CreatedNoteFields;
    if (key in note.fields) return `"${key}" of a new note is set once`;
    note.fields[key] = item.content.arr[0];
    createdNotes.set(noteKey, note);
  }
  const deletedNotes = lazily(() => deletedNoteIds(doc));
  const aiNotes = lazily(() => aiNotesOnBoard(doc));
  const board: BoardFacts = {
    adoptedCopies: () => aiNotes().adoptedCopies,
    wasDeleted: (id) => deletedNotes().has(id),
    isKnownProvenance: (p) => isRecordedRequest(doc, p) || aiNotes().provenances.has(stableJson(p)),
  };
  for (const note of createdNotes.values()) {
    const refusal = checkCreatedNote(note, board);
    if (refusal) return refusal;
  }
  return null;
}

type CreatedNoteFields = Partial<Record<'origin' | 'lane' | 'provenance' | 'adoptedBy', unknown>>;
interface CreatedNote {
  id: string | null;
  fields: CreatedNoteFields;
}

/** What the rules for created notes need to know about the board as the server has it. */
interface BoardFacts {
  adoptedCopies(): Set<string>;
  wasDeleted(id: string): boolean;
  isKnownProvenance(p: unknown): boolean;
}

/**
 * A note a client creates may claim the AI in two cases only:
 * - it comes back under the id of a deleted note (the client undoing a
 *   deletion or a dismissal), with the provenance of a real request, in the
 *   AI lane unadopted or on the canvas adopted;
 * - it is a copy of an adopted AI note on the board (the client's
 *   duplicate): same provenance, same adopter, on the canvas.
 * Anything else is a person's note on the canvas, with no provenance and no
 * adoption. So no client can invent an AI suggestion, copy one out of the
 * AI lane past adoption, or name its own adopter for a copy.
 */
function checkCreatedNote({ id, fields }: CreatedNote, board: BoardFacts): string | null {
  const lane = fields.lane ?? 'canvas';
  const adoptedBy = fields.adoptedBy ?? null;
  if (fields.origin !== 'ai') {
    if (lane !== 'canvas') return 'only the server puts notes in the AI lane';
    return (fields.provenance ?? null) !== null || adoptedBy !== null ? "a person's note carries no AI provenance or adoption" : null;
  }
  if (id !== null && board.wasDeleted(id) && board.isKnownProvenance(fields.provenance)) {
    const consistent = lane === 'ai' ? adoptedBy === null : lane === 'canvas' && typeof adoptedBy === 'string' && adoptedBy !== '';
    return consistent ? null : 'a returning AI idea is either in the AI lane unadopted or on the canvas adopted';
  }
  if (lane !== 'canvas') return 'only the server puts notes in the AI lane';
  if (typeof adoptedBy !== 'string' || adoptedBy === '') return 'an AI idea reaches the canvas only through adoptAiIdea';
  if (!board.adoptedCopies().has(copyKey(fields.provenance, adoptedBy))) {
    return 'a copy of an AI idea keeps the provenance and adopter of an adopted AI idea on the board';
  }
  return null;
}

/** True when `p` names a request the server recorded, with the same generator and model. */
function isRecordedRequest(doc: Y.Doc, p: unknown): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const claimed = p as { requestId?: unknown; generator?: unknown; model?: unknown };
  if (typeof claimed.requestId !== 'string') return false;
  const recorded = readAiRequest(doc, claimed.requestId);
  return recorded !== null && recorded.generator === claimed.generator && recorded.model === claimed.model;
}

/** Ids of notes that were on the board and have been deleted (Yjs keeps a map key's last item, deleted). */
function deletedNoteIds(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  const entries = (ideasMap(doc) as unknown as { _map: Map<string, Y.Item> })._map;
  for (const [id, item] of entries) if (item.deleted) out.add(id);
  return out;
}

/** `make()`, computed on first use only: most updates create no AI note and never need it. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = make();
    return value;
  };
}

/** What a copy of an adopted AI note must repeat: its provenance and its adopter. */
const copyKey = (provenance: unknown, adoptedBy: unknown) => stableJson({ provenance, adoptedBy });

/** The provenances of the AI notes on the board, and the copy keys of the adopted ones: one pass, once per update. */
function aiNotesOnBoard(doc: Y.Doc): { provenances: Set<string>; adoptedCopies: Set<string> } {
  const provenances = new Set<string>();
  const adoptedCopies = new Set<string>();
  for (const i of readIdeas(doc)) {
    if (i.origin !== 'ai' || !i.provenance) continue;
    provenances.add(stableJson(i.provenance));
    if (i.lane === 'canvas' && i.adoptedBy) adoptedCopies.add(copyKey(i.provenance, i.adoptedBy));
  }
  return { provenances, adoptedCopies };
}

/** JSON with sorted keys, so two provenance objects compare by content. */
const stableJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
