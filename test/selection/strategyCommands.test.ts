import {
  type Brief,
  buildPlan,
  ErrorCode,
  type FollowUpValue,
  insertIdea,
  type NextStep,
  readBrief,
  readBriefHistory,
  readDecisions,
  readFollowUps,
  readIdeas,
  readSteps,
  readTallies,
} from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command, join, sessionWithPeople } from '../helpers/api.ts';
import { waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

async function serverDocs(sessionId: string) {
  const [control, board] = await Promise.all([
    t.server.app.rooms.acquire(sessionId, 'control'),
    t.server.app.rooms.acquire(sessionId, 'board'),
  ]);
  t.server.app.rooms.release(control);
  t.server.app.rooms.release(board);
  return { control: control.doc, board: board.doc };
}

/**
 * A session in select with four people's notes, votes and scores from Pat
 * and Sam, revealed: audit is the team's favourite, soc2 has votes but the
 * lowest score, ads and meetup got no vote.
 */
async function revealedSession() {
  const s = await sessionWithPeople(t.server.url);
  const sam = await join(t.server.url, s.sessionId, s.invites.participant, 'Sam');
  const board = t.open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
  await waitSynced(board);
  const ids = ['idea:audit', 'idea:soc2', 'idea:ads', 'idea:meetup'];
  board.doc.transact(() => {
    ids.forEach((id, i) => {
      insertIdea(board.doc, sampleIdea({ ...board.author, id: id as never, text: id, createdAt: i }));
    });
  });
  const serverBoard = await t.server.app.rooms.acquire(s.sessionId, 'board');
  await waitFor(() => readIdeas(serverBoard.doc).length === 4, 'ideas on the server');
  t.server.app.rooms.release(serverBoard);
  const f = (cmd: object) => command(t.server.url, s.sessionId, s.facilitatorToken, cmd);
  const pat = (cmd: object) => command(t.server.url, s.sessionId, s.participant.token, cmd);
  const samCmd = (cmd: object) => command(t.server.url, s.sessionId, sam.token, cmd);
  expect((await f({ type: 'setPhase', phase: 'select' })).status).toBe(200);
  const { control } = await serverDocs(s.sessionId);
  const brief = readBrief(control) as Brief;
  const [fit, cost] = brief.decisionRule.criteria.map((c) => c.id);
  for (const who of [pat, samCmd]) {
    expect((await who({ type: 'castVote', ideaId: 'idea:audit', count: 2 })).status).toBe(200);
    expect((await who({ type: 'castVote', ideaId: 'idea:soc2' })).status).toBe(200);
    for (const [ideaId, value] of [
      ['idea:audit', 5],
      ['idea:soc2', 1],
      ['idea:ads', 3],
    ] as const) {
      expect((await who({ type: 'score', ideaId, criterionId: fit, value })).status).toBe(200);
    }
  }
  expect((await f({ type: 'reveal' })).status).toBe(200);
  return { s, f, pat, brief, fit: fit as string, cost: cost as string };
}

describe('decide, tied to the decision rule', () => {
  it('stores the criteria a keep serves and refuses one the rule does not have', async () => {
    const { s, f, fit, cost } = await revealedSession();
    const bad = await f({
      type: 'decide',
      ideaId: 'idea:audit',
      verdict: 'keep',
      rationale: 'Proof for IT leads',
      servesCriteria: ['crit:nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: ErrorCode.invalidCommand });
    expect(readDecisions((await serverDocs(s.sessionId)).control)).toEqual([]);

    const kept = await f({
      type: 'decide',
      ideaId: 'idea:audit',
      verdict: 'keep',
      rationale: 'Proof for IT leads',
      servesCriteria: [fit, cost],
    });
    expect(kept.status).toBe(200);
    const [d] = readDecisions((await serverDocs(s.sessionId)).control);
    expect(d).toMatchObject({ ideaId: 'idea:audit', servesCriteria: [fit, cost], override: false, overrideReason: '' });
  });

  it('refuses (409) keeping what the votes and scores did not favour without a reason, and records an override with one', async () => {
    const { s, f } = await revealedSession();
    // ads: no votes. soc2: votes, but a score (1) below the median of scored ideas (3).
    for (const ideaId of ['idea:ads', 'idea:soc2']) {
      const r = await f({ type: 'decide', ideaId, verdict: 'keep', rationale: 'Cheap to try' });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: ErrorCode.overrideRequired });
    }
    const blank = await f({ type: 'decide', ideaId: 'idea:ads', verdict: 'keep', rationale: 'Cheap to try', overrideReason: '  ' });
    expect(blank.status).toBe(409);
    expect(readDecisions((await serverDocs(s.sessionId)).control)).toEqual([]);

    const over = await f({
      type: 'decide',
      ideaId: 'idea:soc2',
      verdict: 'keep',
      rationale: 'Security reviews block every deal',
      overrideReason: 'Sales lost two deals on SOC 2 last month',
    });
    expect(over.status).toBe(200);
    // Dropping an idea nobody voted for needs no override.
    expect((await f({ type: 'decide', ideaId: 'idea:ads', verdict: 'drop', rationale: 'No paid media before Q3' })).status).toBe(200);
    const { control, board } = await serverDocs(s.sessionId);
    const decisions = readDecisions(control);
    expect(decisions.find((d) => d.ideaId === 'idea:soc2')).toMatchObject({
      override: true,
      overrideReason: 'Sales lost two deals on SOC 2 last month',
    });
    expect(decisions.find((d) => d.ideaId === 'idea:ads')).toMatchObject({ override: false });
    // The plan carries it, so every export can show the override.
    const plan = buildPlan(readBrief(control) as Brief, readIdeas(board), readTallies(control), decisions, readSteps(control));
    expect(plan.initiatives.flatMap((g) => g.ideas).find((i) => i.id === 'idea:soc2')?.decision.override).toBe(true);
  });
});

describe('steps tied to strategic metrics, reviewed any time', () => {
  it('links a success check to a brief metric, refuses an unknown one, and rolls an early review up under it', async () => {
    const { s, f, pat } = await revealedSession();
    await f({ type: 'decide', ideaId: 'idea:audit', verdict: 'keep', rationale: 'Proof for IT leads' });
    await f({ type: 'setPhase', phase: 'plan' });
    const metric = 'Share of enterprise shortlists';
    const base = {
      ideaId: 'idea:audit',
      title: 'Audit-log demo',
      ownerId: s.participant.participantId,
      due: '2027-02-01',
      successCheck: { measure: 'Demo requests', target: '20', reviewDate: '2099-03-01', metric: 'Posts published' },
    };
    const unknown = await f({ type: 'upsertNextStep', step: base });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: ErrorCode.invalidCommand, message: expect.stringContaining('Posts published') });

    const linked = await f({ type: 'upsertNextStep', step: { ...base, successCheck: { ...base.successCheck, metric } } });
    expect(linked.body).toMatchObject({ ok: true, status: 'tactic', step: { successCheck: { metric } } });
    const step = (linked.body as { step: NextStep }).step;
    const undated = await f({
      type: 'upsertNextStep',
      step: { ...base, title: 'Undated', successCheck: { measure: '', target: '', reviewDate: null } },
    });
    const undatedId = (undated.body as { step: NextStep }).step.id;

    await f({ type: 'setPhase', phase: 'review' });
    // The review date (2099) is a reminder, not a lock; a step with no date can be reviewed too.
    const early = await pat({ type: 'recordReview', stepId: step.id, outcome: 'continue', learned: 'Two IT leads shortlisted us' });
    expect(early.body).toMatchObject({ ok: true, review: { outcome: 'continue' } });
    const noDate = await f({ type: 'recordReview', stepId: undatedId, outcome: 'stop', learned: 'Nobody came' });
    expect(noDate.body).toMatchObject({ ok: true });

    const { control, board } = await serverDocs(s.sessionId);
    const plan = buildPlan(readBrief(control) as Brief, readIdeas(board), readTallies(control), readDecisions(control), readSteps(control));
    const m = plan.successMetrics.find((x) => x.name === metric);
    expect(m?.fedBy.map((x) => x.stepId)).toEqual([step.id]);
    expect(m?.outcomes).toEqual({ continue: 1, revise: 0, stop: 0 });
    expect(plan.unlinkedSteps.map((x) => x.title)).toEqual(['Undated']);
    expect(plan.unfedMetrics).toEqual([]);
  });
});

