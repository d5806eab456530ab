import * as Y from 'yjs';
import {
  type Cluster,
  DEFAULT_NOTE_COLOR,
  type Idea,
  LANES,
  type Lane,
  ORIGINS,
  type Origin,
  type Provenance,
  ProvenanceSchema,
} from '../model/idea.ts';
import type { ClusterId, IdeaId } from '../model/ids.ts';
import type { Migration } from './schemaVersion.ts';

/**
 * The `board` document: the only code that knows its root names.
 *
 *   ideas:    Y.Map<IdeaId, Y.Map>    one nested map per note, so two people
 *                                      editing text and position of the same
 *                                      note merge field by field
 *   clusters: Y.Map<ClusterId, Y.Map>
 *   reactions: Y.Map<"<ideaId>|<emoji>|<participantId>", true>   (see boardReactions.ts)
 *   meta:     Y.Map { schemaVersion }
 */
export const BOARD_ROOTS = { ideas: 'ideas', clusters: 'clusters', reactions: 'reactions', meta: 'meta' } as const;

export const BOARD_MIGRATIONS: readonly Migration[] = [{ id: 'board/1-initial', to: 1, up: () => {} }];

export const ideasMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(BOARD_ROOTS.ideas);
export const clustersMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(BOARD_ROOTS.clusters);

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Reads a note tolerantly: missing or mistyped fields get defaults, so a
 * note written by an older or newer client still renders. Unknown keys stay
 * in the Y.Map untouched (we never rewrite a whole note).
 */
export function restoreIdea(id: string, m: Y.Map<unknown>): Idea {
  const origin = str(m.get('origin'), 'person');
  const lane = str(m.get('lane'), 'canvas');
  const prov = ProvenanceSchema.safeParse(m.get('provenance'));
  return {
    id: id as IdeaId,
    text: str(m.get('text'), ''),
    x: num(m.get('x'), 0),
    y: num(m.get('y'), 0),
    color: str(m.get('color'), DEFAULT_NOTE_COLOR),
    authorId: str(m.get('authorId'), ''),
    authorName: str(m.get('authorName'), ''),
    origin: (ORIGINS as readonly string[]).includes(origin) ? (origin as Origin) : 'person',
    lane: (LANES as readonly string[]).includes(lane) ? (lane as Lane) : 'canvas',
    clusterId: strOrNull(m.get('clusterId')) as ClusterId | null,
    createdAt: num(m.get('createdAt'), 0),
    provenance: prov.success ? (prov.data as Provenance) : null,
    adoptedBy: strOrNull(m.get('adoptedBy')),
    editedBy: strOrNull(m.get('editedBy')),
  };
}

export function restoreCluster(id: string, m: Y.Map<unknown>): Cluster {
  return {
    id: id as ClusterId,
    title: str(m.get('title'), ''),
    x: num(m.get('x'), 0),
    y: num(m.get('y'), 0),
    width: Math.max(80, num(m.get('width'), 400)),
    height: Math.max(60, num(m.get('height'), 300)),
    color: str(m.get('color'), '#f1f3f5'),
    createdBy: str(m.get('createdBy'), ''),
  };
}

export function readIdea(doc: Y.Doc, id: string): Idea | null {
  const m = ideasMap(doc).get(id);
  return m instanceof Y.Map ? restoreIdea(id, m) : null;
}

export function readIdeas(doc: Y.Doc): Idea[] {
  const out: Idea[] = [];
  ideasMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(restoreIdea(id, m));
  });
  return out;
}

export function readClusters(doc: Y.Doc): Cluster[] {
  const out: Cluster[] = [];
  clustersMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(restoreCluster(id, m));
  });
  return out;
}

/** Writes a whole new note. Call inside a transaction with the right origin. */
export function insertIdea(doc: Y.Doc, idea: Idea): void {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(idea)) if (k !== 'id') m.set(k, v);
  ideasMap(doc).set(idea.id, m);
}

/** Sets only the given fields, so concurrent edits to other fields survive. */
export function patchIdea(doc: Y.Doc, id: string, patch: Partial<Omit<Idea, 'id'>>): boolean {
  const m = ideasMap(doc).get(id);
  if (!(m instanceof Y.Map)) return false;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
  return true;
}

export const deleteIdea = (doc: Y.Doc, id: string) => ideasMap(doc).delete(id);

export function insertCluster(doc: Y.Doc, c: Cluster): void {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(c)) if (k !== 'id') m.set(k, v);
  clustersMap(doc).set(c.id, m);
}

export function patchCluster(doc: Y.Doc, id: string, patch: Partial<Omit<Cluster, 'id'>>): boolean {
  const m = clustersMap(doc).get(id);
  if (!(m instanceof Y.Map)) return false;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
  return true;
}

export const deleteCluster = (doc: Y.Doc, id: string) => clustersMap(doc).delete(id);
