import {
  controlMap,
  ErrorCode,
  insertIdea,
  type NextStep,
  Origins,
  readDecisions,
  readIdeas,
  readSteps,
  readTallies,
  type Tally,
} from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, join, sessionWithPeople } from '../helpers/api.ts';
import { waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();
const open = t.open;

/** Everything a client syncing `doc` holds, as text: what it could show or leak. */
const everything = (doc: Y.Doc) => JSON.stringify(doc.toJSON()) + new TextDecoder().decode(Y.encodeStateAsUpdate(doc));

/**
 * A session in select: a facilitator, participants Pat and Sam, three
 * people's notes written over the board socket while exploring like real
 * clients do, and one AI note nobody adopted, written by the server.
 */
async function sessionInSelect() {
  const s = await sessionWithPeople(t.server.url);
  const sam = await join(t.server.url, s.sessionId, s.invites.participant, 'Sam');
  const board = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
  await waitSynced(board);
  const ideas = ['idea:audit', 'idea:soc2', 'idea:ads'] as const;
  board.doc.transact(() => {
    ideas.forEach((id, i) => {
      insertIdea(
        board.doc,
        sampleIdea({ ...board.author, id: id as never, text: id, authorId: s.participant.participantId, createdAt: i }),
      );
    });
  });
  // Only the server writes AI-lane notes (clients are refused), so seed that one as the AI would.
  const serverBoard = await t.server.app.rooms.acquire(s.sessionId, 'board');
  serverBoard.doc.transact(() => {
    insertIdea(serverBoard.doc, sampleIdea({ id: 'idea:lane' as never, origin: 'ai', lane: 'ai', text: 'AI lane' }));
  }, Origins.ai);
  t.server.app.rooms.release(serverBoard);
  await waitFor(() => readIdeas(serverBoard.doc).length === 4, 'ideas on the server');
  const toSelect = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
  expect(toSelect.status).toBe(200);
  const f = (cmd: object) => command(t.server.url, s.sessionId, s.facilitatorToken, cmd);
  const pat = (cmd: object) => command(t.server.url, s.sessionId, s.participant.token, cmd);
  const samCmd = (cmd: object) => command(t.server.url, s.sessionId, sam.token, cmd);
  const viewer = (cmd: object) => command(t.server.url, s.sessionId, s.viewer.token, cmd);
  return { s, f, pat, sam: samCmd, viewer, samId: sam.participantId };
}

async function serverControl(sessionId: string) {
  const room = await t.server.app.rooms.acquire(sessionId, 'control');
  t.server.app.rooms.release(room);
  return room.doc;
}

describe('voting over real HTTP and sockets', () => {
  it('refuses a vote over budget or over the cap, and nothing changes', async () => {
    const { pat } = await sessionInSelect();
    expect((await pat({ type: 'castVote', ideaId: 'idea:audit', count: 3 })).body).toMatchObject({ ok: true, remaining: 2 });
    expect((await pat({ type: 'castVote', ideaId: 'idea:soc2', count: 2 })).body).toMatchObject({ ok: true, remaining: 0 });

    const over = await pat({ type: 'castVote', ideaId: 'idea:ads' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ ok: false, code: ErrorCode.voteBudgetExceeded });

    await pat({ type: 'retractVote', ideaId: 'idea:audit' });
    const cap = await pat({ type: 'castVote', ideaId: 'idea:soc2', count: 2 });
    expect(cap.body).toMatchObject({ ok: false, code: ErrorCode.voteCapExceeded });

    const mine = await pat({ type: 'myVotes' });
    expect(mine.body).toMatchObject({
      ok: true,
      budget: 5,
      perIdeaCap: 3,
      remaining: 1,
      votes: { 'idea:audit': 2, 'idea:soc2': 2 },
      canVote: true,
    });
  });

  it('refuses votes on an AI idea nobody adopted, from viewers, and while exploring', async () => {
    const { f, pat, viewer } = await sessionInSelect();
    expect((await pat({ type: 'castVote', ideaId: 'idea:lane' })).body).toMatchObject({ code: ErrorCode.notSelectable });
    const v = await viewer({ type: 'castVote', ideaId: 'idea:audit' });
    expect(v.status).toBe(403);
    expect(v.body).toMatchObject({ code: ErrorCode.forbidden });
    await f({ type: 'setPhase', phase: 'explore', confirm: true });
    expect((await pat({ type: 'castVote', ideaId: 'idea:audit' })).body).toMatchObject({ code: ErrorCode.wrongPhase });
  });

  it("keeps every person's votes off a second client's control doc until reveal, then publishes only totals", async () => {
    const { s, f, pat, sam, samId } = await sessionInSelect();
    const watcher = open(t.server.wsUrl, s.sessionId, 'control', s.viewer.token);
    await waitSynced(watcher);
    await pat({ type: 'castVote', ideaId: 'idea:audit', count: 3 });
    await sam({ type: 'castVote', ideaId: 'idea:audit', count: 1 });
    await sam({ type: 'castVote', ideaId: 'idea:ads', count: 2 });
    const criterion = (await serverControl(s.sessionId)).getMap('brief').get('value') as {
      decisionRule: { criteria: { id: string }[] };
    };
    const crit = criterion.decisionRule.criteria[0]?.id;
    await pat({ type: 'score', ideaId: 'idea:audit', criterionId: crit, value: 5 });
    // Let any (wrongly) relayed update arrive before looking.
    await f({ type: 'setVoting', blindOrigin: true });
    await waitFor(() => controlMap(watcher.doc, 'settings').get('blindOrigin') === true, 'settings relayed');

    const before = everything(watcher.doc);
    expect(readTallies(watcher.doc)).toEqual([]);
    for (const pid of [s.participant.participantId, samId]) expect(before).not.toContain(pid);
    expect(before).not.toContain('idea:audit');

    // The private doc is not a syncable document at all.
    const sock = rawSocket(`${t.server.wsUrl}/sync/${s.sessionId}/private?token=${s.facilitatorToken}`);
    const closed = await sock.closed;
    expect(closed.code).toBeGreaterThanOrEqual(4400);

    const r = await f({ type: 'reveal' });
    expect(r.body).toMatchObject({ ok: true, revealed: true });
    await waitFor(() => readTallies(watcher.doc).length === 3, 'tallies relayed');
    const byIdea = Object.fromEntries(readTallies(watcher.doc).map((t: Tally) => [t.ideaId, t]));
    expect(byIdea['idea:audit']).toMatchObject({ votes: 4, voters: 2, weightedScore: 5 });
    expect(byIdea['idea:ads']).toMatchObject({ votes: 2, voters: 1 });
    expect(byIdea['idea:soc2']).toMatchObject({ votes: 0, voters: 0 });
    const after = everything(watcher.doc);
    for (const pid of [s.participant.participantId, samId]) expect(after).not.toContain(pid);

    // Voting is closed after reveal.
    expect((await pat({ type: 'castVote', ideaId: 'idea:soc2' })).body).toMatchObject({ code: ErrorCode.wrongPhase });
  });
});

describe('deciding, planning and reviewing', () => {
  it('lets only the facilitator decide, and requires a rationale to keep or drop', async () => {
    const { s, f, pat } = await sessionInSelect();
    const tried = await pat({ type: 'decide', ideaId: 'idea:audit', verdict: 'keep', rationale: 'I like it' });
    expect(tried.status).toBe(403);
    expect(tried.body).toMatchObject({ code: ErrorCode.forbidden });
    expect(readDecisions(await serverControl(s.sessionId))).toEqual([]);

    const bare = await f({ type: 'decide', ideaId: 'idea:audit', verdict: 'keep' });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ code: ErrorCode.rationaleRequired });
    expect(readDecisions(await serverControl(s.sessionId))).toEqual([]);

    // Votes were never revealed, so keeping sets the team's view aside: it needs an override reason.
    const unbacked = await f({ type: 'decide', ideaId: 'idea:audit', verdict: 'keep', rationale: 'Makes governance visible' });
    expect(unbacked.status).toBe(409);
    expect(unbacked.body).toMatchObject({ code: ErrorCode.overrideRequired });
    const ok = await f({
      type: 'decide',
      ideaId: 'idea:audit',
      verdict: 'keep',
      rationale: 'Makes governance visible',
      overrideReason: 'Decided in the room without a vote',
    });
    expect(ok.body).toMatchObject({ ok: true, decision: { verdict: 'keep', decidedByName: 'Facilitator', override: true } });

    // Refusals are audited with their code, like successes.
    const audit = await t.server.app.store.listAudit(s.sessionId);
    expect(audit.filter((a: { type: string }) => a.type === 'decide').map((a: { outcome: string }) => a.outcome)).toEqual([
      ErrorCode.forbidden,
      ErrorCode.rationaleRequired,
      ErrorCode.overrideRequired,
      'ok',
    ]);
  });

  it("refuses a participant editing someone else's step, and the step is unchanged", async () => {
    const { s, f, pat, sam } = await sessionInSelect();
    await f({
      type: 'decide',
      ideaId: 'idea:audit',
      verdict: 'keep',
      rationale: 'Makes governance visible',
      overrideReason: 'No vote held',
    });
    await f({ type: 'setPhase', phase: 'plan' });
    const created = await f({
      type: 'upsertNextStep',
      step: { ideaId: 'idea:audit', title: 'Audit demo', ownerId: s.participant.participantId, due: '2026-12-01' },
    });
    expect(created.body).toMatchObject({ ok: true, status: 'intention', step: { ownerName: 'Pat' } });
    const step = (created.body as { step: NextStep }).step;

    const hijack = await sam({ type: 'upsertNextStep', step: { ...step, title: 'Mine now', ownerId: s.participant.participantId } });
    expect(hijack.status).toBe(403);
    expect(hijack.body).toMatchObject({ code: ErrorCode.forbidden });
    expect((await sam({ type: 'deleteNextStep', stepId: step.id })).body).toMatchObject({ code: ErrorCode.forbidden });
    expect(readSteps(await serverControl(s.sessionId))).toEqual([step]);

    const own = await pat({
      type: 'upsertNextStep',
      step: {
        ...step,
        successCheck: { measure: 'Demo requests', target: '20', reviewDate: '2020-01-15' },
      },
    });
    expect(own.body).toMatchObject({ ok: true, status: 'tactic' });

    // Review: only in review phase, only the owner (or facilitator), only with a real metric.
    expect((await pat({ type: 'recordReview', stepId: step.id, outcome: 'continue', learned: 'x' })).body).toMatchObject({
      code: ErrorCode.wrongPhase,
    });
    await f({ type: 'setPhase', phase: 'review' });
    expect((await sam({ type: 'recordReview', stepId: step.id, outcome: 'stop', learned: 'nope' })).body).toMatchObject({
      code: ErrorCode.forbidden,
    });
    const reviewed = await pat({
      type: 'recordReview',
      stepId: step.id,
      outcome: 'revise',
      learned: 'IT leads want exports',
      metrics: ['Share of enterprise shortlists'],
    });
    expect(reviewed.body).toMatchObject({ ok: true, review: { outcome: 'revise', recordedBy: 'Pat' } });

    const follow = await f({ type: 'startFollowUp', strategyCheck: { verdict: 'adjust', reason: 'IT leads want exports' } });
    expect(follow.body).toMatchObject({ ok: true, carriedSteps: 1 });
    const next = follow.body as unknown as { sessionId: string; facilitatorToken: string };
    const summary = await fetch(`${t.server.url}/api/sessions/${next.sessionId}`, {
      headers: { authorization: `Bearer ${next.facilitatorToken}` },
    }).then((r) => r.json() as Promise<{ brief: { objective: string }; phase: { current: string } }>);
    expect(summary.brief.objective).toBe('Win consideration among enterprise buyers who need governance');
    expect(summary.phase.current).toBe('explore');
    const carried = readSteps(await serverControl(next.sessionId));
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ title: 'Audit demo', ownerName: 'Pat', ownerId: null, review: null });
  });
});
