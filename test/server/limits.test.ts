import { join } from 'node:path';
import { CloseCode, ideasMap, insertIdea, MessageType } from '@throughline/shared';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, isSaved, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { awarenessFrame, gcFlood, hugeAwareness, updateFrame } from '../helpers/hostileUpdates.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    maxConnectionsPerParticipant: 3,
    messagesPerSecond: 20,
    messageBurst: 40,
    maxPayloadBytes: 64 * 1024,
    bytesPerSecond: 16 * 1024,
    byteBurst: 128 * 1024,
    writeBudget: {
      participant: { structsPerSecond: 100, structBurst: 2_000, bytesPerSecond: 16 * 1024, byteBurst: 128 * 1024 },
      session: { structsPerSecond: 1_000, structBurst: 20_000, bytesPerSecond: 1024 * 1024, byteBurst: 1024 * 1024 },
      backoffMs: 200,
      maxBackoffMs: 1_000,
      forgetAfterMs: 1_000,
    },
    compactEvery: 10,
  });
});
afterAll(async () => {
  await server.close();
});

const boardUrl = (sessionId: string, token: string) => `${server.wsUrl}/sync/${sessionId}/board?token=${token}`;

/** A valid query-awareness frame: harmless, so only the rate limit can object to it. */
const queryAwareness = () => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.queryAwareness);
  return encoding.toUint8Array(e);
};

describe('limits', () => {
  it('refuses a participant’s connection beyond the per-participant limit, without affecting the others', async () => {
    const s = await sessionWithPeople(server.url);
    const open = [0, 1, 2].map(() => rawSocket(boardUrl(s.sessionId, s.participant.token)));
    await Promise.all(open.map((o) => o.opened));
    const extra = rawSocket(boardUrl(s.sessionId, s.participant.token));
    expect((await extra.closed).code).toBe(CloseCode.tooManyConnections);
    expect(open.every((o) => o.ws.readyState === o.ws.OPEN)).toBe(true);
    // Someone else in the same session is not counted against Pat.
    const other = rawSocket(boardUrl(s.sessionId, s.facilitatorToken));
    await other.opened;
    for (const o of [...open, other]) o.ws.close();
    await Promise.all(open.map((o) => o.closed));
    // Closing frees the slots again.
    const again = rawSocket(boardUrl(s.sessionId, s.participant.token));
    await again.opened;
    again.ws.close();
  });

  it('closes a socket that floods messages with the rate-limit code', async () => {
    const s = await sessionWithPeople(server.url);
    const flood = rawSocket(boardUrl(s.sessionId, s.participant.token));
    await flood.opened;
    for (let i = 0; i < 200; i++) flood.send(queryAwareness());
    expect((await flood.closed).code).toBe(CloseCode.rateLimited);
  });

  it('closes a socket that sends more bytes per second than allowed, counting before decoding', async () => {
    const s = await sessionWithPeople(server.url);
    const heavy = rawSocket(boardUrl(s.sessionId, s.participant.token));
    await heavy.opened;
    // Each frame is a valid awareness update under the per-message bound; together they are 300 KB at once.
    const frame = awarenessFrame(hugeAwareness(30 * 1024));
    for (let i = 0; i < 10; i++) heavy.send(frame);
    expect(await heavy.closed).toMatchObject({ code: CloseCode.rateLimited, reason: /bytes/ });
  });

  it('closes a socket that sends more structs per second than allowed, though each update is within bounds', async () => {
    const s = await sessionWithPeople(server.url);
    const heavy = rawSocket(boardUrl(s.sessionId, s.participant.token));
    await heavy.opened;
    for (let i = 0; i < 5; i++) heavy.send(updateFrame(gcFlood(1_000, 0x7fff_1000 + i)));
    expect(await heavy.closed).toMatchObject({ code: CloseCode.rateLimited, reason: /too many changes per second; retry in \d+ s/ });
  });

  it('closes a socket that sends a frame over the size limit', async () => {
    const s = await sessionWithPeople(server.url);
    const big = rawSocket(boardUrl(s.sessionId, s.participant.token));
    await big.opened;
    big.send(new Uint8Array(128 * 1024));
    expect((await big.closed).code).toBe(CloseCode.messageTooBig);
  });
});

describe('compaction', () => {
  it('folds the update log into a snapshot and reloads the same state', async () => {
    const s = await sessionWithPeople(server.url);
    const a = connectDoc(server.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(a);
    for (let i = 0; i < 25; i++) insertIdea(a.doc, sampleIdea({ ...a.author, id: `idea:c${i}` as never, text: `n${i}` }));
    await waitFor(() => isSaved(a), 'saved');
    const db = new Database(join(server.dataDir, 'throughline.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE session_id = ? AND doc = ?').get(s.sessionId, 'board') as {
      n: number;
    };
    const snap = db.prepare('SELECT length(data) AS n FROM doc_snapshots WHERE session_id = ? AND doc = ?').get(s.sessionId, 'board') as
      | { n: number }
      | undefined;
    db.close();
    expect(rows.n).toBeLessThan(10);
    expect(snap?.n).toBeGreaterThan(0);
    const reloaded = await storedDoc(server.app.store, s.sessionId, 'board');
    expect(ideasMap(reloaded).size).toBe(25);
    a.destroy();
  });
});

describe('API description', () => {
  it('serves an OpenAPI document generated from the schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/docs`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { Brief: { properties: Record<string, unknown> }; Command: unknown } };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sessions', '/api/sessions/{id}/join', '/api/sessions/{id}/commands']),
    );
    expect(Object.keys(doc.components.schemas.Brief.properties)).toEqual(expect.arrayContaining(['objective', 'audience', 'decisionRule']));
    expect(JSON.stringify(doc.components.schemas.Command)).toContain('setPhase');
  });
});
