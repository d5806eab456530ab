import { addComment, deleteComment, editComment, readThread, threadsMap } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { storedDoc } from '../helpers/storedDoc.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

async function fromDisk(sessionId: string): Promise<Y.Doc> {
  await t.server.app.store.whenDurable();
  return storedDoc(t.server.app.store, sessionId, 'comments');
}

const now = () => new Date();
const texts = (doc: Y.Doc, key = 'idea:one') => readThread(doc, key).map((c) => c.text);

describe('the comments document', () => {
  it('carries comments between participants in every phase, the frozen board included', async () => {
    const s = await sessionWithPeople(t.server.url);
    const pat = t.open(t.server.wsUrl, s.sessionId, 'comments', s.participant.token);
    const fac = t.open(t.server.wsUrl, s.sessionId, 'comments', s.facilitatorToken);
    await Promise.all([waitSynced(pat), waitSynced(fac)]);
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    pat.doc.transact(() =>
      addComment(pat.doc, 'idea:one', {
        authorId: s.participant.participantId,
        authorName: 'Pat',
        text: 'Why now?',
        mentions: [],
        now: now(),
      }),
    );
    await waitFor(() => texts(fac.doc).length === 1, 'comment relayed');
    expect(texts(await fromDisk(s.sessionId))).toEqual(['Why now?']);
    expect(pat.denials).toEqual([]);
  });

  it('refuses a crafted comment under another id, an author change, an edit of another’s comment and a 100 KB comment: a third client and the disk never see them', async () => {
    const s = await sessionWithPeople(t.server.url);
    const fac = t.open(t.server.wsUrl, s.sessionId, 'comments', s.facilitatorToken);
    await waitSynced(fac);
    fac.doc.transact(() =>
      addComment(fac.doc, 'idea:one', { authorId: s.participantId, authorName: 'Facilitator', text: 'Original', mentions: [], now: now() }),
    );
    const early = t.open(t.server.wsUrl, s.sessionId, 'comments', s.viewer.token);
    await waitFor(() => texts(early.doc).length === 1, 'the original comment');
    expect(fac.denials).toEqual([]);

    const attacks: [string, (d: Y.Doc) => void, RegExp][] = [
      [
        'impersonation',
        (d) =>
          addComment(d, 'idea:one', { authorId: s.participantId, authorName: 'Facilitator', text: 'I resign', mentions: [], now: now() }),
        /own name/,
      ],
      [
        'edit of another’s comment',
        (d) => editComment(d, 'idea:one', readThread(d, 'idea:one')[0]?.id ?? '', 'Changed', [], now()),
        /only its author/,
      ],
      [
        'author change',
        (d) => (threadsMap(d).get('idea:one')?.get(0) as Y.Map<unknown> | undefined)?.set('authorId', s.participant.participantId),
        /never changes/,
      ],
      [
        'delete of another’s comment',
        (d) => deleteComment(d, 'idea:one', readThread(d, 'idea:one')[0]?.id ?? ''),
        /author or the facilitator/,
      ],
      [
        '100 KB comment',
        (d) =>
          addComment(d, 'idea:one', {
            authorId: s.participant.participantId,
            authorName: 'Pat',
            text: 'x'.repeat(100_000),
            mentions: [],
            now: now(),
          }),
        /text/,
      ],
      ['removal', (d) => threadsMap(d).get('idea:one')?.delete(0, 1), /never removed/],
    ];
    for (const [what, attack, reason] of attacks) {
      const attacker = t.open(t.server.wsUrl, s.sessionId, 'comments', s.participant.token);
      await waitSynced(attacker);
      attacker.doc.transact(() => attack(attacker.doc));
      await waitFor(() => attacker.denials.length > 0, `denial of ${what}`);
      expect(attacker.denials[0], what).toMatch(reason);
      attacker.destroy();
    }
    // A legitimate comment after the attacks still flows, so the witness is demonstrably listening.
    const pat = t.open(t.server.wsUrl, s.sessionId, 'comments', s.participant.token);
    await waitSynced(pat);
    pat.doc.transact(() =>
      addComment(pat.doc, 'idea:one', {
        authorId: s.participant.participantId,
        authorName: 'Pat',
        text: 'Fair point',
        mentions: [],
        now: now(),
      }),
    );
    const witness = t.open(t.server.wsUrl, s.sessionId, 'comments', s.viewer.token);
    await waitFor(() => texts(witness.doc).length === 2, 'legit comment');
    expect(texts(witness.doc)).toEqual(['Original', 'Fair point']);
    expect(readThread(witness.doc, 'idea:one')[0]).toMatchObject({ authorId: s.participantId, deleted: false, editedAt: null });
    expect(texts(await fromDisk(s.sessionId))).toEqual(['Original', 'Fair point']);
  });

  it('lets viewers read but not write', async () => {
    const s = await sessionWithPeople(t.server.url);
    const viewer = t.open(t.server.wsUrl, s.sessionId, 'comments', s.viewer.token);
    await waitSynced(viewer);
    viewer.doc.transact(() =>
      addComment(viewer.doc, 'idea:one', { authorId: s.viewer.participantId, authorName: 'Vic', text: 'hi', mentions: [], now: now() }),
    );
    await waitFor(() => viewer.denials.length > 0, 'denial');
    expect(viewer.denials[0]).toMatch(/viewers cannot edit/);
    expect(texts(await fromDisk(s.sessionId))).toEqual([]);
  });
});
