import { controlMap, draftIdeasMap, ideasMap, insertIdea, Origins, readIdeas } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { isSaved, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();
const open = t.open;

/** A draft note written the way the client writes one: into the drafts doc's `ideas` map. */
function writeDraft(doc: Y.Doc, id: string, text: string) {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(sampleIdea({ id: id as never, text }))) if (k !== 'id') m.set(k, v);
    draftIdeasMap(doc).set(id, m);
  }, Origins.user);
}

describe('private mode', () => {
  it('keeps drafts off the board until the board freezes, then publishes them under their author', async () => {
    const s = await sessionWithPeople(t.server.url);
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: true })).status).toBe(200);
    const settings = open(t.server.wsUrl, s.sessionId, 'control', s.participant.token);
    await waitFor(() => controlMap(settings.doc, 'settings').get('privateMode') === true, 'private mode on');

    const drafts = open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token, { ack: true });
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await Promise.all([waitSynced(drafts), waitSynced(board)]);
    writeDraft(drafts.doc, 'idea:secret1', 'my first private idea');
    writeDraft(drafts.doc, 'idea:secret2', 'my second private idea');
    await waitFor(() => isSaved(drafts), 'drafts saved');
    await sleep(50);
    expect(ideasMap(board.doc).size).toBe(0);

    const refused = await command(t.server.url, s.sessionId, s.participant.token, { type: 'publishDrafts' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'TL_ERR_FORBIDDEN' } });

    const moved = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    expect(moved).toMatchObject({ status: 200, body: { published: 2 } });
    await waitFor(() => ideasMap(board.doc).size === 2, 'drafts on the board');
    expect(
      readIdeas(board.doc)
        .map((i) => [i.text, i.authorName, i.origin, i.lane])
        .sort(),
    ).toEqual([
      ['my first private idea', 'Pat', 'person', 'canvas'],
      ['my second private idea', 'Pat', 'person', 'canvas'],
    ]);
    await waitFor(() => draftIdeasMap(drafts.doc).size === 0, 'drafts emptied');
    // Drafts freeze with the board: a late draft is refused, not kept for a later publish.
    writeDraft(drafts.doc, 'idea:late', 'too late');
    await waitFor(() => drafts.denials.length > 0, 'late draft refused');
    expect(drafts.denials[0]).toMatch(/frozen during select/);
  });

  it('publishes on demand while exploring, and when private mode is switched off', async () => {
    const s = await sessionWithPeople(t.server.url);
    await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: true });
    const drafts = open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token, { ack: true });
    const board = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    await Promise.all([waitSynced(drafts), waitSynced(board)]);
    writeDraft(drafts.doc, 'idea:d1', 'one');
    await waitFor(() => isSaved(drafts), 'saved');
    expect(await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'publishDrafts' })).toMatchObject({
      body: { published: 1 },
    });
    await waitFor(() => ideasMap(board.doc).has('idea:d1'), 'published on demand');
    writeDraft(drafts.doc, 'idea:d2', 'two');
    await waitFor(() => isSaved(drafts), 'saved');
    const off = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: false });
    expect(off).toMatchObject({ status: 200, body: { published: 1 } });
    await waitFor(() => ideasMap(board.doc).has('idea:d2'), 'published when private mode ends');
    insertIdea(board.doc, sampleIdea({ ...board.author, id: 'idea:public' as never }));
  });
});
