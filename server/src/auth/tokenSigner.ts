import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Identity, RoleSchema } from '@throughline/shared';
import { z } from 'zod';

const PayloadSchema = z.object({
  v: z.literal(1),
  sid: z.string(),
  pid: z.string(),
  role: RoleSchema,
  name: z.string(),
  iat: z.number(),
  exp: z.number(),
});

/** Tokens live long enough for a quarter's review cycle, then the link must be re-issued. */
const TOKEN_LIFETIME_MS = 120 * 24 * 3600 * 1000;

export type VerifyResult = { ok: true; identity: Identity } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/**
 * Signs and verifies session tokens: `base64url(payload).base64url(hmac)`.
 * The payload is readable by anyone; the HMAC makes it unforgeable.
 */
export class TokenSigner {
  constructor(private readonly secret: string) {}

  sign(identity: Identity, now = Date.now()): string {
    const payload = {
      v: 1,
      sid: identity.sessionId,
      pid: identity.participantId,
      role: identity.role,
      name: identity.name,
      iat: now,
      exp: now + TOKEN_LIFETIME_MS,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string | undefined | null, now = Date.now()): VerifyResult {
    if (!token || token.length > 4096) return { ok: false, reason: 'malformed' };
    const dot = token.indexOf('.');
    if (dot < 1) return { ok: false, reason: 'malformed' };
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const p = PayloadSchema.safeParse(json);
    if (!p.success) return { ok: false, reason: 'malformed' };
    if (p.data.exp < now) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      identity: { sessionId: p.data.sid, participantId: p.data.pid, role: p.data.role, name: p.data.name } as Identity,
    };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
