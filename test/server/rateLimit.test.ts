import { DEFAULTS } from '@throughline/server';
import { describe, expect, it } from 'vitest';
import { sampleBrief } from '../helpers/api.ts';
import { startServer } from '../helpers/startServer.ts';

const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('rate limits on the routes anyone can call', () => {
  it('answers a burst of session creations from one address, loopback included, with 429 and Retry-After', async () => {
    // The production defaults, not the generous ones the other tests use.
    const srv = await startServer({ rateLimit: DEFAULTS.rateLimit });
    try {
      const statuses: number[] = [];
      let refused: Response | null = null;
      for (let i = 0; i < DEFAULTS.rateLimit.createPerMinute + 5; i++) {
        const res = await post(`${srv.url}/api/sessions`, { brief: sampleBrief() });
        statuses.push(res.status);
        if (res.status === 429 && !refused) refused = res;
        else await res.arrayBuffer();
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULTS.rateLimit.createPerMinute);
      expect(statuses.slice(DEFAULTS.rateLimit.createPerMinute).every((s) => s === 429)).toBe(true);
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused?.json()).toMatchObject({ code: 'TL_ERR_RATE_LIMITED', message: expect.stringContaining('retry in') });

      // Other routes are not limited.
      expect((await fetch(`${srv.url}/api/health/live`)).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('limits joins too, and lets an allow-listed address through', async () => {
    const srv = await startServer({ rateLimit: { createPerMinute: 5, joinPerMinute: 3, allow: [] } });
    const open = await startServer({ rateLimit: { createPerMinute: 1, joinPerMinute: 1, allow: ['127.0.0.1'] } });
    try {
      const s = (await (await post(`${srv.url}/api/sessions`, { brief: sampleBrief() })).json()) as {
        sessionId: string;
        invites: { participant: string };
      };
      const joins: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await post(`${srv.url}/api/sessions/${s.sessionId}/join`, { invite: s.invites.participant, name: `P${i}` });
        joins.push(res.status);
      }
      expect(joins).toEqual([200, 200, 200, 429, 429]);

      for (let i = 0; i < 4; i++) expect((await post(`${open.url}/api/sessions`, { brief: sampleBrief() })).status).toBe(201);
    } finally {
      await srv.close();
      await open.close();
    }
  });
});
