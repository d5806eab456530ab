import {
  controlMap,
  insertCluster,
  insertIdea,
  Origins,
  readAgenda,
  readAttention,
  readReady,
  readTimer,
  timerRemaining,
} from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

type People = Awaited<ReturnType<typeof sessionWithPeople>>;
const as = (s: People, who: 'facilitator' | 'participant' | 'viewer') =>
  who === 'facilitator' ? s.facilitatorToken : who === 'participant' ? s.participant.token : s.viewer.token;
const send = (s: People, who: 'facilitator' | 'participant' | 'viewer', cmd: object) => command(t.server.url, s.sessionId, as(s, who), cmd);

/** The facilitator's commands, each valid in a fresh session with a running timer and an agenda. */
const FACILITATOR_ONLY: object[] = [
  { type: 'setAgenda', items: [{ phase: 'explore', minutes: 10, label: 'Brainwrite' }] },
  { type: 'startTimer', seconds: 300, label: 'Explore' },
  { type: 'addTime', seconds: 60 },
  { type: 'pauseTimer' },
  { type: 'resumeTimer' },
  { type: 'stopTimer' },
  { type: 'summon', camera: { x: -100, y: 50, zoom: 1.5 } },
  { type: 'spotlight', target: null },
  { type: 'draftCounts' },
];

describe('workshop commands: roles', () => {
  it('participants and viewers get 403 for every facilitation command; the facilitator runs them all', async () => {
    const s = await sessionWithPeople(t.server.url);
    for (const cmd of FACILITATOR_ONLY) {
      for (const who of ['participant', 'viewer'] as const) {
        const r = await send(s, who, cmd);
        expect({ cmd, who, status: r.status, code: r.body.code }).toEqual({ cmd, who, status: 403, code: 'TL_ERR_FORBIDDEN' });
      }
      const ok = await send(s, 'facilitator', cmd);
      expect({ cmd, status: ok.status }).toEqual({ cmd, status: 200 });
    }
  });

  it('setReady is for participants only', async () => {
    const s = await sessionWithPeople(t.server.url);
    expect((await send(s, 'facilitator', { type: 'setReady', ready: true })).status).toBe(403);
    expect((await send(s, 'viewer', { type: 'setReady', ready: true })).status).toBe(403);
    expect((await send(s, 'participant', { type: 'setReady', ready: true })).body).toMatchObject({ ok: true, phase: 'explore' });
  });

  it('every phase allows facilitation (a timebox for voting, a spotlight while deciding)', async () => {
    const s = await sessionWithPeople(t.server.url);
    for (const phase of ['select', 'plan', 'review'] as const) {
      expect((await send(s, 'facilitator', { type: 'setPhase', phase })).status).toBe(200);
      expect((await send(s, 'facilitator', { type: 'startTimer', seconds: 60 })).status).toBe(200);
      expect((await send(s, 'participant', { type: 'setReady', ready: true })).body).toMatchObject({ phase });
      expect((await send(s, 'facilitator', { type: 'summon', camera: { x: 0, y: 0, zoom: 1 } })).status).toBe(200);
    }
  });
});

