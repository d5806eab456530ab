import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, commentsWrittenBy, deleteComment, editComment } from './commentsDoc.ts';

const now = new Date('2026-12-01T12:00:00Z');

/** Applies what `edit` does on a client copy to `server`, and returns the update. */
function send(server: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
  edit(d);
  const update = Y.encodeStateAsUpdate(d, Y.encodeStateVector(server));
  Y.applyUpdate(server, update);
  return update;
}

describe('commentsWrittenBy', () => {
  it('names the comments an update created, and those whose mentions it set', () => {
    const server = new Y.Doc();
    let id = '';
    const created = send(server, (d) => {
      id = addComment(d, 'idea:a', { authorId: 'p_ana000', authorName: 'Ana', text: '@Bo hi', mentions: ['p_bo0000'], now });
    });
    expect(commentsWrittenBy(server, created).map((w) => [w.threadKey, w.comment.text, w.created])).toEqual([['idea:a', '@Bo hi', true]]);

    const mentioned = send(server, (d) => editComment(d, 'idea:a', id, '@Bo @Cy hi', ['p_bo0000', 'p_cy0000'], now));
    expect(commentsWrittenBy(server, mentioned).map((w) => [w.comment.mentions, w.created])).toEqual([[['p_bo0000', 'p_cy0000'], false]]);

    // A deleted comment mentions nobody.
    const deleted = send(server, (d) => deleteComment(d, 'idea:a', id));
    expect(commentsWrittenBy(server, deleted)).toEqual([]);
  });
});
