import { describe, expect, it } from 'vitest';
import type { IdeaId, InitiativeId, ParticipantId, StepId } from '../model/ids.ts';
import type { NextStep } from '../model/nextStep.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { type NextStepInput, NextStepInputSchema } from '../protocol/selectionCommands.ts';
import { canEditStep, checkDeleteStep, checkUpsertStep, stepMissing, stepStatus } from './nextSteps.ts';

const complete = {
  ownerName: 'Ana',
  due: '2026-12-01',
  successCheck: { measure: 'Demo requests from IT leads', target: '20', reviewDate: '2026-12-15' },
};

describe('stepStatus', () => {
  it('is a tactic only with owner, due date and a complete success check', () => {
    expect(stepStatus(complete)).toBe('tactic');
    expect(stepMissing(complete)).toEqual([]);
  });

  it('is an intention while any of them is missing, and says which', () => {
    expect(stepMissing({ ...complete, ownerName: ' ' })).toEqual(['owner']);
    expect(stepMissing({ ...complete, due: null })).toEqual(['due']);
    expect(stepStatus({ ...complete, successCheck: { ...complete.successCheck, target: '' } })).toBe('intention');
    expect(stepStatus({ ...complete, successCheck: { ...complete.successCheck, reviewDate: null } })).toBe('intention');
    expect(stepMissing({ ownerName: '', due: null, successCheck: { measure: '', target: '', reviewDate: null } })).toEqual([
      'owner',
      'due',
      'successCheck',
    ]);
  });
});

const ideaId = 'idea:a' as IdeaId;
const ana = 'p_ana0001' as ParticipantId;
const ben = 'p_ben0001' as ParticipantId;
const participants = [
  { id: ana, name: 'Ana' },
  { id: ben, name: 'Ben' },
];
const input = (over: Record<string, unknown> = {}): NextStepInput =>
  NextStepInputSchema.parse({ ideaId, title: 'Governance demo', ownerId: ana, ...complete, ...over });
const ctx = (over: Partial<Parameters<typeof checkUpsertStep>[1]> = {}): Parameters<typeof checkUpsertStep>[1] => ({
  existing: null,
  decision: { verdict: 'keep' },
  brief: { initiatives: [{ id: 'init:gov' as InitiativeId, title: 'Gov', description: '' }] },
  participants,
  actor: { participantId: 'p_facil01', role: 'facilitator' },
  now: '2026-11-22T10:00:00.000Z',
  newId: () => 'step:new' as StepId,
  ...over,
});
const stored = (over: Partial<NextStep> = {}): NextStep => ({
  id: 'step:1' as StepId,
  ideaId,
  title: 'x',
  ownerId: ana,
  ownerName: 'Ana',
  due: null,
  outputs: [],
  successCheck: { measure: '', target: '', reviewDate: null, metric: null },
  workType: 'tactical',
  initiativeId: null,
  review: null,
  updatedAt: '2026-11-20T00:00:00.000Z',
  ...over,
});

describe('checkUpsertStep', () => {
  it('lets the facilitator create a step for anyone, naming the owner from the session', () => {
    const r = checkUpsertStep(input({ ownerName: 'Spoofed' }), ctx());
    expect(r).toMatchObject({ ok: true, value: { id: 'step:new', ownerId: ana, ownerName: 'Ana', review: null } });
  });

  it('lets a named person who is not in the session own a step', () => {
    const r = checkUpsertStep(input({ ownerId: null, ownerName: 'Dana from Legal' }), ctx());
    expect(r).toMatchObject({ ok: true, value: { ownerId: null, ownerName: 'Dana from Legal' } });
  });

  it('gives steps only to kept ideas', () => {
    expect(checkUpsertStep(input(), ctx({ decision: { verdict: 'park' } }))).toMatchObject({
      code: ErrorCode.conflict,
    });
    expect(checkUpsertStep(input(), ctx({ decision: null }))).toMatchObject({ code: ErrorCode.conflict });
  });

  it('lets a participant volunteer and edit their own step, but not anyone else’s', () => {
    const asAna = { participantId: ana, role: 'participant' as const };
    expect(checkUpsertStep(input(), ctx({ actor: asAna })).ok).toBe(true);
    expect(checkUpsertStep(input({ ownerId: ben }), ctx({ actor: asAna }))).toMatchObject({
      status: 403,
      code: ErrorCode.forbidden,
    });
    const bens = stored({ ownerId: ben, ownerName: 'Ben' });
    expect(checkUpsertStep(input({ id: bens.id, ownerId: ana }), ctx({ actor: asAna, existing: bens }))).toMatchObject({
      code: ErrorCode.forbidden,
    });
    const anas = stored();
    expect(checkUpsertStep(input({ id: anas.id, ownerId: ben }), ctx({ actor: asAna, existing: anas }))).toMatchObject({
      code: ErrorCode.forbidden,
      message: expect.stringContaining('hand a step'),
    });
  });

  it('keeps a recorded review and the idea when a step is edited', () => {
    const review = {
      outcome: 'continue' as const,
      learned: 'works',
      metrics: [],
      recordedBy: 'Ana',
      recordedAt: '2026-12-16T00:00:00.000Z',
    };
    const existing = stored({ review });
    const r = checkUpsertStep(input({ id: existing.id, title: 'Renamed' }), ctx({ existing }));
    expect(r).toMatchObject({ ok: true, value: { id: 'step:1', title: 'Renamed', review } });
    expect(checkUpsertStep(input({ ideaId: 'idea:b' }), ctx({ existing }))).toMatchObject({
      code: ErrorCode.conflict,
    });
  });

  it('refuses an owner who is not in the session and an unknown initiative', () => {
    expect(checkUpsertStep(input({ ownerId: 'p_stranger' }), ctx())).toMatchObject({ code: ErrorCode.invalidCommand });
    expect(checkUpsertStep(input({ initiativeId: 'init:nope' }), ctx())).toMatchObject({
      code: ErrorCode.invalidCommand,
    });
  });
});

describe('canEditStep / checkDeleteStep', () => {
  it('lets owners and the facilitator edit or delete, nobody else', () => {
    const s = stored();
    expect(canEditStep(s, { participantId: ana, role: 'participant' })).toBe(true);
    expect(canEditStep(s, { participantId: ben, role: 'participant' })).toBe(false);
    expect(canEditStep(s, { participantId: ana, role: 'viewer' })).toBe(false);
    expect(canEditStep(s, { participantId: 'p_facil01', role: 'facilitator' })).toBe(true);
    expect(checkDeleteStep(s, { participantId: ben, role: 'participant' })).toMatchObject({
      code: ErrorCode.forbidden,
    });
    expect(checkDeleteStep(null, { participantId: ben, role: 'facilitator' })).toMatchObject({
      code: ErrorCode.notFound,
    });
  });
});