describe('follow-up with a strategy check', () => {
  async function inReview() {
    const r = await revealedSession();
    await r.f({ type: 'decide', ideaId: 'idea:audit', verdict: 'keep', rationale: 'Proof for IT leads' });
    await r.f({ type: 'setPhase', phase: 'plan' });
    const made = await r.f({
      type: 'upsertNextStep',
      step: {
        ideaId: 'idea:audit',
        title: 'Audit-log demo',
        ownerName: 'Ana',
        successCheck: { measure: 'Demo requests', target: '20', reviewDate: null, metric: 'Share of enterprise shortlists' },
      },
    });
    const step = (made.body as { step: NextStep }).step;
    await r.f({ type: 'setPhase', phase: 'review' });
    await r.f({ type: 'recordReview', stepId: step.id, outcome: 'revise', learned: 'IT leads want exports, not dashboards' });
    return r;
  }

  it('refuses a follow-up without a strategy check, then opens one that carries the check and the evidence', async () => {
    const { s, f } = await inReview();
    const bare = await f({ type: 'startFollowUp' });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ message: expect.stringContaining('strategy check') });
    expect(readFollowUps((await serverDocs(s.sessionId)).control)).toEqual([]);

    const started = await f({ type: 'startFollowUp', strategyCheck: { verdict: 'adjust', reason: 'Shortlists need exports first' } });
    expect(started.status).toBe(200);
    const v = started.body as unknown as FollowUpValue;
    expect(v).toMatchObject({ existing: false, carriedSteps: 1, strategyCheck: { verdict: 'adjust', suggested: 'adjust' } });
    expect(v.strategyCheck?.evidence.join('\n')).toMatch(
      /Share of enterprise shortlists \(target 30%\): 0 continue, 1 revise, 0 stop; latest: "IT leads want exports/,
    );

    // Both sessions keep the check in the brief's history.
    const oldHistory = readBriefHistory((await serverDocs(s.sessionId)).control);
    const newHistory = readBriefHistory((await serverDocs(v.sessionId)).control);
    expect(oldHistory).toEqual([v.strategyCheck]);
    expect(newHistory).toEqual([v.strategyCheck]);
    expect(newHistory[0]).toMatchObject({ fromSessionId: s.sessionId, toSessionId: v.sessionId, checkedBy: 'Facilitator' });
  });

  it('is idempotent: asked again it answers with the same follow-up; only "another" makes a second', async () => {
    const { s, f } = await inReview();
    const check = { verdict: 'keep', reason: 'Early signal is good' };
    const [a, b] = await Promise.all([
      f({ type: 'startFollowUp', strategyCheck: check }),
      f({ type: 'startFollowUp', strategyCheck: check }),
    ]);
    const first = a.body as unknown as FollowUpValue;
    const second = b.body as unknown as FollowUpValue;
    expect(second.sessionId).toBe(first.sessionId);
    expect([first.existing, second.existing].sort()).toEqual([false, true]);
    // A retry without the check (the button after a reload) opens the same session with a working token.
    const again = (await f({ type: 'startFollowUp' })).body as unknown as FollowUpValue;
    expect(again).toMatchObject({ sessionId: first.sessionId, existing: true, strategyCheck: { reason: 'Early signal is good' } });
    const summary = await fetch(`${t.server.url}/api/sessions/${again.sessionId}`, {
      headers: { authorization: `Bearer ${again.facilitatorToken}` },
    });
    expect(summary.status).toBe(200);
    expect(readFollowUps((await serverDocs(s.sessionId)).control)).toHaveLength(1);

    const another = await f({ type: 'startFollowUp', another: true });
    expect(another.status).toBe(400);
    const second2 = (
      await f({ type: 'startFollowUp', another: true, strategyCheck: { verdict: 'replace', reason: 'Board changed the target market' } })
    ).body as unknown as FollowUpValue;
    expect(second2.existing).toBe(false);
    expect(second2.sessionId).not.toBe(first.sessionId);
    const { control } = await serverDocs(s.sessionId);
    expect(readFollowUps(control).map((x) => x.sessionId)).toEqual([first.sessionId, second2.sessionId]);
    expect(readBriefHistory(control).map((c) => c.verdict)).toEqual(['keep', 'replace']);
    // The second follow-up's brief history carries the first check too.
    expect(readBriefHistory((await serverDocs(second2.sessionId)).control).map((c) => c.verdict)).toEqual(['keep', 'replace']);
  });
});