describe('workshop commands: timer', () => {
  it('keeps the countdown on the server clock across pause, resume and added time', async () => {
    const s = await sessionWithPeople(t.server.url);
    const control = t.open(t.server.wsUrl, s.sessionId, 'control', s.participant.token);
    await waitSynced(control);

    const started = await send(s, 'facilitator', { type: 'startTimer', seconds: 300, label: 'Silent brainwriting' });
    const t0 = started.body.serverTime as number;
    const endsAt = (started.body.timer as { endsAt: number }).endsAt;
    // Stamped before the answer: ends 5 minutes after a moment no later than the answer.
    expect(endsAt).toBeLessThanOrEqual(t0 + 300_000);
    expect(endsAt).toBeGreaterThan(t0 + 300_000 - 5_000);
    await waitFor(() => readTimer(control.doc).state === 'running', 'running timer synced');
    expect(readTimer(control.doc)).toMatchObject({ state: 'running', endsAt, label: 'Silent brainwriting', durationMs: 300_000 });
    // The public contract: a control root named `timer` with exactly these fields, as any client reads it.
    expect(control.doc.getMap('timer').toJSON()).toEqual({
      state: 'running',
      endsAt,
      remainingMs: null,
      durationMs: 300_000,
      label: 'Silent brainwriting',
    });

    const paused = await send(s, 'facilitator', { type: 'pauseTimer' });
    const frozen = paused.body.remainingMs as number;
    expect(frozen).toBeLessThanOrEqual(endsAt - t0);
    expect(frozen).toBeGreaterThanOrEqual(endsAt - (paused.body.serverTime as number));
    expect((await send(s, 'facilitator', { type: 'pauseTimer' })).status).toBe(409);

    const added = await send(s, 'facilitator', { type: 'addTime', seconds: 60 });
    expect(added.body.remainingMs).toBe(frozen + 60_000);
    expect((added.body.timer as { durationMs: number }).durationMs).toBe(360_000);

    const resumed = await send(s, 'facilitator', { type: 'resumeTimer' });
    const timer = resumed.body.timer as { endsAt: number };
    expect(timer.endsAt).toBeLessThanOrEqual((resumed.body.serverTime as number) + frozen + 60_000);
    await waitFor(() => readTimer(control.doc).endsAt === timer.endsAt, 'resumed timer synced');
    expect(timerRemaining(readTimer(control.doc), resumed.body.serverTime as number)).toBeLessThanOrEqual(frozen + 60_000);

    expect((await send(s, 'facilitator', { type: 'resumeTimer' })).status).toBe(409);
    expect((await send(s, 'facilitator', { type: 'stopTimer' })).body).toMatchObject({ remainingMs: 0 });
    expect((await send(s, 'facilitator', { type: 'stopTimer' })).status).toBe(409);
    expect((await send(s, 'facilitator', { type: 'addTime', seconds: 60 })).status).toBe(409);
    expect((await send(s, 'facilitator', { type: 'startTimer', seconds: 0 })).status).toBe(400);
    await waitFor(() => readTimer(control.doc).state === 'stopped', 'stopped synced');
  });

  it('starting an agenda item starts its timer and makes it current', async () => {
    const s = await sessionWithPeople(t.server.url);
    const items = [
      { phase: 'explore', minutes: 10, label: 'Brainwrite' },
      { phase: 'select', minutes: 5 },
    ];
    expect((await send(s, 'facilitator', { type: 'setAgenda', items })).status).toBe(200);
    const second = await send(s, 'facilitator', { type: 'startTimer', seconds: 300, agendaItem: 1 });
    expect(second.body.timer).toMatchObject({ label: 'Select', durationMs: 300_000 });
    expect((await send(s, 'facilitator', { type: 'startTimer', seconds: 60, agendaItem: 2 })).status).toBe(404);
    expect((await send(s, 'facilitator', { type: 'setAgenda', items: [{ phase: 'explore', minutes: 0 }] })).status).toBe(400);

    const control = t.open(t.server.wsUrl, s.sessionId, 'control', s.viewer.token);
    await waitFor(() => readAgenda(control.doc).current === 1, 'agenda synced');
    expect(readAgenda(control.doc).items).toEqual(items);
    expect(control.doc.getMap('agenda').toJSON()).toEqual({ items, current: 1 });
  });
});

