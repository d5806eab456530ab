import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { checkCommandAllowed, checkPhaseChange } from './phaseRules.ts';

const ctx = { revealed: true, kept: 2 };

describe('checkPhaseChange', () => {
  it('moves forward one phase at a time, facilitator only', () => {
    expect(checkPhaseChange('explore', 'select', { role: 'facilitator' }, ctx)).toMatchObject({
      ok: true,
      value: { direction: 'forward', warnings: [] },
    });
    expect(checkPhaseChange('explore', 'plan', { role: 'facilitator' }, ctx)).toMatchObject({
      code: ErrorCode.wrongPhase,
      message: expect.stringContaining('select'),
    });
    expect(checkPhaseChange('explore', 'select', { role: 'participant' }, ctx)).toMatchObject({
      status: 403,
      code: ErrorCode.forbidden,
    });
  });

  it('goes back only with confirmation', () => {
    expect(checkPhaseChange('plan', 'explore', { role: 'facilitator' }, ctx)).toMatchObject({
      status: 409,
      code: ErrorCode.conflict,
    });
    expect(checkPhaseChange('plan', 'explore', { role: 'facilitator', confirm: true }, ctx)).toMatchObject({
      ok: true,
      value: { direction: 'back' },
    });
  });

  it('refuses staying put and warns when planning without a reveal or a kept idea', () => {
    expect(checkPhaseChange('select', 'select', { role: 'facilitator' }, ctx)).toMatchObject({
      code: ErrorCode.conflict,
    });
    const r = checkPhaseChange('select', 'plan', { role: 'facilitator' }, { revealed: false, kept: 0 });
    expect(r.ok && r.value.warnings).toHaveLength(2);
  });
});

describe('checkCommandAllowed', () => {
  it('lets nobody vote, score or decide while exploring', () => {
    for (const type of ['castVote', 'score', 'decide', 'reveal'] as const) {
      expect(checkCommandAllowed(type, 'facilitator', 'explore')).toMatchObject({ code: ErrorCode.wrongPhase });
    }
  });

  it('keeps deciding and revealing to the facilitator and voting away from viewers', () => {
    expect(checkCommandAllowed('decide', 'participant', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('reveal', 'participant', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('castVote', 'viewer', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('castVote', 'participant', 'select')).toBeNull();
    expect(checkCommandAllowed('decide', 'facilitator', 'plan')).toBeNull();
  });

  it('names the role problem before the phase problem', () => {
    expect(checkCommandAllowed('reveal', 'viewer', 'plan')).toMatchObject({ code: ErrorCode.forbidden });
  });

  it('plans only in plan and reviews only in review', () => {
    expect(checkCommandAllowed('upsertNextStep', 'facilitator', 'select')).toMatchObject({
      code: ErrorCode.wrongPhase,
    });
    expect(checkCommandAllowed('recordReview', 'participant', 'plan')).toMatchObject({ code: ErrorCode.wrongPhase });
    expect(checkCommandAllowed('recordReview', 'participant', 'review')).toBeNull();
  });
});
