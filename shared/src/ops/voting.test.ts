import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { castVote, checkSelectable, checkVotingSettings, myVotesValue, retractVote, scoreIdea, type VoteCounts } from './voting.ts';

const settings = { voteBudget: 5, perIdeaCap: 3 };
const open = { revealed: false };

/** Applies casts in order, failing the test on the first refusal. */
function spend(...casts: [string, number][]) {
  let votes = {};
  for (const [id, n] of casts) {
    const r = castVote(votes, id, n, settings, open);
    if (!r.ok) throw new Error(r.message);
    votes = r.value;
  }
  return votes;
}

describe('castVote', () => {
  it('spends dots up to the budget and no further', () => {
    const votes = spend(['idea:a', 3], ['idea:b', 2]);
    expect(myVotesValue(votes, {}, settings, { revealed: false, canVote: true }).remaining).toBe(0);
    const over = castVote(votes, 'idea:c', 1, settings, open);
    expect(over).toMatchObject({ ok: false, status: 409, code: ErrorCode.voteBudgetExceeded });
  });

  it('refuses more than the per-idea cap, even with budget left', () => {
    const votes = spend(['idea:a', 2]);
    const r = castVote(votes, 'idea:a', 2, settings, open);
    expect(r).toMatchObject({ ok: false, code: ErrorCode.voteCapExceeded });
    // Nothing changed: the person still has 2 on the idea and 3 to spend.
    expect(votes).toEqual({ 'idea:a': 2 });
  });

  it('refuses a multi-dot cast that would cross the budget as a whole', () => {
    const votes = spend(['idea:a', 3], ['idea:b', 1]);
    expect(castVote(votes, 'idea:c', 2, settings, open)).toMatchObject({ code: ErrorCode.voteBudgetExceeded });
    expect(castVote(votes, 'idea:c', 1, settings, open).ok).toBe(true);
  });

  it('gives back dots on ideas that no longer count (deleted while back in explore)', () => {
    const votes = spend(['idea:a', 3], ['idea:b', 2]);
    const counts = (id: string) => id !== 'idea:a';
    expect(castVote(votes, 'idea:c', 3, settings, { revealed: false, counts }).ok).toBe(true);
    expect(myVotesValue(votes, {}, settings, { revealed: false, canVote: true, counts })).toMatchObject({
      remaining: 3,
      votes: { 'idea:b': 2 },
    });
  });

  it('is closed once votes are revealed', () => {
    expect(castVote({}, 'idea:a', 1, settings, { revealed: true })).toMatchObject({ code: ErrorCode.wrongPhase });
    expect(retractVote({ 'idea:a': 1 }, 'idea:a', 1, { revealed: true })).toMatchObject({ code: ErrorCode.wrongPhase });
  });
});

describe('retractVote', () => {
  it('takes dots back and frees budget', () => {
    const votes = spend(['idea:a', 3], ['idea:b', 2]);
    const r = retractVote(votes, 'idea:a', 1, open);
    expect(r.ok && r.value).toEqual({ 'idea:a': 2, 'idea:b': 2 });
    const r2 = retractVote(votes, 'idea:b', 2, open);
    expect(r2.ok && r2.value).toEqual({ 'idea:a': 3 });
  });

  it('refuses taking back dots that are not there', () => {
    expect(retractVote({ 'idea:a': 1 }, 'idea:a', 2, open)).toMatchObject({ ok: false, code: ErrorCode.conflict });
    expect(retractVote({}, 'idea:z', 1, open)).toMatchObject({ ok: false, code: ErrorCode.conflict });
  });
});

describe('checkSelectable', () => {
  it('refuses an AI idea still in the AI lane and a missing idea', () => {
    expect(checkSelectable({ origin: 'ai', lane: 'ai' })).toMatchObject({ code: ErrorCode.notSelectable });
    expect(checkSelectable(null)).toMatchObject({ status: 404, code: ErrorCode.notFound });
    expect(checkSelectable({ origin: 'ai', lane: 'canvas' })).toBeNull();
    expect(checkSelectable({ origin: 'person', lane: 'canvas' })).toBeNull();
  });
});

describe('scoreIdea', () => {
  const criteria = [{ id: 'crit:fit', name: 'Fit' }];
  it('sets, replaces and withdraws a score', () => {
    let r = scoreIdea({}, 'idea:a', 'crit:fit', 4, criteria, open);
    expect(r.ok && r.value).toEqual({ 'idea:a': { 'crit:fit': 4 } });
    r = scoreIdea(r.ok ? r.value : {}, 'idea:a', 'crit:fit', 2, criteria, open);
    expect(r.ok && r.value).toEqual({ 'idea:a': { 'crit:fit': 2 } });
    r = scoreIdea(r.ok ? r.value : {}, 'idea:a', 'crit:fit', null, criteria, open);
    expect(r.ok && r.value).toEqual({});
  });

  it('refuses an unknown criterion and a value outside 1–5', () => {
    expect(scoreIdea({}, 'idea:a', 'crit:gone', 3, criteria, open)).toMatchObject({ code: ErrorCode.notFound });
    expect(scoreIdea({}, 'idea:a', 'crit:fit', 6, criteria, open)).toMatchObject({ code: ErrorCode.invalidCommand });
    expect(scoreIdea({}, 'idea:a', 'crit:fit', 0, criteria, open)).toMatchObject({ code: ErrorCode.invalidCommand });
  });
});

describe('checkVotingSettings', () => {
  const cast: VoteCounts[] = [{ 'idea:a': 3, 'idea:b': 1 }, { 'idea:a': 1 }];
  it('refuses lowering the budget or cap under what someone already spent', () => {
    expect(checkVotingSettings({ voteBudget: 3 }, settings, cast, open)).toMatchObject({
      ok: false,
      code: ErrorCode.conflict,
      message: expect.stringContaining('1 person has'),
    });
    expect(checkVotingSettings({ perIdeaCap: 2 }, settings, cast, open)).toMatchObject({ code: ErrorCode.conflict });
    expect(checkVotingSettings({ voteBudget: 4, perIdeaCap: 3 }, settings, cast, open)).toEqual({
      ok: true,
      value: { voteBudget: 4, perIdeaCap: 3 },
    });
  });

  it('lets a reset choose any budget, and refuses changing dots after reveal without one', () => {
    expect(checkVotingSettings({ voteBudget: 1, resetVotes: true }, settings, cast, open).ok).toBe(true);
    expect(checkVotingSettings({ voteBudget: 8 }, settings, [], { revealed: true })).toMatchObject({
      code: ErrorCode.wrongPhase,
    });
    expect(checkVotingSettings({}, settings, [], { revealed: true }).ok).toBe(true);
  });
});

describe('myVotesValue', () => {
  it('shows only my dots and closes voting for viewers and after reveal', () => {
    const v = myVotesValue({ 'idea:a': 2 }, {}, settings, { revealed: false, canVote: true });
    expect(v).toEqual({ budget: 5, perIdeaCap: 3, remaining: 3, votes: { 'idea:a': 2 }, scores: {}, canVote: true });
    expect(myVotesValue({}, {}, settings, { revealed: false, canVote: false }).canVote).toBe(false);
    expect(myVotesValue({}, {}, settings, { revealed: true, canVote: true }).canVote).toBe(false);
  });
});
