import { describe, expect, it } from 'vitest';
import type { CriterionId, IdeaId, InitiativeId, ParticipantId, StepId } from '../model/ids.ts';
import type { Decision, Tally } from '../model/selection.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { checkDecide, type DecideInput, isOriginHidden } from './decisions.ts';

const ideaId = 'idea:a' as IdeaId;
const fit = 'crit:fit' as CriterionId;
const cost = 'crit:cost' as CriterionId;
const tally = (id: string, votes: number, weightedScore: number | null): Tally => ({
  ideaId: id as IdeaId,
  votes,
  voters: votes,
  criterionMeans: {},
  weightedScore,
});
/** Revealed tallies where idea:a has votes and the top score. */
const favouring = [tally('idea:a', 4, 4.5), tally('idea:b', 2, 3), tally('idea:c', 0, 2)];
const ctx = (over: Partial<Parameters<typeof checkDecide>[1]> = {}): Parameters<typeof checkDecide>[1] => ({
  idea: { origin: 'person', lane: 'canvas' },
  brief: {
    initiatives: [{ id: 'init:gov' as InitiativeId, title: 'Governance story', description: '' }],
    decisionRule: {
      criteria: [
        { id: fit, name: 'Fit', description: '', weight: 3 },
        { id: cost, name: 'Cost', description: '', weight: 1 },
      ],
    },
  },
  tallies: favouring,
  existing: null,
  steps: [],
  actor: { participantId: 'p_facil01' as ParticipantId, name: 'Fran' },
  now: '2026-11-22T10:00:00.000Z',
  ...over,
});
const input = (over: Partial<DecideInput> = {}): DecideInput => ({
  ideaId,
  verdict: 'keep',
  rationale: 'Shows governance to IT leads',
  initiativeId: null,
  ...over,
});

describe('checkDecide', () => {
  it('requires a rationale to keep or drop, not to park', () => {
    expect(checkDecide(input({ rationale: '   ' }), ctx())).toMatchObject({
      ok: false,
      status: 400,
      code: ErrorCode.rationaleRequired,
      message: expect.stringContaining('strategic choice or initiative'),
    });
    expect(checkDecide(input({ verdict: 'drop', rationale: '' }), ctx())).toMatchObject({
      code: ErrorCode.rationaleRequired,
      message: expect.stringContaining('Why not'),
    });
    expect(checkDecide(input({ verdict: 'park', rationale: '' }), ctx()).ok).toBe(true);
  });

  it('records who decided, when, why and for which initiative', () => {
    const r = checkDecide(input({ initiativeId: 'init:gov' as InitiativeId, rationale: '  fits  ' }), ctx());
    expect(r).toEqual({
      ok: true,
      value: {
        decision: {
          ideaId,
          verdict: 'keep',
          rationale: 'fits',
          initiativeId: 'init:gov',
          servesCriteria: [],
          override: false,
          overrideReason: '',
          decidedBy: 'p_facil01',
          decidedByName: 'Fran',
          decidedAt: '2026-11-22T10:00:00.000Z',
        },
        deleteSteps: [],
      },
    });
  });

  it('refuses an initiative the brief does not have', () => {
    expect(checkDecide(input({ initiativeId: 'init:nope' as InitiativeId }), ctx())).toMatchObject({
      code: ErrorCode.invalidCommand,
    });
  });

  it('refuses an AI idea nobody adopted, and a deleted idea', () => {
    expect(checkDecide(input(), ctx({ idea: { origin: 'ai', lane: 'ai' } }))).toMatchObject({
      code: ErrorCode.notSelectable,
    });
    expect(checkDecide(input(), ctx({ idea: null }))).toMatchObject({ code: ErrorCode.notFound });
  });

  it('asks for confirmation before un-keeping an idea with steps, then deletes them', () => {
    const existing = { verdict: 'keep' } as Decision;
    const steps = [
      { id: 'step:1' as StepId, ideaId },
      { id: 'step:2' as StepId, ideaId: 'idea:other' as IdeaId },
    ];
    const park = input({ verdict: 'park', rationale: '' });
    expect(checkDecide(park, ctx({ existing, steps }))).toMatchObject({ ok: false, code: ErrorCode.conflict });
    const r = checkDecide({ ...park, confirm: true }, ctx({ existing, steps }));
    expect(r.ok && r.value.deleteSteps).toEqual(['step:1']);
    expect(r.ok && r.value.decision?.verdict).toBe('park');
  });

  it('withdraws a decision with verdict null, and refuses withdrawing none', () => {
    const existing = { verdict: 'drop' } as Decision;
    expect(checkDecide(input({ verdict: null }), ctx({ existing }))).toEqual({
      ok: true,
      value: { decision: null, deleteSteps: [] },
    });
    expect(checkDecide(input({ verdict: null }), ctx())).toMatchObject({ code: ErrorCode.conflict });
  });
});

