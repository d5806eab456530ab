import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, deleteComment, editComment, readThread, threadsMap } from '../ydoc/commentsDoc.ts';
import { type CommentWriter, checkClientCommentsUpdate, restoreOrphanedComments } from './commentsGuard.ts';

const ana: CommentWriter = { participantId: 'p_ana000', name: 'Ana', role: 'participant' };
const bo: CommentWriter = { participantId: 'p_bo0000', name: 'Bo', role: 'participant' };
const fac: CommentWriter = { participantId: 'p_fac000', name: 'Fay', role: 'facilitator' };
const now = new Date('2026-12-01T12:00:00Z');

/** A server doc and a client that edits a copy; `send` runs the guard and applies what it accepts. */
function setup() {
  const server = new Y.Doc();
  const client = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    return d;
  };
  const send = (d: Y.Doc, who: CommentWriter, edit: () => void): string | null => {
    d.transact(edit);
    const update = Y.encodeStateAsUpdate(d, Y.encodeStateVector(server));
    const reason = checkClientCommentsUpdate(server, update, who);
    if (!reason) Y.applyUpdate(server, update);
    return reason;
  };
  const post = (who: CommentWriter, key = 'idea:a', text = 'hi') => {
    const d = client();
    let id = '';
    const r = send(d, who, () => {
      id = addComment(d, key, { authorId: who.participantId, authorName: who.name, text, mentions: [], now });
    });
    return { r, id };
  };
  return { server, client, send, post };
}

