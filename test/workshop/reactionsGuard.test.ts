import { insertIdea, Origins, reactionKey, reactionsMap, readReactions, toggleReaction } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command, join, sessionWithPeople } from '../helpers/api.ts';
import { isSaved, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();
const IDEA = 'idea:reacted00001';

describe('reactions over the wire', () => {
  it("accepts a participant's own reactions, refuses touching another's, and freezes them with the board", async () => {
    const s = await sessionWithPeople(t.server.url);
    const other = await join(t.server.url, s.sessionId, s.invites.participant, 'Olu');
    const mine = t.open(t.server.wsUrl, s.sessionId, 'board', s.participant.token, { ack: true });
    const theirs = t.open(t.server.wsUrl, s.sessionId, 'board', other.token, { ack: true });
    const watcher = t.open(t.server.wsUrl, s.sessionId, 'board', s.viewer.token);
    await Promise.all([waitSynced(mine), waitSynced(theirs), waitSynced(watcher)]);
    mine.doc.transact(() => insertIdea(mine.doc, sampleIdea({ ...mine.author, id: IDEA as never })), Origins.user);

    // Own reactions: accepted, and everyone sees them live.
    theirs.doc.transact(() => toggleReaction(theirs.doc, IDEA, '🎉', other.participantId), Origins.user);
    mine.doc.transact(() => toggleReaction(mine.doc, IDEA, '👍', s.participant.participantId), Origins.user);
    await waitFor(() => isSaved(mine) && isSaved(theirs), 'reactions saved');
    await waitFor(
      () => readReactions(watcher.doc, IDEA)['👍']?.length === 1 && readReactions(watcher.doc, IDEA)['🎉']?.length === 1,
      'seen',
    );
    expect(readReactions(watcher.doc, IDEA)).toEqual({ '👍': [s.participant.participantId], '🎉': [other.participantId] });

    // A crafted client removes someone else's reaction and adds one in their name: both refused, nothing reaches others.
    mine.doc.transact(() => reactionsMap(mine.doc).delete(reactionKey(IDEA, '🎉', other.participantId)), Origins.user);
    await waitFor(() => mine.denials.length === 1, 'removal refused');
    expect(mine.denials[0]).toMatch(/your own reactions/);
    mine.doc.transact(() => reactionsMap(mine.doc).set(reactionKey(IDEA, '❤️', other.participantId), true), Origins.user);
    await waitFor(() => mine.denials.length === 2, 'forged reaction refused');
    await sleep(100);
    expect(readReactions(watcher.doc, IDEA)).toEqual({ '👍': [s.participant.participantId], '🎉': [other.participantId] });

    // Reactions are conversation, not votes: no trace of them in tallies or the voting budget.
    const votes = await command(t.server.url, s.sessionId, s.participant.token, { type: 'myVotes' });
    expect(JSON.stringify(votes.body)).not.toMatch(/🎉|👍/);

    // Frozen with the board.
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    await sleep(100);
    theirs.doc.transact(() => toggleReaction(theirs.doc, IDEA, '🎉', other.participantId), Origins.user);
    await waitFor(() => theirs.denials.length === 1, 'frozen');
    expect(theirs.denials[0]).toMatch(/frozen/);
    await sleep(100);
    expect(readReactions(watcher.doc, IDEA)['🎉']).toEqual([other.participantId]);
  });
});
