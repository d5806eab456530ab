import { type ActivityReport, addComment, ideasMap, insertIdea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

async function activity(sessionId: string, token: string, since?: string) {
  const q = since ? `?since=${encodeURIComponent(since)}` : '';
  const res = await fetch(`${t.server.url}/api/sessions/${sessionId}/activity${q}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as ActivityReport };
}

describe('what is new since you were here', () => {
  it('answers, after a reconnect, what changed while the reader was away — and nothing once they caught up', async () => {
    const s = await sessionWithPeople(t.server.url);
    const fac = t.open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(fac);
    fac.doc.transact(() => {
      insertIdea(fac.doc, sampleIdea({ ...fac.author, id: 'idea:kept' as never, text: 'Governance webinar' }));
      insertIdea(fac.doc, sampleIdea({ ...fac.author, id: 'idea:moved' as never, text: 'Case study' }));
    });

    // Pat looks at the board and the comments, then leaves.
    const patBoard = t.open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    const patComments = t.open(t.server.wsUrl, s.sessionId, 'comments', s.participant.token);
    await Promise.all([waitSynced(patBoard), waitSynced(patComments)]);
    await waitFor(() => ideasMap(patBoard.doc).size === 2, 'board seen');
    patBoard.destroy();
    patComments.destroy();
    await sleep(100);
    await t.server.app.store.whenDurable();

    // While Pat is away: a new note, a reworded one, a moved one, a comment mentioning Pat, a phase change.
    fac.doc.transact(() => {
      insertIdea(fac.doc, sampleIdea({ ...fac.author, id: 'idea:new' as never, text: 'Partner council', createdAt: Date.now() }));
      ideasMap(fac.doc).get('idea:kept')?.set('text', 'Governance webinar series');
      ideasMap(fac.doc).get('idea:moved')?.set('x', 900);
    });
    const facComments = t.open(t.server.wsUrl, s.sessionId, 'comments', s.facilitatorToken);
    await waitSynced(facComments);
    facComments.doc.transact(() =>
      addComment(facComments.doc, 'idea:new', {
        authorId: s.participantId,
        authorName: 'Facilitator',
        text: '@Pat can you own this?',
        mentions: [s.participant.participantId],
        now: new Date(),
      }),
    );
    await sleep(100);
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    await t.server.app.store.whenDurable();

    const back = await activity(s.sessionId, s.participant.token);
    expect(back.status).toBe(200);
    expect(back.body.basis).toBe('state');
    expect(back.body.ideas.created.map((i) => i.id)).toEqual(['idea:new']);
    expect(back.body.ideas.changed).toEqual([{ id: 'idea:kept', text: 'Governance webinar series', authorName: fac.author.authorName }]);
    expect(back.body.mentions.map((c) => c.text)).toEqual(['@Pat can you own this?']);
    expect(back.body.comments).toHaveLength(1);
    expect(back.body.phaseChanges).toEqual([{ to: 'select', at: expect.any(String), auto: false }]);

    // Pat reconnects and catches up: nothing is new any more.
    const again = t.open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    await waitSynced(again);
    const seen = await fetch(`${t.server.url}/api/sessions/${s.sessionId}/seen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.participant.token}` },
    });
    expect(seen.status).toBe(200);
    await t.server.app.store.whenDurable();
    const caughtUp = await activity(s.sessionId, s.participant.token);
    expect(caughtUp.body.ideas).toEqual({ created: [], changed: [] });
    expect(caughtUp.body.mentions).toEqual([]);
    expect(caughtUp.body.phaseChanges).toEqual([]);

    // Any token may ask since a given time; a viewer sees the same new notes (and no mentions of its own).
    // No one's mark is that old any more (Pat's moved on), so new notes are found by their creation time.
    const viewer = await activity(s.sessionId, s.viewer.token, back.body.since);
    expect(viewer.body.basis).toBe('time');
    expect(viewer.body.ideas.created.map((i) => i.id)).toEqual(['idea:new']);
    expect(viewer.body.mentions).toEqual([]);
    expect((await activity(s.sessionId, s.viewer.token, 'yesterday')).status).toBe(400);
  });
});
