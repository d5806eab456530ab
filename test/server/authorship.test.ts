import { clustersMap, deleteIdea, ideasMap, insertCluster, insertIdea, Origins, patchIdea, readIdea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { storedDoc } from '../helpers/storedDoc.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

async function trio() {
  const s = await sessionWithPeople(t.server.url);
  const open = (token: string) => connectDoc(t.server.wsUrl, s.sessionId, 'board', token, { ack: true });
  // Pat writes, the facilitator writes, and a third client (the viewer) only watches.
  const pat = open(s.participant.token);
  const fac = open(s.facilitatorToken);
  const third = open(s.viewer.token);
  await Promise.all([pat, fac, third].map(waitSynced));
  const disk = async () => {
    await t.server.app.store.whenDurable();
    return storedDoc(t.server.app.store, s.sessionId, 'board');
  };
  return { s, pat, fac, third, disk, peers: [pat, fac, third] as Peer[] };
}

/** A marker write by `peer` that must reach `watcher`: proves the refused write before it had its chance too. */
async function flush(peer: Peer, watcher: Peer, id: string) {
  insertIdea(peer.doc, sampleIdea({ ...peer.author, id: id as never, text: 'marker' }));
  await waitFor(() => ideasMap(watcher.doc).has(id), `${id} relayed`);
}

describe('authorship', () => {
  it('refuses a note under someone else’s id, checked from a third client and from disk', async () => {
    const { pat, fac, third, disk, peers } = await trio();
    pat.doc.transact(
      () => insertIdea(pat.doc, sampleIdea({ ...fac.author, id: 'idea:forged' as never, text: 'the boss says' })),
      Origins.user,
    );
    await waitFor(() => pat.denials.length > 0, 'denial');
    expect(pat.denials[0]).toMatch(/your own name/);
    // Nobody's note is refused the same way.
    pat.doc.transact(() => ideasMap(pat.doc).set('idea:anon', new Y.Map<unknown>([['text', 'who wrote this?']])), Origins.user);
    await waitFor(() => pat.denials.length > 1, 'second denial');

    await flush(fac, third, 'idea:after');
    expect(ideasMap(third.doc).has('idea:forged')).toBe(false);
    expect(ideasMap(third.doc).has('idea:anon')).toBe(false);
    const stored = await disk();
    expect(ideasMap(stored).has('idea:forged')).toBe(false);
    expect(ideasMap(stored).has('idea:anon')).toBe(false);
    for (const p of peers) p.destroy();
  });

  it('refuses changing the author of an existing note and of a cluster; other edits by anyone pass', async () => {
    const { s, pat, fac, third, disk, peers } = await trio();
    insertIdea(pat.doc, sampleIdea({ ...pat.author, id: 'idea:pats' as never, text: 'mine' }));
    pat.doc.transact(() =>
      insertCluster(pat.doc, {
        id: 'cluster:pats' as never,
        title: 'Pat’s',
        x: 0,
        y: 0,
        width: 400,
        height: 300,
        color: '#f1f3f5',
        createdBy: pat.author.authorId,
      }),
    );
    await waitFor(() => ideasMap(fac.doc).has('idea:pats') && clustersMap(fac.doc).has('cluster:pats'), 'relayed to the facilitator');

    // The facilitator may edit the text…
    fac.doc.transact(() => patchIdea(fac.doc, 'idea:pats', { text: 'edited by the facilitator' }), Origins.user);
    await waitFor(() => readIdea(third.doc, 'idea:pats')?.text === 'edited by the facilitator', 'text edit relayed');
    // …but not claim the note, nor the cluster.
    fac.doc.transact(
      () => patchIdea(fac.doc, 'idea:pats', { authorId: fac.author.authorId, authorName: fac.author.authorName }),
      Origins.user,
    );
    await waitFor(() => fac.denials.length > 0, 'denial');
    expect(fac.denials[0]).toMatch(/author of an existing note/);
    // (A fresh connection: the first one's refused change is still in its doc and would ride along in a resync.)
    const fac2 = connectDoc(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    peers.push(fac2);
    await waitSynced(fac2);
    fac2.doc.transact(
      () => (clustersMap(fac2.doc).get('cluster:pats') as Y.Map<unknown>).set('createdBy', fac.author.authorId),
      Origins.user,
    );
    await waitFor(() => fac2.denials.length > 0, 'cluster denial');
    expect(fac2.denials[0]).toMatch(/author of an existing cluster/);

    await flush(pat, third, 'idea:after');
    expect(readIdea(third.doc, 'idea:pats')).toMatchObject({ authorId: pat.author.authorId, authorName: pat.author.authorName });
    const stored = await disk();
    expect(readIdea(stored, 'idea:pats')).toMatchObject({ authorId: pat.author.authorId, text: 'edited by the facilitator' });
    expect((clustersMap(stored).get('cluster:pats') as Y.Map<unknown>).get('createdBy')).toBe(pat.author.authorId);
    for (const p of peers) p.destroy();
  });

  it('lets an undo bring someone else’s deleted note back under its author', async () => {
    const { pat, fac, third, disk, peers } = await trio();
    insertIdea(pat.doc, sampleIdea({ ...pat.author, id: 'idea:pats' as never, text: 'keep me' }));
    await waitFor(() => ideasMap(fac.doc).has('idea:pats'), 'relayed');
    const undo = new Y.UndoManager(ideasMap(fac.doc), { trackedOrigins: new Set([Origins.user]) });
    fac.doc.transact(() => deleteIdea(fac.doc, 'idea:pats'), Origins.user);
    await waitFor(() => !ideasMap(third.doc).has('idea:pats'), 'deletion relayed');
    undo.undo();
    await waitFor(() => ideasMap(third.doc).has('idea:pats'), 'undo relayed');
    await waitFor(() => isSaved(fac), 'saved');
    expect(fac.denials).toEqual([]);
    expect(readIdea(third.doc, 'idea:pats')).toMatchObject({ authorId: pat.author.authorId, text: 'keep me' });
    expect(readIdea(await disk(), 'idea:pats')).toMatchObject({ authorId: pat.author.authorId });
    for (const p of peers) p.destroy();
  });
});
