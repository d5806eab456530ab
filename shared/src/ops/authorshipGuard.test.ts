import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { personIdea } from '../model/idea.ts';
import type { IdeaId } from '../model/ids.ts';
import { deleteIdea, insertIdea, patchIdea } from '../ydoc/boardDoc.ts';
import { readRecordWrites } from '../ydoc/recordWrites.ts';
import { BOARD_AUTHORSHIP, checkAuthorship, DeletedAuthors } from './authorshipGuard.ts';
import { checkContentBounds, NOTE_TEXT_LIMITS } from './contentBounds.ts';

const ana = { id: 'p_ana', name: 'Ana' };
const bob = { id: 'p_bob', name: 'Bob' };
const note = (id: string, author: { id: string; name: string }, text = 'idea') =>
  personIdea({ id: id as IdeaId, text, x: 0, y: 0, author, createdAt: 1 });

/** A server doc and a client doc in sync; `edit` runs on the client; returns what the server's guard sees. */
function setup() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const deleted = new DeletedAuthors(server, BOARD_AUTHORSHIP);
  const change = (edit: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(server);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const writes = readRecordWrites(server, Y.decodeUpdate(update));
    return { update, writes, apply: () => Y.applyUpdate(server, update) };
  };
  const check = (writes: ReturnType<typeof readRecordWrites>, sender = ana) =>
    checkAuthorship(writes, BOARD_AUTHORSHIP, sender, deleted.authorOf);
  return { server, client, change, check };
}

describe('checkAuthorship', () => {
  it('takes a note under the sender’s own name and refuses one under someone else’s, or nobody’s', () => {
    const { change, check } = setup();
    expect(check(change((d) => insertIdea(d, note('idea:1', ana))).writes)).toBeNull();
    expect(check(change((d) => insertIdea(d, note('idea:2', bob))).writes)).toMatch(/your own name/);
    expect(check(change((d) => insertIdea(d, note('idea:3', { id: ana.id, name: 'Bob' }))).writes)).toMatch(/your own name/);
    expect(check(change((d) => d.getMap('ideas').set('idea:4', new Y.Map())).writes)).toMatch(/your own name/);
  });

  it('refuses changing or removing the author of an existing note, and lets other fields change', () => {
    const { change, check } = setup();
    change((d) => insertIdea(d, note('idea:1', ana))).apply();
    // Anyone may edit the text of anyone's note.
    const edit = change((d) => patchIdea(d, 'idea:1', { text: 'better' }));
    expect(check(edit.writes, bob)).toBeNull();
    edit.apply();
    // (The client keeps each refused change below, so each later diff carries the earlier ones too.)
    expect(check(change((d) => patchIdea(d, 'idea:1', { authorId: bob.id })).writes)).toMatch(/does not change/);
    expect(check(change((d) => patchIdea(d, 'idea:1', { authorName: 'Bob' })).writes)).toMatch(/does not change/);
  });

  it('refuses removing the author field of a note that stays', () => {
    const { change, check } = setup();
    change((d) => insertIdea(d, note('idea:1', ana))).apply();
    const removal = change((d) => (d.getMap('ideas').get('idea:1') as Y.Map<unknown>).delete('authorId'));
    expect(removal.writes.writes).toHaveLength(0);
    expect(check(removal.writes)).toMatch(/does not change/);
  });

  it('guards clusters by createdBy', () => {
    const { change, check } = setup();
    const cluster = (by: string) => (d: Y.Doc) => {
      const m = new Y.Map<unknown>();
      d.getMap('clusters').set(`cluster:${by}`, m);
      m.set('title', 'T');
      m.set('createdBy', by);
    };
    expect(check(change(cluster(ana.id)).writes)).toBeNull();
    expect(check(change(cluster(bob.id)).writes)).toMatch(/cluster/);
  });

  it('lets an undo bring back someone else’s deleted note under its author, and not a forgery under a deleted id', () => {
    const { change, check, client } = setup();
    change((d) => insertIdea(d, note('idea:b', bob))).apply();
    const undo = new Y.UndoManager(client.getMap('ideas'));
    // Ana deletes Bob's note, then undoes.
    change((d) => deleteIdea(d, 'idea:b')).apply();
    const back = change(() => undo.undo());
    expect(check(back.writes)).toBeNull();
    // A note Ana deleted herself cannot come back as Bob's.
    change((d) => insertIdea(d, note('idea:a', ana))).apply();
    change((d) => deleteIdea(d, 'idea:a')).apply();
    expect(check(change((d) => insertIdea(d, note('idea:a', bob))).writes)).toMatch(/your own name/);
  });

  it('ignores structs the server already has (a resend after a reconnect)', () => {
    const { server, client, change, check } = setup();
    change((d) => insertIdea(d, note('idea:b', bob))).apply();
    // Bob's note reached Ana's client through the server; her reconnect resends the whole doc.
    const resend = Y.encodeStateAsUpdate(client);
    expect(check(readRecordWrites(server, Y.decodeUpdate(resend)))).toBeNull();
  });
});

