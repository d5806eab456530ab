import { CloseCode, controlMap, ideasMap, MessageType } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { command, createSession, join, sessionWithPeople } from '../helpers/api.ts';
import { sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { storedDoc } from '../helpers/storedDoc.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();
const open = t.open;

/** The doc as persisted: snapshot plus log, read straight from the store. */
async function fromDisk(sessionId: string, docName: string): Promise<Y.Doc> {
  await t.server.app.store.whenDurable();
  return storedDoc(t.server.app.store, sessionId, docName);
}

async function serverDoc(sessionId: string, docName: string): Promise<Y.Doc> {
  const room = await t.server.app.rooms.acquire(sessionId, docName);
  t.server.app.rooms.release(room);
  return room.doc;
}

describe('who may write what', () => {
  it("drops a participant's crafted update to control: not applied, not persisted, not relayed", async () => {
    const s = await sessionWithPeople(t.server.url);
    const attacker = open(t.server.wsUrl, s.sessionId, 'control', s.participant.token);
    const witness = open(t.server.wsUrl, s.sessionId, 'control', s.facilitatorToken);
    await Promise.all([waitSynced(attacker), waitSynced(witness)]);
    controlMap(attacker.doc, 'phase').set('current', 'plan');
    controlMap(attacker.doc, 'decisions').set('idea:x', { verdict: 'keep' });
    await waitFor(() => attacker.denials.length > 0, 'denial');
    expect(attacker.denials[0]).toMatch(/commands only/);
    await sleep(100);
    expect(controlMap(witness.doc, 'phase').get('current')).toBe('explore');
    expect(controlMap(await serverDoc(s.sessionId, 'control'), 'decisions').size).toBe(0);
    const disk = await fromDisk(s.sessionId, 'control');
    expect(controlMap(disk, 'phase').get('current')).toBe('explore');
    expect(controlMap(disk, 'decisions').size).toBe(0);
  });

  it("drops a viewer's update to the board, and tells the viewer why", async () => {
    const s = await sessionWithPeople(t.server.url);
    const viewer = open(t.server.wsUrl, s.sessionId, 'board', s.viewer.token);
    const witness = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    await Promise.all([waitSynced(viewer), waitSynced(witness)]);
    viewer.doc.transact(() => ideasMap(viewer.doc).set('idea:viewer', new Y.Map([['text', 'sneaky']])));
    await waitFor(() => viewer.denials.length > 0, 'denial');
    expect(viewer.denials[0]).toMatch(/viewers cannot edit/);
    // A legitimate edit after it still flows, so the witness is demonstrably listening.
    witness.doc.transact(() =>
      ideasMap(witness.doc).set(
        'idea:ok',
        new Y.Map<unknown>([
          ['text', 'fine'],
          ['authorId', witness.author.authorId],
          ['authorName', witness.author.authorName],
        ]),
      ),
    );
    const late = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitFor(() => ideasMap(late.doc).has('idea:ok'), 'legit edit relayed');
    expect(ideasMap(late.doc).has('idea:viewer')).toBe(false);
    expect(ideasMap(witness.doc).has('idea:viewer')).toBe(false);
    expect(ideasMap(await fromDisk(s.sessionId, 'board')).has('idea:viewer')).toBe(false);
  });

  it('freezes the board for everyone once selection starts', async () => {
    const s = await sessionWithPeople(t.server.url);
    const p = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    await waitSynced(p);
    const moved = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    expect(moved.status).toBe(200);
    p.doc.transact(() => ideasMap(p.doc).set('idea:late', new Y.Map([['text', 'too late']])));
    await waitFor(() => p.denials.length > 0, 'denial');
    expect(p.denials[0]).toMatch(/frozen during select/);
    expect(ideasMap(await serverDoc(s.sessionId, 'board')).has('idea:late')).toBe(false);
  });

  it("keeps a participant's drafts private to them", async () => {
    const s = await sessionWithPeople(t.server.url);
    const peer = await join(t.server.url, s.sessionId, s.invites.participant, 'Olu');
    // Neither the facilitator nor another participant gets a byte of them.
    for (const token of [s.facilitatorToken, peer.token]) {
      const other = rawSocket(`${t.server.wsUrl}/sync/${s.sessionId}/drafts:${s.participant.participantId}?token=${token}`);
      const closed = await other.closed;
      expect(closed.code).toBe(CloseCode.forbidden);
      expect(other.received).toHaveLength(0);
    }
    const own = open(t.server.wsUrl, s.sessionId, `drafts:${s.participant.participantId}`, s.participant.token);
    await waitSynced(own);
  });
});

describe('awareness identity', () => {
  it('stamps the token identity on awareness and refuses to speak for another client id', async () => {
    const s = await sessionWithPeople(t.server.url);
    const victim = open(t.server.wsUrl, s.sessionId, 'board', s.participant.token);
    const observer = open(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await Promise.all([waitSynced(victim), waitSynced(observer)]);
    victim.provider.awareness.setLocalStateField('user', { name: 'I am the facilitator', role: 'facilitator' });
    victim.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    const victimId = victim.doc.clientID;
    await waitFor(
      () => (observer.provider.awareness.getStates().get(victimId) as { cursor?: unknown })?.cursor !== undefined,
      'victim awareness',
    );
    const seen = observer.provider.awareness.getStates().get(victimId) as { user: { name: string; role: string } };
    expect(seen.user).toMatchObject({ name: 'Pat', role: 'participant' });

    // Mallory (a viewer) forges an awareness update for the victim's id: first a fake cursor, then a removal.
    const mallory = rawSocket(`${t.server.wsUrl}/sync/${s.sessionId}/board?token=${s.viewer.token}`);
    await mallory.opened;
    for (const state of ['{"cursor":{"x":999,"y":999}}', 'null']) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.awareness);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, victimId);
      encoding.writeVarUint(inner, 10_000);
      encoding.writeVarString(inner, state);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      mallory.send(encoding.toUint8Array(e));
    }
    await waitFor(() => mallory.received.some((f) => f[0] === MessageType.auth), 'denial to mallory');
    await sleep(100);
    const after = observer.provider.awareness.getStates().get(victimId) as { cursor: { x: number } } | undefined;
    expect(after?.cursor.x).toBe(1);
    mallory.ws.close();
  });
});

