import { ideasMap, insertIdea, personIdea } from '@throughline/shared';
import * as Y from 'yjs';

/**
 * How every bench measures latency: a writer moves its own note, setting
 * its `x` to its send time, and an observer in the same process (same
 * clock) reads the stamp back when the move arrives. A note move is what
 * a dragging user sends, and it passes every guard a real write does
 * (a root of its own would be refused: decision 1510).
 */
const noteId = (doc: Y.Doc) => `idea:bench-${doc.clientID}`;

/** One write: this moment's time, for observers to subtract from theirs. The first one creates the writer's note. */
export function stampWrite(writer: { doc: Y.Doc; author: { authorId: string; authorName: string } }): void {
  const { doc, author } = writer;
  const note = ideasMap(doc).get(noteId(doc));
  if (note instanceof Y.Map) {
    note.set('x', performance.now());
    return;
  }
  insertIdea(
    doc,
    personIdea({
      id: noteId(doc) as never,
      text: 'latency probe',
      x: performance.now(),
      y: 0,
      author: { id: author.authorId, name: author.authorName },
      createdAt: 0,
    }),
  );
}

/** Calls `record` with each stamped write's travel time, in ms, as it reaches this doc. */
export function onWriteArrives(doc: Y.Doc, record: (ms: number) => void): void {
  ideasMap(doc).observeDeep((events) => {
    for (const e of events) {
      // A note's own change (not the root's: a note added or removed), and one that moved it.
      if (!(e instanceof Y.YMapEvent) || e.target === ideasMap(doc) || !e.keysChanged.has('x')) continue;
      const t = (e.target as Y.Map<unknown>).get('x');
      if (typeof t === 'number') record(performance.now() - t);
    }
  });
}
