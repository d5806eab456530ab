import * as Y from 'yjs';
import type { RecordWrites } from '../ydoc/recordWrites.ts';

/** Who a record names as its author, and in which fields: the same guard serves notes, clusters and comments. */
export interface AuthorFields {
  /** The root map whose records carry an author. */
  root: string;
  /** Field holding the author's participant id. */
  idField: string;
  /** Field holding the author's display name, when the record keeps one. */
  nameField?: string;
  /** A record the server lets a client recreate under another author (e.g. an AI idea coming back after an undo). */
  otherAuthorAllowed?: (fields: ReadonlyMap<string, unknown>) => boolean;
}

export const BOARD_AUTHORSHIP: readonly AuthorFields[] = [
  {
    root: 'ideas',
    idField: 'authorId',
    nameField: 'authorName',
    // The AI's ideas are the AI's; the board guard decides whether a client may bring one back at all.
    otherAuthorAllowed: (f) => f.get('origin') === 'ai' && f.get('authorId') === 'ai',
  },
  { root: 'clusters', idField: 'createdBy' },
];

export interface Author {
  id: string;
  name: string;
}

/** Who wrote a record that is now deleted, when the server saw it deleted; null when it cannot tell. */
export type DeletedAuthorOf = (root: string, record: string) => Author | null;

/**
 * Refuses an update that creates a record under someone else's name or
 * changes (or removes) the author of an existing one. The sender is the
 * identity in their token, never what the update says. The one exception is
 * an undo: a record deleted on this board may come back under the author it
 * had when deleted (Alice deletes Bob's note, then undoes).
 */
export function checkAuthorship(
  writes: RecordWrites,
  specs: readonly AuthorFields[],
  sender: Author,
  deletedAuthorOf: DeletedAuthorOf,
): string | null {
  const specOf = new Map(specs.map((s) => [s.root, s]));
  const authorField = (spec: AuthorFields, field: string) => field === spec.idField || field === spec.nameField;

  const fieldsOfNew = new Map<string, Map<string, unknown>>();
  for (const w of writes.writes) {
    const spec = specOf.get(w.root);
    if (!spec || w.record === null) continue;
    if (!w.recordIsNew) {
      if (authorField(spec, w.field)) return `the author of an existing ${recordName(spec)} does not change`;
      continue;
    }
    const key = `${w.root}\u0000${w.record}`;
    const fields = fieldsOfNew.get(key) ?? new Map<string, unknown>();
    // A field written twice in one update: the later value wins in Yjs, so each must pass on its own.
    if (authorField(spec, w.field) && fields.has(w.field) && fields.get(w.field) !== w.value) {
      return `the author of a new ${recordName(spec)} is set once`;
    }
    fields.set(w.field, w.plain ? w.value : undefined);
    fieldsOfNew.set(key, fields);
  }
  for (const d of writes.deletes) {
    const spec = specOf.get(d.root);
    if (spec && authorField(spec, d.field)) return `the author of an existing ${recordName(spec)} does not change`;
  }

  for (const { root, record } of writes.created) {
    const spec = specOf.get(root);
    if (!spec) continue;
    const fields = fieldsOfNew.get(`${root}\u0000${record}`) ?? new Map<string, unknown>();
    const claimed: Author = { id: str(fields.get(spec.idField)), name: str(fields.get(spec.nameField ?? '')) };
    const matches = (a: Author) => claimed.id === a.id && (spec.nameField === undefined || claimed.name === a.name);
    if (matches(sender)) continue;
    const before = deletedAuthorOf(root, record);
    if (before && matches(before)) continue;
    if (spec.otherAuthorAllowed?.(fields)) continue;
    return `a new ${recordName(spec)} is written under your own name`;
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const recordName = (spec: AuthorFields) => (spec.root === 'ideas' ? 'note' : spec.root === 'clusters' ? 'cluster' : 'record');

/**
 * Remembers the authors of records as they are deleted from `doc` (by
 * anyone: a client, a command, another instance), so an undo that brings
 * one back can be told from a forgery. Only deletions seen while the
 * document is loaded are known; after a reload an undo of someone else's
 * deletion is refused (the note stays deleted, nothing else is lost).
 */
export class DeletedAuthors {
  private readonly authors = new Map<string, Author>();
  private readonly unobserve: (() => void)[] = [];

  constructor(doc: Y.Doc, specs: readonly AuthorFields[]) {
    for (const spec of specs) {
      const root = doc.getMap<unknown>(spec.root);
      const onChange = (event: Y.YMapEvent<unknown>) => {
        for (const [key, change] of event.changes.keys) {
          if (change.action === 'add') continue;
          const old = change.oldValue as unknown;
          if (!(old instanceof Y.Map)) continue;
          // The deleted map's entries are still readable in this transaction (before garbage collection).
          const id = lastValue(old, spec.idField);
          if (typeof id === 'string') this.authors.set(`${spec.root}\u0000${key}`, { id, name: str(lastValue(old, spec.nameField ?? '')) });
        }
      };
      root.observe(onChange);
      this.unobserve.push(() => root.unobserve(onChange));
    }
  }

  readonly authorOf: DeletedAuthorOf = (root, record) => this.authors.get(`${root}\u0000${record}`) ?? null;

  destroy(): void {
    for (const u of this.unobserve.splice(0)) u();
  }
}

/** The value a deleted Y.Map held under `key` (its `get` answers undefined once deleted). */
function lastValue(map: Y.Map<unknown>, key: string): unknown {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  const content = item?.content;
  return content instanceof Y.ContentAny ? content.arr[content.arr.length - 1] : undefined;
}
