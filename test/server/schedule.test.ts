import { readPhase, readSchedule } from '@throughline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { FakeClock, HOUR } from '../helpers/fakeClock.ts';
import { type Service, startPostgres } from '../helpers/services.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

/** The phase as the store has it (what any instance loading the session would see). */
async function storedPhase(server: TestServer, sessionId: string) {
  await server.app.store.whenDurable();
  return readPhase(await storedDoc(server.app.store, sessionId, 'control')).current;
}

async function autoAdvances(server: TestServer, sessionId: string) {
  return (await server.app.store.listAudit(sessionId)).filter((e) => e.type === 'autoAdvance');
}

/** A long interval: these tests drive the scheduler with `tick()`, not the timer. */
const manual = { schedulerIntervalMs: 3_600_000 };

describe('schedule and auto-advance (SQLite, fake clock)', () => {
  const clock = new FakeClock();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock, ...manual });
  });
  afterAll(() => server?.close());

  it('refuses a schedule from a participant and a deadline in the past', async () => {
    const s = await sessionWithPeople(server.url);
    const byPat = await command(server.url, s.sessionId, s.participant.token, {
      type: 'setSchedule',
      deadlines: { explore: clock.iso(HOUR) },
      autoAdvance: true,
    });
    expect(byPat.status).toBe(403);
    const past = await command(server.url, s.sessionId, s.facilitatorToken, {
      type: 'setSchedule',
      deadlines: { explore: clock.iso(-HOUR) },
      autoAdvance: true,
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/has passed/);
    const disordered = await command(server.url, s.sessionId, s.facilitatorToken, {
      type: 'setSchedule',
      deadlines: { explore: clock.iso(2 * HOUR), select: clock.iso(HOUR) },
      autoAdvance: true,
    });
    expect(disordered.status).toBe(400);
  });

  it('moves the phase at each deadline exactly once, and not again after the facilitator goes back', async () => {
    const s = await sessionWithPeople(server.url);
    const deadlines = { explore: clock.iso(2 * HOUR), select: clock.iso(26 * HOUR) };
    const set = await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setSchedule', deadlines, autoAdvance: true });
    expect(set.status).toBe(200);

    clock.advance(HOUR);
    await server.app.scheduler.tick();
    expect(await storedPhase(server, s.sessionId)).toBe('explore');

    clock.advance(HOUR + 1000);
    await Promise.all([server.app.scheduler.tick(), server.app.scheduler.tick()]);
    await server.app.scheduler.tick();
    expect(await storedPhase(server, s.sessionId)).toBe('select');
    await server.app.store.whenDurable();
    expect(await autoAdvances(server, s.sessionId)).toHaveLength(1);

    // Going back after the deadline leaves the facilitator in charge: the fired deadline stays fired.
    const back = await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'explore', confirm: true });
    expect(back.status).toBe(200);
    await server.app.scheduler.tick();
    expect(await storedPhase(server, s.sessionId)).toBe('explore');
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);

    clock.advance(24 * HOUR);
    await server.app.scheduler.tick();
    expect(await storedPhase(server, s.sessionId)).toBe('plan');
    const control = await storedDoc(server.app.store, s.sessionId, 'control');
    expect(readSchedule(control).fired).toEqual(deadlines);
    expect(readPhase(control).changedBy).toBe('p_schedule');
    await server.app.store.whenDurable();
    expect(await autoAdvances(server, s.sessionId)).toHaveLength(2);
  });

  it('leaves a session alone without auto-advance', async () => {
    const s = await sessionWithPeople(server.url);
    await command(server.url, s.sessionId, s.facilitatorToken, {
      type: 'setSchedule',
      deadlines: { explore: clock.iso(HOUR) },
      autoAdvance: false,
    });
    clock.advance(2 * HOUR);
    await server.app.scheduler.tick();
    expect(await storedPhase(server, s.sessionId)).toBe('explore');
  });
});

describe('restart across a deadline', () => {
  it('catches up on start: the phase moves once the server is back', async () => {
    const clock = new FakeClock();
    const first = await startServer({ clock, ...manual, keepDataDir: true });
    const s = await sessionWithPeople(first.url);
    await command(first.url, s.sessionId, s.facilitatorToken, {
      type: 'setSchedule',
      deadlines: { explore: clock.iso(HOUR) },
      autoAdvance: true,
    });
    await first.close();

    clock.advance(3 * HOUR); // the deadline passes while no server runs
    const second = await startServer({ clock, ...manual, dataDir: first.dataDir });
    try {
      // No tick() here: the scheduler's first pass on start does it.
      const deadline = Date.now() + 10_000;
      const moved = async () =>
        (await storedPhase(second, s.sessionId)) === 'select' && (await autoAdvances(second, s.sessionId)).length > 0;
      while (!(await moved()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await storedPhase(second, s.sessionId)).toBe('select');
      expect(await autoAdvances(second, s.sessionId)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('two instances on PostgreSQL', () => {
  let pg: Service;
  let one: TestServer;
  let two: TestServer;
  const clock = new FakeClock();
  beforeAll(async () => {
    pg = await startPostgres();
    one = await startServer({ databaseUrl: pg.url, clock, ...manual });
    two = await startServer({ databaseUrl: pg.url, clock, ...manual });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await pg?.stop();
  });

  it('advances exactly once when both instances find the deadline due at the same moment', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => sessionWithPeople(one.url)));
    for (const s of sessions) {
      const r = await command(two.url, s.sessionId, s.facilitatorToken, {
        type: 'setSchedule',
        deadlines: { explore: clock.iso(HOUR) },
        autoAdvance: true,
      });
      expect(r.status).toBe(200);
    }
    clock.advance(HOUR);
    await Promise.all([one.app.scheduler.tick(), two.app.scheduler.tick(), one.app.scheduler.tick(), two.app.scheduler.tick()]);
    await Promise.all([one.app.scheduler.tick(), two.app.scheduler.tick()]);
    await Promise.all([one.app.store.whenDurable(), two.app.store.whenDurable()]);
    for (const s of sessions) {
      expect(await storedPhase(one, s.sessionId)).toBe('select');
      expect(await autoAdvances(one, s.sessionId)).toHaveLength(1);
      const phaseChanges = (await one.app.store.listAudit(s.sessionId)).filter((e) => e.type === 'autoAdvance' || e.type === 'setPhase');
      expect(phaseChanges).toHaveLength(1);
    }
  });
});
