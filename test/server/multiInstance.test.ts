import { controlMap, ideasMap, insertIdea, MessageType, readIdeas } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import { command, sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { boardJson, sampleIdea } from '../helpers/fixtures.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { twoInstances } from '../helpers/twoInstances.ts';
import { randomEdit } from './randomEdit.ts';

const live = twoInstances();
const peers: Peer[] = [];
const open = (...args: Parameters<typeof connectDoc>) => {
  const p = connectDoc(...args);
  peers.push(p);
  return p;
};

afterAll(() => {
  for (const p of peers) p.destroy();
});

describe('several server instances on PostgreSQL + Redis', () => {
  it('converges clients connected to different instances, and persists to the shared database', async () => {
    const s = await sessionWithPeople(live.one.url);
    const a = open(live.one.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    const b = open(live.two.wsUrl, s.sessionId, 'board', s.participant.token);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    let seed = 99;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 200; i++) randomEdit(rand() < 0.5 ? a : b, rand);
    await waitFor(() => boardJson(a.doc) === boardJson(b.doc), 'cross-instance convergence');
    expect(readIdeas(a.doc).length).toBeGreaterThan(5);

    // A third instance, started later on the same database, serves the same board.
    const three = await startServer({ databaseUrl: live.pg.url, redisUrl: live.redis.url });
    try {
      await live.one.app.store.whenDurable();
      await live.two.app.store.whenDurable();
      const c = open(three.wsUrl, s.sessionId, 'board', s.viewer.token);
      await waitSynced(c);
      await waitFor(() => boardJson(c.doc) === boardJson(a.doc), 'third instance catch-up');
    } finally {
      await three.close();
    }
  });

  it('relays awareness with server-stamped identity, and refuses spoofing across instances', async () => {
    const s = await sessionWithPeople(live.one.url);
    const a = open(live.one.wsUrl, s.sessionId, 'board', s.participant.token);
    const b = open(live.two.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    a.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    const id = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().has(id), 'awareness across instances');
    expect(b.provider.awareness.getStates().get(id)).toMatchObject({ user: { name: 'Pat', role: 'participant' }, cursor: { x: 5, y: 6 } });

    const mallory = rawSocket(`${live.two.wsUrl}/sync/${s.sessionId}/board?token=${s.viewer.token}`);
    await mallory.opened;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, 99_999);
    encoding.writeVarString(inner, '{"cursor":{"x":-1,"y":-1}}');
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    mallory.send(encoding.toUint8Array(e));
    await waitFor(() => mallory.received.some((f) => f[0] === MessageType.auth), 'denial');
    await sleep(100);
    expect(b.provider.awareness.getStates().get(id)).toMatchObject({ cursor: { x: 5, y: 6 } });
    mallory.ws.close();
  });

  it('applies a command on one instance and enforces it on the other', async () => {
    const s = await sessionWithPeople(live.one.url);
    const control = open(live.two.wsUrl, s.sessionId, 'control', s.participant.token);
    const board = open(live.two.wsUrl, s.sessionId, 'board', s.participant.token);
    await Promise.all([waitSynced(control), waitSynced(board)]);
    expect((await command(live.one.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    await waitFor(() => controlMap(control.doc, 'phase').get('current') === 'select', 'phase relayed');
    insertIdea(board.doc, sampleIdea({ ...board.author, id: 'idea:frozen' as never }));
    await waitFor(() => board.denials.length > 0, 'frozen-board denial from the other instance');
    const watcher = open(live.one.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(watcher);
    await sleep(100);
    expect(ideasMap(watcher.doc).has('idea:frozen')).toBe(false);
  });

  it("runs one session's commands one at a time across instances: a budget holds under a burst on both", async () => {
    await voteBurst(live.one, live.two);
  });

  it('holds the budget even when the relay is down: each command first reads the store', async () => {
    // No REDIS_URL: nothing tells either instance about the other's votes but the database.
    const a = await startServer({ databaseUrl: live.pg.url });
    const b = await startServer({ databaseUrl: live.pg.url });
    try {
      await voteBurst(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

/**
 * Pat, on a board of four ideas in select, sends twelve one-dot votes at
 * once, alternating between two instances; the default budget is five.
 */
async function voteBurst(first: TestServer, second: TestServer) {
  const s = await sessionWithPeople(first.url);
  const board = open(first.wsUrl, s.sessionId, 'board', s.participant.token);
  await waitSynced(board);
  const ideas = ['idea:v1', 'idea:v2', 'idea:v3', 'idea:v4'];
  board.doc.transact(() => {
    for (const id of ideas) insertIdea(board.doc, sampleIdea({ ...board.author, id: id as never, text: id }));
  });
  await waitFor(() => readIdeas(board.doc).length === ideas.length, 'ideas');
  await first.app.store.whenDurable();
  expect((await command(first.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
  // Both instances hold the session before the burst, so each answers from its own copy.
  await command(second.url, s.sessionId, s.participant.token, { type: 'myVotes' });

  const votes = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      command(i % 2 ? second.url : first.url, s.sessionId, s.participant.token, { type: 'castVote', ideaId: ideas[i % ideas.length] }),
    ),
  );
  const accepted = votes.filter((v) => v.status === 200);
  expect(accepted).toHaveLength(5);
  expect(votes.filter((v) => v.status !== 200).every((v) => v.body.code === 'TL_ERR_VOTE_BUDGET')).toBe(true);
  // Each answer was the truth at its moment, and both instances now agree nothing is left.
  expect(accepted.map((v) => v.body.remaining).sort()).toEqual([0, 1, 2, 3, 4]);
  for (const url of [first.url, second.url]) {
    expect((await command(url, s.sessionId, s.participant.token, { type: 'myVotes' })).body.remaining).toBe(0);
  }
}
