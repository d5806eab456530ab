import type { Idea } from '@throughline/shared';

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
