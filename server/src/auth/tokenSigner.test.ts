import type { Identity } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { TokenSigner } from './tokenSigner.ts';

const id = { sessionId: 'ses_abcdef', participantId: 'p_abcd', role: 'participant', name: 'Ada' } as Identity;

describe('TokenSigner', () => {
  it('round-trips an identity', () => {
    const s = new TokenSigner('k');
    expect(s.verify(s.sign(id))).toEqual({ ok: true, identity: id });
  });

  it('refuses a token signed with another secret, a tampered payload and an expired token', () => {
    const s = new TokenSigner('k');
    expect(new TokenSigner('other').verify(s.sign(id))).toEqual({ ok: false, reason: 'bad-signature' });
    const [body, mac] = s.sign(id).split('.');
    const forged = Buffer.from(
      Buffer.from(body as string, 'base64url')
        .toString()
        .replace('participant', 'facilitator'),
    ).toString('base64url');
    expect(s.verify(`${forged}.${mac}`).ok).toBe(false);
    expect(s.verify(s.sign(id, 0), Date.now())).toEqual({ ok: false, reason: 'expired' });
    expect(s.verify('garbage').ok).toBe(false);
    expect(s.verify(undefined).ok).toBe(false);
  });
});
