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
});
