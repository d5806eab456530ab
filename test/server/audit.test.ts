import { readPhase, readSettings } from '@throughline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

/** Store methods replaced by a test, put back after it. */
const restore: (() => void)[] = [];
function breakStore<K extends 'appendAudit' | 'listParticipants'>(method: K, impl: () => Promise<never>) {
  const store = t.server.app.store;
  const original = store[method];
  store[method] = impl as never;
  restore.push(() => {
    store[method] = original;
  });
}
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

const audit = (sessionId: string) => t.server.app.store.listAudit(sessionId);

describe('command audit', () => {
  it('audits commands that fail validation, with the raw body only when it is small', async () => {
    const s = await sessionWithPeople(t.server.url);
    const bad = { type: 'setPhase', phase: 'nowhere' };
    expect(await command(t.server.url, s.sessionId, s.participant.token, bad)).toMatchObject({
      status: 400,
      body: { code: 'TL_ERR_INVALID_COMMAND' },
    });
    expect(await command(t.server.url, s.sessionId, s.participant.token, { type: 42, what: 'no type' })).toMatchObject({ status: 400 });
    const big = { type: 'castVote', junk: 'x'.repeat(10_000) };
    expect(await command(t.server.url, s.sessionId, s.participant.token, big)).toMatchObject({ status: 400 });

    const entries = await audit(s.sessionId);
    expect(entries.map((e) => [e.type, e.outcome, e.participantId, e.role])).toEqual([
      ['setPhase', 'TL_ERR_INVALID_COMMAND', s.participant.participantId, 'participant'],
      ['invalid', 'TL_ERR_INVALID_COMMAND', s.participant.participantId, 'participant'],
      ['castVote', 'TL_ERR_INVALID_COMMAND', s.participant.participantId, 'participant'],
    ]);
    expect(entries[0]?.payload).toEqual(bad);
    expect(entries[1]?.payload).toEqual({ type: 42, what: 'no type' });
    expect(entries[2]?.payload).toBeNull();
  });

  it('audits a handler that throws as internal, answers 500, and keeps the session usable', async () => {
    const s = await sessionWithPeople(t.server.url);
    // Leaving explore publishes drafts, which lists the participants: make that fail.
    breakStore('listParticipants', () => Promise.reject(new Error('store down')));
    const r = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    expect(r).toMatchObject({ status: 500, body: { code: 'TL_ERR_INTERNAL' } });
    for (const undo of restore.splice(0)) undo();
    const phase = await t.server.app.rooms.with(s.sessionId, ['control'], (room) => readPhase(room.doc).current);
    expect(phase).toBe('explore');

    // The next command of the session still runs.
    expect(await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', aiMinOwnIdeas: 1 })).toMatchObject({
      status: 200,
    });
    const entries = await audit(s.sessionId);
    expect(entries.map((e) => [e.type, e.outcome])).toEqual([
      ['setPhase', 'TL_ERR_INTERNAL'],
      ['updateSettings', 'ok'],
    ]);
    expect(entries[0]?.payload).toEqual({ type: 'setPhase', phase: 'select' });
  });

  it('a failing audit append does not turn a successful command into an error', async () => {
    const s = await sessionWithPeople(t.server.url);
    breakStore('appendAudit', () => Promise.reject(new Error('audit table unavailable')));
    const r = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'updateSettings', aiMinOwnIdeas: 3 });
    expect(r).toMatchObject({ status: 200, body: { ok: true } });
    const refused = await command(t.server.url, s.sessionId, s.participant.token, { type: 'updateSettings', aiMinOwnIdeas: 0 });
    expect(refused).toMatchObject({ status: 403, body: { code: 'TL_ERR_FORBIDDEN' } });
    expect(await command(t.server.url, s.sessionId, s.participant.token, { type: 'nope' })).toMatchObject({ status: 400 });
    const settings = await t.server.app.rooms.with(s.sessionId, ['control'], (room) => readSettings(room.doc));
    expect(settings.aiMinOwnIdeas).toBe(3);
  });

  it('serves no route that reads the audit log', async () => {
    const s = await sessionWithPeople(t.server.url);
    await command(t.server.url, s.sessionId, s.participant.token, { type: 'castVote', bogus: true });
    for (const path of [`/api/sessions/${s.sessionId}/audit`, `/api/sessions/${s.sessionId}/audit-log`]) {
      const res = await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${s.facilitatorToken}` } });
      expect(res.status).toBe(404);
    }
    const routes = t.server.app.printRoutes({ commonPrefix: false });
    expect(routes).not.toMatch(/audit/i);
  });
});
