import { MAX_IDEA_TEXT } from '../model/idea.ts';
import { MAX_TYPE_DEPTH } from '../protocol/updateBounds.ts';
import type { RecordWrites } from '../ydoc/recordWrites.ts';

/** The longest value a client may write into one field of a record. */
export interface TextLimit {
  root: string;
  field: string;
  /** In UTF-16 code units, as the client's `maxLength` and `slice` count. */
  max: number;
  /** How the refusal names the field. */
  label: string;
}

/** A cluster's title: the model allows a note's length. */
export const MAX_CLUSTER_TITLE = MAX_IDEA_TEXT;
/** Any other string field of a note or cluster (ids, names, colours, fields added later): none is longer than a note. */
export const MAX_FIELD_TEXT = MAX_IDEA_TEXT;

/** Notes in `ideas` (board and drafts) and clusters on the board. */
export const NOTE_TEXT_LIMITS: readonly TextLimit[] = [
  { root: 'ideas', field: 'text', max: MAX_IDEA_TEXT, label: "a note's text" },
  { root: 'clusters', field: 'title', max: MAX_CLUSTER_TITLE, label: "a cluster's title" },
];

/** How a refusal names the records of a limited root. */
const RECORDS: Record<string, string> = { ideas: 'a note', clusters: 'a cluster' };

/** Roots whose records these limits cover: other fields of their records get `MAX_FIELD_TEXT`. */
const limitedRoots = (limits: readonly TextLimit[]) => new Set(limits.map((l) => l.root));

/**
 * Refuses an update whose strings exceed what the model allows, or whose
 * shared types nest deeper than `MAX_TYPE_DEPTH` (nothing Throughline
 * writes nests more than two). In the limited roots a record is a map of
 * single plain values, as the model writes it: a field holding a `Y.Text`
 * (which grows by inserts no length check sees) or several values, or a
 * record that is not a map, would carry text past every bound. These are
 * not rules a person can break through the client, which cuts text at the
 * same length: an update that breaks them was crafted, and is refused whole.
 */
export function checkContentBounds(writes: RecordWrites, limits: readonly TextLimit[]): string | null {
  if (writes.typeDepth > MAX_TYPE_DEPTH) return `shared types nested deeper than ${MAX_TYPE_DEPTH}`;
  const roots = limitedRoots(limits);
  for (const e of writes.rootEntries) {
    if (roots.has(e.root) && (e.key === null || e.shape === 'other')) return `${RECORDS[e.root] ?? 'a record'} is a map of fields`;
  }
  for (const w of writes.writes) {
    if (!roots.has(w.root)) continue;
    if (!w.plain && !w.gone) return `a field of ${RECORDS[w.root] ?? 'a record'} holds one plain value`;
    // Gone values too: they are stored and relayed as sent, so they are held to what a client could have written.
    const limit = limits.find((l) => l.root === w.root && l.field === w.field);
    const max = limit?.max ?? MAX_FIELD_TEXT;
    if (w.values.some((v) => typeof v === 'string' && v.length > max))
      return `${limit?.label ?? `"${w.field}"`} is at most ${max} characters`;
  }
  return null;
}