describe('authentication', () => {
  it('refuses a forged or missing token and a token for another session before sending any document byte', async () => {
    const s = await sessionWithPeople(t.server.url);
    const other = await createSession(t.server.url);
    const forged = `${s.facilitatorToken.split('.')[0]}.AAAA`;
    const cases: [string, number][] = [
      [`/sync/${s.sessionId}/board`, CloseCode.unauthorized],
      [`/sync/${s.sessionId}/board?token=${forged}`, CloseCode.unauthorized],
      [`/sync/${s.sessionId}/board?token=${other.facilitatorToken}`, CloseCode.forbidden],
      [`/sync/${s.sessionId}/nonsense?token=${s.facilitatorToken}`, CloseCode.notFound],
    ];
    for (const [path, code] of cases) {
      const sock = rawSocket(`${t.server.wsUrl}${path}`);
      const closed = await sock.closed;
      expect(closed.code, path).toBe(code);
      expect(sock.received, path).toHaveLength(0);
    }
  });

  it('answers the HTTP API with the right status and code', async () => {
    const s = await sessionWithPeople(t.server.url);
    const other = await createSession(t.server.url);
    const get = (token?: string) =>
      fetch(`${t.server.url}/api/sessions/${s.sessionId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).status).toBe(401);
    expect(((await (await get('nonsense')).json()) as { code: string }).code).toBe('TL_ERR_UNAUTHORIZED');
    const wrong = await get(other.facilitatorToken);
    expect(wrong.status).toBe(403);
    const ok = (await (await get(s.participant.token)).json()) as { you: { name: string; role: string }; participants: unknown[] };
    expect(ok.you).toMatchObject({ name: 'Pat', role: 'participant' });
    expect(ok.participants).toHaveLength(3);

    const badJoin = await fetch(`${t.server.url}/api/sessions/${s.sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'wrong', name: 'Eve' }),
    });
    expect(badJoin.status).toBe(403);
    const missing = await fetch(`${t.server.url}/api/sessions/ses_doesnotexist1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'x', name: 'Eve' }),
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('TL_ERR_SESSION_NOT_FOUND');
  });

  it('rejects a bad brief with 400 naming each bad field', async () => {
    const res = await fetch(`${t.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brief: { objective: '', audience: 42, decisionRule: { criteria: [{ name: '', weight: -1 }] } } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; issues: { path: string }[] };
    expect(body.code).toBe('TL_ERR_INVALID_BRIEF');
    const paths = body.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'brief.objective',
        'brief.audience',
        'brief.decisionRule.criteria.0.name',
        'brief.decisionRule.criteria.0.weight',
      ]),
    );
    expect(body.message).toContain('objective');
  });

  it('refuses commands by role and phase with machine-readable codes', async () => {
    const s = await sessionWithPeople(t.server.url);
    const byParticipant = await command(t.server.url, s.sessionId, s.participant.token, { type: 'setPhase', phase: 'select' });
    expect(byParticipant).toMatchObject({ status: 403, body: { ok: false, code: 'TL_ERR_FORBIDDEN' } });
    const bogus = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'launchRockets' });
    expect(bogus).toMatchObject({ status: 400, body: { code: 'TL_ERR_INVALID_COMMAND' } });
    const skip = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'plan' });
    expect(skip).toMatchObject({ status: 409, body: { code: 'TL_ERR_WRONG_PHASE' } });
    expect((await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    const back = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'explore' });
    expect(back).toMatchObject({ status: 409, body: { code: 'TL_ERR_CONFLICT' } });
    const confirmed = await command(t.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'explore', confirm: true });
    expect(confirmed.status).toBe(200);
    const audit = await t.server.app.store.listAudit(s.sessionId);
    expect(audit.map((a) => [a.type, a.outcome])).toEqual([
      ['setPhase', 'TL_ERR_FORBIDDEN'],
      ['launchRockets', 'TL_ERR_INVALID_COMMAND'],
      ['setPhase', 'TL_ERR_WRONG_PHASE'],
      ['setPhase', 'ok'],
      ['setPhase', 'TL_ERR_CONFLICT'],
      ['setPhase', 'ok'],
    ]);
  });
});
