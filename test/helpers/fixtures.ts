import { type Idea, readIdeas } from '@throughline/shared';
import type * as Y from 'yjs';

/** A plain person-written note for tests; override what matters. */
export function sampleIdea(patch: Partial<Idea> = {}): Idea {
  return {
    id: 'idea:x' as Idea['id'],
    text: 'note',
    x: 0,
    y: 0,
    color: '#fff3bf',
    authorId: 'p_test',
    authorName: 'T',
    origin: 'person',
    lane: 'canvas',
    clusterId: null,
    createdAt: 1,
    provenance: null,
    adoptedBy: null,
    editedBy: null,
    ...patch,
  };
}

/** A board's notes as one comparable string, for convergence checks. */
export const boardJson = (doc: Y.Doc) => JSON.stringify(readIdeas(doc).sort((a, b) => a.id.localeCompare(b.id)));