describe('workshop commands: ready, summon, spotlight', () => {
  it('records who is done with the current phase and clears it when the phase changes', async () => {
    const s = await sessionWithPeople(t.server.url);
    const control = t.open(t.server.wsUrl, s.sessionId, 'control', s.facilitatorToken);
    await send(s, 'participant', { type: 'setReady', ready: true });
    await waitFor(() => readReady(control.doc)[s.participant.participantId] === 'explore', 'ready synced');
    await send(s, 'participant', { type: 'setReady', ready: false });
    await waitFor(() => readReady(control.doc)[s.participant.participantId] === undefined, 'not ready synced');
    await send(s, 'participant', { type: 'setReady', ready: true });
    await waitFor(() => Object.keys(readReady(control.doc)).length === 1, 'ready again');
    await send(s, 'facilitator', { type: 'setPhase', phase: 'select' });
    await waitFor(() => controlMap(control.doc, 'ready').size === 0, 'cleared by the phase change');
  });

  it('summons with a fresh id each time and spotlights ideas and clusters that exist', async () => {
    const s = await sessionWithPeople(t.server.url);
    const board = t.open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    const control = t.open(t.server.wsUrl, s.sessionId, 'control', s.participant.token);
    await Promise.all([waitSynced(board), waitSynced(control)]);
    board.doc.transact(() => {
      insertIdea(board.doc, sampleIdea({ ...board.author, id: 'idea:spot1' as never, text: 'look here' }));
      insertCluster(board.doc, {
        id: 'cluster:c1' as never,
        title: 'Group',
        x: 0,
        y: 0,
        width: 400,
        height: 300,
        color: '#eee',
        createdBy: board.author.authorId,
      });
    }, Origins.user);

    const a = await send(s, 'facilitator', { type: 'summon', camera: { x: 10, y: 20, zoom: 2 } });
    const b = await send(s, 'facilitator', { type: 'summon', camera: { x: 10, y: 20, zoom: 2 } });
    expect((a.body.summon as { id: string }).id).not.toBe((b.body.summon as { id: string }).id);
    await waitFor(() => readAttention(control.doc).summon?.id === (b.body.summon as { id: string }).id, 'summon synced');
    expect(readAttention(control.doc).summon).toMatchObject({ camera: { x: 10, y: 20, zoom: 2 }, byName: 'Facilitator' });
    expect((await send(s, 'facilitator', { type: 'summon', camera: { x: 0, y: 0, zoom: 0 } })).status).toBe(400);

    let spot = await send(s, 'facilitator', { type: 'spotlight', target: 'idea:spot1' });
    for (let i = 0; i < 50 && spot.status === 404; i++) {
      // The note syncs to the server a moment after it is written.
      await new Promise((r) => setTimeout(r, 50));
      spot = await send(s, 'facilitator', { type: 'spotlight', target: 'idea:spot1' });
    }
    expect(spot.body).toMatchObject({ spotlight: { target: 'idea:spot1', kind: 'idea' } });
    expect((await send(s, 'facilitator', { type: 'spotlight', target: 'cluster:c1' })).body).toMatchObject({
      spotlight: { kind: 'cluster' },
    });
    expect((await send(s, 'facilitator', { type: 'spotlight', target: 'idea:nothere' })).status).toBe(404);
    await waitFor(() => readAttention(control.doc).spotlight?.target === 'cluster:c1', 'spotlight synced');
    await send(s, 'facilitator', { type: 'spotlight', target: null });
    await waitFor(() => readAttention(control.doc).spotlight === null, 'spotlight cleared');
  });
});

describe('serverTime', () => {
  it('is on every command answer (refusals and invalid ones too) and on the session summary', async () => {
    const s = await sessionWithPeople(t.server.url);
    const before = Date.now();
    for (const [who, cmd] of [
      ['facilitator', { type: 'startTimer', seconds: 30 }],
      ['participant', { type: 'startTimer', seconds: 30 }],
      ['facilitator', { type: 'startTimer' }],
      ['facilitator', { type: 'noSuchCommand' }],
    ] as const) {
      const r = await send(s, who, cmd);
      expect(typeof r.body.serverTime).toBe('number');
      expect(r.body.serverTime as number).toBeGreaterThanOrEqual(before);
    }
    const summary = (await (
      await fetch(`${t.server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.participant.token}` } })
    ).json()) as {
      serverTime: number;
    };
    expect(summary.serverTime).toBeGreaterThanOrEqual(before);
  });
});