describe('checkDecide: tied to the decision rule', () => {
  it('stores the criteria a keep serves, once each, and none for park or drop', () => {
    const kept = checkDecide(input({ servesCriteria: [fit, cost, fit] }), ctx());
    expect(kept.ok && kept.value.decision?.servesCriteria).toEqual([fit, cost]);
    const dropped = checkDecide(input({ verdict: 'drop', servesCriteria: [fit] }), ctx());
    expect(dropped.ok && dropped.value.decision?.servesCriteria).toEqual([]);
  });

  it('refuses a criterion the decision rule does not have', () => {
    expect(checkDecide(input({ servesCriteria: ['crit:gone' as CriterionId] }), ctx())).toMatchObject({
      ok: false,
      status: 400,
      code: ErrorCode.invalidCommand,
      message: expect.stringContaining('crit:gone'),
    });
  });
});

describe('checkDecide: the override rule', () => {
  const refusedKeep = (tallies: Tally[], id = 'idea:a') => checkDecide(input({ ideaId: id as IdeaId }), ctx({ tallies }));

  it('keeps an idea the votes and scores favour without an override', () => {
    const r = checkDecide(input({ overrideReason: 'not needed' }), ctx());
    expect(r.ok && r.value.decision).toMatchObject({ override: false, overrideReason: '' });
  });

  it('refuses (409) keeping an idea nobody voted for unless an override reason is given', () => {
    expect(refusedKeep(favouring, 'idea:c')).toMatchObject({
      ok: false,
      status: 409,
      code: ErrorCode.overrideRequired,
      message: expect.stringContaining('Nobody voted'),
    });
    const blank = checkDecide(input({ ideaId: 'idea:c' as IdeaId, overrideReason: '   ' }), ctx());
    expect(blank).toMatchObject({ ok: false, code: ErrorCode.overrideRequired });
    const r = checkDecide(input({ ideaId: 'idea:c' as IdeaId, overrideReason: ' Legal needs it this quarter ' }), ctx());
    expect(r.ok && r.value.decision).toMatchObject({ verdict: 'keep', override: true, overrideReason: 'Legal needs it this quarter' });
  });

  it('refuses keeping an idea with votes but a weighted score below the median of scored ideas', () => {
    // Scored: 4.5, 3, 2, 1.5, 1 → median 2; idea:d has votes and scores 1.5.
    const tallies = [...favouring, tally('idea:d', 3, 1.5), tally('idea:e', 1, 1)];
    expect(refusedKeep(tallies, 'idea:d')).toMatchObject({
      code: ErrorCode.overrideRequired,
      message: expect.stringContaining('1.50 is below the median 2.00'),
    });
    // At the median is not below it: idea:b (3) with median of 4.5, 3, 2 = 3.
    expect(refusedKeep(favouring, 'idea:b').ok).toBe(true);
  });

  it('treats votes that were never revealed as no votes', () => {
    expect(refusedKeep([])).toMatchObject({ code: ErrorCode.overrideRequired, message: expect.stringContaining('not been revealed') });
  });

  it('favours an idea with votes that nobody scored', () => {
    expect(refusedKeep([tally('idea:a', 2, null), tally('idea:b', 1, 4)]).ok).toBe(true);
  });

  it('never asks an override to park or drop', () => {
    expect(checkDecide(input({ ideaId: 'idea:c' as IdeaId, verdict: 'drop' }), ctx()).ok).toBe(true);
    expect(checkDecide(input({ ideaId: 'idea:c' as IdeaId, verdict: 'park', rationale: '' }), ctx()).ok).toBe(true);
  });
});

describe('isOriginHidden', () => {
  it('hides origin only while selecting, with blind origin on, until the idea is decided', () => {
    const blind = { blindOrigin: true };
    expect(isOriginHidden(blind, 'select', null)).toBe(true);
    expect(isOriginHidden(blind, 'select', { verdict: 'park' })).toBe(false);
    expect(isOriginHidden(blind, 'explore', null)).toBe(false);
    expect(isOriginHidden(blind, 'plan', null)).toBe(false);
    expect(isOriginHidden({ blindOrigin: false }, 'select', null)).toBe(false);
  });
});
