import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ideasMap } from '../ydoc/boardDoc.ts';
import { addComment, threadsMap } from '../ydoc/commentsDoc.ts';
import { boardChangesSince, commentsSince } from './activity.ts';

const note = (doc: Y.Doc, id: string, text: string) =>
  ideasMap(doc).set(
    id,
    new Y.Map<unknown>([
      ['text', text],
      ['x', 0],
      ['y', 0],
      ['authorName', 'Ana'],
    ]),
  );

describe('activity', () => {
  it('tells new notes from changed ones and ignores moves', () => {
    const board = new Y.Doc();
    note(board, 'idea:old', 'old');
    note(board, 'idea:moved', 'moved');
    const sv = Y.encodeStateVector(board);
    note(board, 'idea:new', 'fresh');
    ideasMap(board).get('idea:old')?.set('text', 'old, reworded');
    ideasMap(board).get('idea:moved')?.set('x', 300);
    const out = boardChangesSince(board, sv);
    expect(out.created.map((i) => i.id)).toEqual(['idea:new']);
    expect(out.changed).toEqual([{ id: 'idea:old', text: 'old, reworded', authorName: 'Ana' }]);
  });

  it('lists comments since a time and the ones that mention me', () => {
    const doc = new Y.Doc();
    addComment(doc, 'idea:a', {
      authorId: 'p_bo00',
      authorName: 'Bo',
      text: 'early',
      mentions: ['p_me00'],
      now: new Date('2026-12-01T10:00:00Z'),
    });
    addComment(doc, 'idea:a', {
      authorId: 'p_bo00',
      authorName: 'Bo',
      text: '@Me look',
      mentions: ['p_me00'],
      now: new Date('2026-12-02T10:00:00Z'),
    });
    addComment(doc, 'idea:b', { authorId: 'p_cy00', authorName: 'Cy', text: 'hm', mentions: [], now: new Date('2026-12-02T11:00:00Z') });
    const out = commentsSince(doc, '2026-12-01T12:00:00Z', 'p_me00');
    expect(out.comments.map((c) => c.text)).toEqual(['@Me look', 'hm']);
    expect(out.mentions.map((c) => c.text)).toEqual(['@Me look']);
  });

  it('compares comment times as times, whatever offset a client stamped', () => {
    const doc = new Y.Doc();
    const at = (text: string, createdAt: string) => {
      const id = addComment(doc, 'idea:a', { authorId: 'p_bo00', authorName: 'Bo', text, mentions: [], now: new Date() });
      threadsMap(doc)
        .get('idea:a')
        ?.toArray()
        .find((e) => e.get('id') === id)
        ?.set('createdAt', createdAt);
    };
    at('before, in Berlin', '2026-12-01T13:30:00+02:00'); // 11:30 UTC
    at('after, in Chicago', '2026-12-01T07:00:00-06:00'); // 13:00 UTC
    at('after, in UTC', '2026-12-01T12:30:00Z');
    const out = commentsSince(doc, '2026-12-01T12:00:00.000Z', 'p_me00');
    expect(out.comments.map((c) => c.text)).toEqual(['after, in UTC', 'after, in Chicago']);
  });
});
