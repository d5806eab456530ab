import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { checkPhaseChange } from './phaseRules.ts';

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
