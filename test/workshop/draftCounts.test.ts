import { draftIdeasMap, ideasMap, Origins } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, join, sessionWithPeople } from '../helpers/api.ts';
import { isSaved, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

function writeDraft(doc: Y.Doc, id: string, text: string) {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(sampleIdea({ id: id as never, text }))) if (k !== 'id') m.set(k, v);
    draftIdeasMap(doc).set(id, m);
  }, Origins.user);
}

describe('private brainwriting: the facilitator sees counts, never text', () => {
  it('counts each participant’s drafts and reveals them all in one go', async () => {
    const s = await sessionWithPeople(t.server.url);
    const other = await join(t.server.url, s.sessionId, s.invites.participant, 'Olu');
    await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', privateMode: true });
    const a = t.open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token, { ack: true });
    const b = t.open(t.server.wsUrl, s.sessionId, `drafts:${other.participantId}`, other.token, { ack: true });
    await Promise.all([waitSynced(a), waitSynced(b)]);
    writeDraft(a.doc, 'idea:secretaaaaaa', 'secret one');
    writeDraft(a.doc, 'idea:secretbbbbbb', 'secret two');
    writeDraft(b.doc, 'idea:secretcccccc', 'secret three');
    await waitFor(() => isSaved(a) && isSaved(b), 'drafts saved');

    const counts = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'draftCounts' });
    expect(counts.body.counts).toEqual({ [s.participantId]: 0, [s.participant.participantId]: 2, [other.participantId]: 1 });
    expect(JSON.stringify(counts.body)).not.toMatch(/secret/);

    const board = t.open(t.server.wsUrl, s.sessionId, 'board', s.viewer.token);
    await waitSynced(board);
    const sizes: number[] = [];
    ideasMap(board.doc).observe(() => sizes.push(ideasMap(board.doc).size));
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'publishDrafts' })).body).toMatchObject({ published: 3 });
    await waitFor(() => ideasMap(board.doc).size === 3, 'revealed');
    // Everyone's notes arrive in one update, not person by person.
    expect(sizes).toEqual([3]);
  });
});