describe('checkClientCommentsUpdate', () => {
  it('accepts own comments on a new and an existing thread', () => {
    const { server, post } = setup();
    expect(post(ana).r).toBeNull();
    expect(post(bo).r).toBeNull();
    expect(readThread(server, 'idea:a').map((c) => c.authorName)).toEqual(['Ana', 'Bo']);
  });

  it('refuses a comment under someone else’s id or name', () => {
    const { server, client, send } = setup();
    const d = client();
    const r = send(d, bo, () => addComment(d, 'idea:a', { authorId: ana.participantId, authorName: 'Ana', text: 'x', mentions: [], now }));
    expect(r).toMatch(/own name/);
    expect(readThread(server, 'idea:a')).toEqual([]);
  });

  it('refuses an over-long comment and a thread on something that is not an idea or step', () => {
    const { post } = setup();
    expect(post(ana, 'idea:a', 'x'.repeat(100_000)).r).toMatch(/text/);
    expect(post(ana, 'cluster:x').r).toMatch(/idea or a step/);
  });

  it('lets only the author edit, and the author or facilitator delete', () => {
    const { server, client, send, post } = setup();
    const { id } = post(ana);
    let d = client();
    expect(send(d, bo, () => editComment(d, 'idea:a', id, 'hijack', [], now))).toMatch(/only its author/);
    d = client();
    expect(send(d, ana, () => editComment(d, 'idea:a', id, 'better', [], now))).toBeNull();
    d = client();
    expect(send(d, bo, () => deleteComment(d, 'idea:a', id))).toMatch(/author or the facilitator/);
    d = client();
    expect(send(d, fac, () => deleteComment(d, 'idea:a', id))).toBeNull();
    expect(readThread(server, 'idea:a')[0]).toMatchObject({ text: '', deleted: true, editedAt: expect.any(String) });
  });

  it('refuses removing a comment, replacing a thread, or writing another root', () => {
    const { client, send, post } = setup();
    post(ana);
    let d = client();
    expect(send(d, ana, () => threadsMap(d).get('idea:a')?.delete(0, 1))).toMatch(/never removed/);
    d = client();
    expect(send(d, bo, () => threadsMap(d).set('idea:a', new Y.Array()))).toMatch(/replaced/);
    d = client();
    expect(send(d, bo, () => d.getMap('meta').set('schemaVersion', 9))).toMatch(/only threads/);
    d = client();
    expect(send(d, ana, () => (threadsMap(d).get('idea:a')!.get(0) as Y.Map<unknown>).set('authorId', bo.participantId))).toMatch(
      /never changes/,
    );
  });

  it('keeps judging correctly after a refusal (the mirror is rebuilt)', () => {
    const { server, post } = setup();
    expect(post(ana, 'idea:a', 'x'.repeat(5000)).r).not.toBeNull();
    expect(post(ana, 'idea:a', 'fine').r).toBeNull();
    expect(readThread(server, 'idea:a').map((c) => c.text)).toEqual(['fine']);
  });

  it('keeps both first comments posted concurrently on one note, whichever thread array wins', () => {
    for (const [first, second] of [
      [ana, bo],
      [bo, ana],
    ] as const) {
      for (const ids of [
        [1, 2],
        [2, 1],
      ]) {
        const server = new Y.Doc();
        // Two clients that have not seen each other's thread: each creates the array.
        const a = new Y.Doc();
        a.clientID = ids[0] as number;
        const b = new Y.Doc();
        b.clientID = ids[1] as number;
        const write = (d: Y.Doc, who: CommentWriter, text: string, at: string) =>
          d.transact(() =>
            addComment(d, 'idea:n', { authorId: who.participantId, authorName: who.name, text, mentions: [], now: new Date(at) }),
          );
        write(a, first, 'first', '2026-12-01T12:00:00Z');
        write(b, second, 'second', '2026-12-01T12:00:01Z');
        for (const [d, who] of [
          [a, first],
          [b, second],
        ] as const) {
          const update = Y.encodeStateAsUpdate(d);
          expect(checkClientCommentsUpdate(server, update, who)).toBeNull();
          Y.applyUpdate(server, update);
          restoreOrphanedComments(server);
        }
        expect(readThread(server, 'idea:n').map((c) => c.text)).toEqual(['first', 'second']);
        // Every client converges on the same thread.
        Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
        expect(readThread(a, 'idea:n').map((c) => c.text)).toEqual(['first', 'second']);
      }
    }
  });

  it('refuses someone else’s comment in a losing concurrent thread, and a knowing replacement', () => {
    const { server, post, client, send } = setup();
    expect(post(ana, 'idea:z').r).toBeNull();
    const forged = new Y.Doc();
    forged.clientID = 1; // loses to the server's thread
    forged.transact(() =>
      addComment(forged, 'idea:z', { authorId: ana.participantId, authorName: 'Ana', text: 'not mine', mentions: [], now }),
    );
    expect(checkClientCommentsUpdate(server, Y.encodeStateAsUpdate(forged), bo)).toMatch(/your own name/);
    const knowing = client();
    expect(send(knowing, bo, () => threadsMap(knowing).set('idea:z', new Y.Array()))).toMatch(/replaced/);
    expect(restoreOrphanedComments(server)).toEqual([]);
    expect(readThread(server, 'idea:z')).toHaveLength(1);
  });

  it('refuses a "concurrent" thread that reuses the id of a comment in the thread it displaces', () => {
    const { server, post } = setup();
    const { r, id } = post(ana, 'idea:z', 'Ana wrote this');
    expect(r).toBeNull();
    // Bo's fresh doc never saw the thread, so its array passes as concurrent; its client id makes it win.
    const forged = new Y.Doc();
    forged.clientID = 0xffffffff;
    forged.transact(() => {
      const arr = new Y.Array<Y.Map<unknown>>();
      threadsMap(forged).set('idea:z', arr);
      const entry = new Y.Map<unknown>();
      const fields = { id, authorId: bo.participantId, authorName: 'Bo', text: 'now mine', createdAt: now.toISOString() };
      for (const [k, v] of Object.entries({ ...fields, mentions: [], editedAt: null, deleted: false })) entry.set(k, v);
      arr.push([entry]);
    });
    expect(checkClientCommentsUpdate(server, Y.encodeStateAsUpdate(forged), bo)).toMatch(/share an id/);
    expect(restoreOrphanedComments(server)).toEqual([]);
    expect(readThread(server, 'idea:z').map((c) => [c.authorName, c.text])).toEqual([['Ana', 'Ana wrote this']]);
  });
});
