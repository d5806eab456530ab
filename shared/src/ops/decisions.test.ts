import { describe, expect, it } from 'vitest';
import type { IdeaId, InitiativeId, ParticipantId, StepId } from '../model/ids.ts';
import type { Decision } from '../model/selection.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { checkDecide, type DecideInput, isOriginHidden } from './decisions.ts';

const ideaId = 'idea:a' as IdeaId;
const ctx = (over: Partial<Parameters<typeof checkDecide>[1]> = {}): Parameters<typeof checkDecide>[1] => ({
  idea: { origin: 'person', lane: 'canvas' },
  brief: { initiatives: [{ id: 'init:gov' as InitiativeId, title: 'Governance story', description: '' }] },
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