describe('checkContentBounds', () => {
  it('refuses text over the model’s length and types nested too deep', () => {
    const { change } = setup();
    expect(checkContentBounds(change((d) => insertIdea(d, note('idea:1', ana, 'x'.repeat(2000)))).writes, NOTE_TEXT_LIMITS)).toBeNull();
    expect(checkContentBounds(change((d) => insertIdea(d, note('idea:2', ana, 'x'.repeat(2001)))).writes, NOTE_TEXT_LIMITS)).toMatch(
      /2000/,
    );
    const deep = change((d) =>
      d.transact(() => {
        let at = d.getMap<unknown>('ideas');
        for (let i = 0; i < 12; i++) {
          const next = new Y.Map<unknown>();
          at.set('k', next);
          at = next;
        }
      }),
    );
    expect(checkContentBounds(deep.writes, NOTE_TEXT_LIMITS)).toMatch(/nested/);
  });

  it('refuses a record that is not a map of single plain values: text that would grow past every length check', () => {
    // A fresh pair each time: a refused change stays in the client doc and would ride along in the next diff.
    const bounds = (edit: (d: Y.Doc) => void) => checkContentBounds(setup().change(edit).writes, NOTE_TEXT_LIMITS);
    // A Y.Text as a note's text: each insert is a short string, together as long as the sender likes.
    expect(
      bounds((d) => {
        insertIdea(d, note('idea:1', ana));
        const text = new Y.Text();
        (d.getMap('ideas').get('idea:1') as Y.Map<unknown>).set('text', text);
        for (let i = 0; i < 3; i++) text.insert(0, 'y'.repeat(1500));
      }),
    ).toMatch(/one plain value/);
    expect(bounds((d) => d.getMap('clusters').set('cluster:1', new Y.Text('z'.repeat(3000))))).toMatch(/a cluster is a map/);
    expect(bounds((d) => d.getMap('ideas').set('idea:2', 'x'.repeat(3000)))).toMatch(/a note is a map/);
    // List content pushed into the map root: no map reads it, Yjs would store it.
    expect(bounds((d) => d.getArray('ideas').insert(0, ['x'.repeat(100)]))).toMatch(/a note is a map/);
  });

  it('takes what the client writes: a text edited twice before it was sent', () => {
    const { change } = setup();
    change((d) => insertIdea(d, note('idea:1', ana))).apply();
    const twice = change((d) => {
      patchIdea(d, 'idea:1', { text: 'first' });
      patchIdea(d, 'idea:1', { text: 'second' });
    });
    expect(twice.writes.writes.some((w) => w.gone)).toBe(true);
    expect(checkContentBounds(twice.writes, NOTE_TEXT_LIMITS)).toBeNull();
  });

  it('takes values an undo manager kept: overwritten ones merge into one item of several values, deleted in the same update', () => {
    const { change } = setup();
    const kept = change((d) => {
      insertIdea(d, note('idea:1', ana));
      const undo = new Y.UndoManager(d.getMap('ideas'), { captureTimeout: 0 });
      for (const text of ['one', 'two', 'three']) d.transact(() => patchIdea(d, 'idea:1', { text }), undo);
    });
    expect(kept.writes.writes.some((w) => w.gone && w.values.length > 1)).toBe(true);
    expect(checkContentBounds(kept.writes, NOTE_TEXT_LIMITS)).toBeNull();
  });
});
