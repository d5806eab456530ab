import { ideasMap, insertIdea, Origins, personIdea } from '@throughline/shared';
import type * as Y from 'yjs';

/** One random board edit by `peer`: add (under its own name), move, retype or delete a note, driven by `rand` for reproducibility. */
export function randomEdit(peer: { doc: Y.Doc; author: { authorId: string; authorName: string } }, rand: () => number): void {
  const { doc, author } = peer;
  const ids = [...ideasMap(doc).keys()];
  const pick = () => ids[Math.floor(rand() * ids.length)] as string;
  const r = rand();
  doc.transact(() => {
    if (ids.length < 3 || r < 0.35) {
      insertIdea(
        doc,
        personIdea({
          id: `idea:r${Math.floor(rand() * 1e9).toString(36)}` as never,
          text: `idea ${Math.floor(rand() * 1000)}`,
          x: Math.round(rand() * 2000),
          y: Math.round(rand() * 2000),
          author: { id: author.authorId, name: author.authorName },
          createdAt: 0,
        }),
      );
    } else if (r < 0.65) {
      const m = ideasMap(doc).get(pick());
      m?.set('x', Math.round(rand() * 2000));
      m?.set('y', Math.round(rand() * 2000));
    } else if (r < 0.9) {
      ideasMap(doc)
        .get(pick())
        ?.set('text', `edited ${Math.floor(rand() * 1000)}`);
    } else {
      ideasMap(doc).delete(pick());
    }
  }, Origins.user);
}
