import * as Y from 'yjs';
import { AI_REQUESTS_ROOT } from '../ydoc/aiRequests.ts';
import { BOARD_ROOTS, readIdeas } from '../ydoc/boardDoc.ts';

/**
 * Fields of a note that only the server may change once the note exists:
 * who wrote it first, which lane it is in, where an AI idea came from, and
 * who adopted it. Changing them through sync would let a client adopt an AI
 * idea without `adoptAiIdea`, or dress a person's note up as the AI's.
 */
const SERVER_OWNED_FIELDS = new Set(['origin', 'lane', 'provenance', 'adoptedBy']);

interface Located {
  /** The root type's name when the item sits directly in a root, else null. */
  root: string | null;
  /** The id of the nested type (a note's Y.Map) holding the item, else null. */
  parentId: Y.ID | null;
  key: string | null;
}

/** `Y.decodeUpdate`'s result; callers that already decoded the update pass it in. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

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
export function checkClientBoardUpdate(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate = Y.decodeUpdate(update)): string | null {
  const { structs } = decoded;
  const items = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) items.set(idKey(s.id), s);
  const cache = new Map<string, Located | null>();

  const fromDoc = (id: Y.ID): Located | null => {
    let item: Y.Item | null = null;
    try {
      const found = Y.getItem(doc.store, id);
      item = found instanceof Y.Item ? found : null;
    } catch {
      return null;
    }
    if (!item || !(item.parent instanceof Y.AbstractType)) return null;
    const type = item.parent as Y.AbstractType<unknown>;
    return {
      root: type._item === null ? Y.findRootTypeKey(type) : null,
      parentId: type._item?.id ?? null,
      key: item.parentSub,
    };
  };

  const locate = (item: Y.Item, depth = 0): Located | null => {
    const k = idKey(item.id);
    if (cache.has(k)) return cache.get(k) ?? null;
    let out: Located | null = null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') out = { root: parent, parentId: null, key: item.parentSub };
    else if (parent && typeof parent === 'object' && 'client' in parent)
      out = { root: null, parentId: parent as Y.ID, key: item.parentSub };
    else if (depth < 1000) {
      // Parent info is only encoded when the item has no neighbours: otherwise it is the neighbour's.
      const near = item.origin ?? item.rightOrigin;
      if (near) {
        const inUpdate = items.get(idKey(near));
        out = inUpdate ? locate(inUpdate, depth + 1) : fromDoc(near);
      }
    }
    cache.set(k, out);
    return out;
  };

  // Deletions: status records, and server-owned fields of notes that themselves stay.
  const deleted = deletedDocItems(doc, decoded.ds);
  const deletedKeys = new Set(deleted.map((i) => idKey(i.id)));
  for (const item of deleted) {
    const at = fromDoc(item.id);
    if (!at) continue;
    if (at.root === AI_REQUESTS_ROOT) return 'only the server records AI request status';
    if (at.parentId && at.key && SERVER_OWNED_FIELDS.has(at.key) && !deletedKeys.has(idKey(at.parentId))) {
      const holder = fromDoc(at.parentId);
      const holderItem = Y.getItem(doc.store, at.parentId);
      if (holder?.root === BOARD_ROOTS.ideas && !(holderItem instanceof Y.Item && holderItem.deleted)) {
        return `"${at.key}" of an existing note changes only through a command (adopt an AI idea with adoptAiIdea)`;
      }
    }
  }

  // Server-owned fields of notes this update creates, every value written (a key set twice in one update has two).
  const createdNotes = new Map<string, CreatedNoteFields>();
  for (const item of items.values()) {
    const at = locate(item);
    if (!at) continue;
    if (at.root === AI_REQUESTS_ROOT) return 'only the server records AI request status';
    if (!at.parentId || !at.key || !SERVER_OWNED_FIELDS.has(at.key)) continue;
    // Only fields of notes (maps inside the `ideas` root) are protected.
    const holder = items.get(idKey(at.parentId));
    const holderAt = holder ? locate(holder) : fromDoc(at.parentId);
    if (holderAt?.root !== BOARD_ROOTS.ideas) continue;
    const existing = at.parentId.clock < Y.getState(doc.store, at.parentId.client);
    if (existing) return `"${at.key}" of an existing note changes only through a command (adopt an AI idea with adoptAiIdea)`;
    // Read as the map will read it: Yjs has other encodings (JSON, nested types) a check must not look past.
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return `"${at.key}" of a note must be a plain value`;
    const value = item.content.arr[0];
    if (at.key === 'lane' && value !== 'canvas') return 'only the server puts notes in the AI lane';
    const fields = createdNotes.get(idKey(at.parentId)) ?? {};
    const key = at.key as keyof CreatedNoteFields;
    if (key in fields) return `"${key}" of a new note is set once`;
    fields[key] = value;
    createdNotes.set(idKey(at.parentId), fields);
  }
  let adopted: Set<string> | null = null;
  for (const fields of createdNotes.values()) {
    const refusal = checkCreatedNote(fields, () => (adopted ??= adoptedAiCopies(doc)));
    if (refusal) return refusal;
  }
  return null;
}

type CreatedNoteFields = Partial<Record<'origin' | 'lane' | 'provenance' | 'adoptedBy', unknown>>;

/**
 * A note a client creates may claim the AI only as a copy of an adopted AI
 * note on the board (the client's duplicate): same provenance, same
 * adopter. Anything else is a person's note, with no provenance and no
 * adoption. So no client can invent an AI suggestion, copy one out of the
 * AI lane past adoption, or name its own adopter.
 */
function checkCreatedNote(fields: CreatedNoteFields, adopted: () => Set<string>): string | null {
  if (fields.origin !== 'ai') {
    const carries = (fields.provenance ?? null) !== null || (fields.adoptedBy ?? null) !== null;
    return carries ? "a person's note carries no AI provenance or adoption" : null;
  }
  if (typeof fields.adoptedBy !== 'string' || fields.adoptedBy === '') return 'an AI idea reaches the canvas only through adoptAiIdea';
  if (!adopted().has(copyKey(fields.provenance, fields.adoptedBy))) {
    return 'a copy of an AI idea keeps the provenance and adopter of an adopted AI idea on the board';
  }
  return null;
}

/** What a copy of an adopted AI note must repeat: its provenance and its adopter. */
const copyKey = (provenance: unknown, adoptedBy: unknown) => stableJson({ provenance, adoptedBy });

/** The copy keys of every adopted AI note on the board, read once per update. */
function adoptedAiCopies(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  for (const i of readIdeas(doc)) {
    if (i.origin === 'ai' && i.lane === 'canvas' && i.adoptedBy && i.provenance) out.add(copyKey(i.provenance, i.adoptedBy));
  }
  return out;
}

/** JSON with sorted keys, so two provenance objects compare by content. */
const stableJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** Items of `doc` that the delete set would newly delete (bounded, so a huge range cannot stall the server). */
function deletedDocItems(doc: Y.Doc, ds: { clients: Map<number, { clock: number; len: number }[]> }): Y.Item[] {
  const out: Y.Item[] = [];
  let budget = 100_000;
  for (const [client, ranges] of ds.clients) {
    const have = Y.getState(doc.store, client);
    for (const r of ranges) {
      let clock = r.clock;
      const end = Math.min(r.clock + r.len, have);
      while (clock < end && budget-- > 0) {
        let found: unknown;
        try {
          found = Y.getItem(doc.store, Y.createID(client, clock));
        } catch {
          break;
        }
        if (!(found instanceof Y.Item)) break;
        if (!found.deleted) out.push(found);
        clock = found.id.clock + found.length;
      }
    }
  }
  return out;
}
