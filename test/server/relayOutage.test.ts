import { insertIdea, readIdeas, STATUS_RELAY_DEGRADED } from '@throughline/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, createSession, sampleBrief, sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { boardJson, sampleIdea } from '../helpers/fixtures.ts';
import { type Service, startPostgres, startRedis } from '../helpers/services.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

let pg: Service;
let redis: Service;
let one: TestServer;
let two: TestServer;
const peers: Peer[] = [];
const open = (...args: Parameters<typeof connectDoc>) => {
  const p = connectDoc(...args);
  peers.push(p);
  return p;
};

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  one = await startServer({ databaseUrl: pg.url, redisUrl: redis.url, idleUnloadMs: 300 });
  two = await startServer({ databaseUrl: pg.url, redisUrl: redis.url, idleUnloadMs: 300 });
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await one?.close();
  await two?.close();
  await Promise.all([pg?.stop(), redis?.stop()]);
});

async function readiness(srv: TestServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${srv.url}/api/health/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const metric = async (srv: TestServer, name: string) => {
  const text = await (await fetch(`${srv.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : null;
};

describe('Redis outage', () => {
  it('keeps working through it, tells clients, reads exports from the store, and converges after it with no leaked subscription', async () => {
    const s = await sessionWithPeople(one.url);
    // A session open before the outage, whose room unloads during it.
    const other = await createSession(one.url);
    const leaving = open(one.wsUrl, other.sessionId, 'board', other.facilitatorToken);
    await waitSynced(leaving);
    expect(await metric(one, 'throughline_relay_up')).toBe(1);

    await redis.down();
    await until(async () => (await readiness(one)).status === 503, 'readiness 503 on instance one');
    expect((await readiness(one)).body).toMatchObject({ relay: 'unreachable', store: 'ok' });
    expect(await metric(one, 'throughline_relay_up')).toBe(0);

    leaving.destroy();
    await waitFor(() => !one.app.rooms.isLoaded(other.sessionId, 'board'), 'the other session unloaded during the outage');

    // Rooms first opened while Redis is down, on both instances.
    const a = open(one.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    const b = open(two.wsUrl, s.sessionId, 'board', s.participant.token, { ack: true });
    await Promise.all([waitSynced(a), waitSynced(b)]);
    await waitFor(() => a.status === STATUS_RELAY_DEGRADED && b.status === STATUS_RELAY_DEGRADED, 'clients told the relay is degraded');
    insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:from-one' as never, text: 'written on one' }));
    insertIdea(b.doc, sampleIdea({ ...b.author, id: 'idea:from-two' as never, text: 'written on two' }));
    await waitFor(() => isSaved(a) && isSaved(b), 'both saved during the outage');

    // Reads people act on come from the store meanwhile: a brief changed through instance one shows in
    // instance two's summary and export, though two holds the control document and heard nothing.
    const objective = 'Win enterprise consideration, changed while the relay was down';
    const changed = await command(one.url, s.sessionId, s.facilitatorToken, {
      type: 'updateBrief',
      brief: { ...sampleBrief(), objective },
    });
    expect(changed.status).toBe(200);
    const auth = { headers: { authorization: `Bearer ${s.participant.token}` } };
    const summary = (await (await fetch(`${two.url}/api/sessions/${s.sessionId}`, auth)).json()) as { brief: { objective: string } };
    expect(summary.brief.objective).toBe(objective);
    const exported = await fetch(`${two.url}/api/sessions/${s.sessionId}/export.md`, auth);
    expect(await exported.text()).toContain(objective);

    await redis.up();
    await until(async () => (await readiness(one)).status === 200 && (await readiness(two)).status === 200, 'readiness back to 200');
    await waitFor(() => boardJson(a.doc) === boardJson(b.doc) && readIdeas(a.doc).length === 2, 'convergence after the outage', 20_000);
    await waitFor(() => a.status === 0 && b.status === 0, 'clients told the relay is back');
    // And live again: a new note crosses instances through the relay.
    insertIdea(b.doc, sampleIdea({ ...b.author, id: 'idea:after' as never, text: 'after the outage' }));
    await waitFor(() => readIdeas(a.doc).some((i) => i.text === 'after the outage'), 'relayed after the outage');

    // Subscriptions: exactly the documents still loaded, on each instance; none for the unloaded session.
    const probe = new Redis(redis.url);
    try {
      const channels = (await probe.pubsub('CHANNELS', 'throughline:*')) as string[];
      expect(channels.some((c) => c.includes(other.sessionId))).toBe(false);
      for (const doc of ['board', 'control']) {
        const [, subscribers] = (await probe.pubsub('NUMSUB', `throughline:${s.sessionId}/${doc}`)) as [string, number];
        expect(subscribers, doc).toBe(2);
      }
    } finally {
      probe.disconnect();
    }
    expect(await metric(one, 'throughline_relay_subscriptions')).toBe(one.app.rooms.loadedCount);
    expect(await metric(one, 'throughline_relay_reconnects_total')).toBeGreaterThanOrEqual(1);
  });
});

describe('PostgreSQL outage', () => {
  it('answers 503 with Retry-After (not 500), fails readiness, and recovers when the database returns', async () => {
    const s = await createSession(one.url);
    await pg.down();
    try {
      const read = await fetch(`${one.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorToken}` } });
      expect(read.status).toBe(503);
      expect(Number(read.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await read.json()).toMatchObject({ code: 'TL_ERR_UNAVAILABLE' });
      const created = await fetch(`${one.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ brief: { title: 'During the outage' } }),
      });
      expect([400, 503]).toContain(created.status);
      const ready = await readiness(one);
      expect(ready.status).toBe(503);
      expect(String(ready.body.store)).toMatch(/^unreachable/);
    } finally {
      await pg.up();
    }
    let last: unknown = null;
    await until(async () => {
      const r = await readiness(one);
      last = r.body;
      return r.status === 200;
    }, 'readiness back after the database returned').catch((err) => {
      throw new Error(`${err}: ${JSON.stringify(last)}`);
    });
    const again = await fetch(`${one.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorToken}` } });
    expect(again.status).toBe(200);
  });
});
