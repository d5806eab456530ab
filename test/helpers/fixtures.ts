import { type Idea, personIdea, readIdeas } from '@throughline/shared';
import type * as Y from 'yjs';

/** A plain person-written note for tests; override what matters. */
export function sampleIdea(patch: Partial<Idea> = {}): Idea {
  const base = personIdea({ id: 'idea:x' as Idea['id'], text: 'note', x: 0, y: 0, author: { id: 'p_test', name: 'T' }, createdAt: 1 });
  return { ...base, ...patch };
}

/** A board's notes as one comparable string, for convergence checks. */
export const boardJson = (doc: Y.Doc) => JSON.stringify(readIdeas(doc).sort((a, b) => a.id.localeCompare(b.id)));
