import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@throughline/server';
import { ideasMap, insertIdea, MessageType, Origins } from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, join as joinSession, sessionWithPeople } from '../helpers/api.ts';
import { authorOf, connectDoc, isSaved, type Peer, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { updateFrame } from '../helpers/hostileUpdates.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** SQLite whose commits can be held (a slow disk) and whose appends for one session fail (its disk full). */
class OneSessionFails extends SqliteStore {
  held: Promise<void> | null = null;
  failing: string | null = null;
  protected override async commit(ops: Parameters<SqliteStore['commit']>[0]) {
    if (this.held) await this.held;
    const bad = new Set(ops.flatMap((op, i) => (op.kind === 'append' && op.sessionId === this.failing ? [i] : [])));
    if (bad.size === 0) return super.commit(ops);
    const keep = ops.flatMap((op, i) => (bad.has(i) ? [] : [{ op, i }]));
    const failures = await super.commit(keep.map((k) => k.op));
    const out = new Map<number, Error>();
    for (const i of bad) out.set(i, new Error('disk full'));
    for (const [j, err] of failures) out.set((keep[j] as { i: number }).i, err);
    return out;
  }
}

let server: TestServer;
let store: OneSessionFails;
const dir = mkdtempSync(join(tmpdir(), 'throughline-acks-'));
beforeAll(async () => {
  store = new OneSessionFails({ dataDir: dir });
  server = await startServer({ dataDir: dir, store, maxConnectionsPerParticipant: 64 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The acknowledgements a raw socket received: (writes counted, state vector). */
function acksOf(frames: Uint8Array[]): number[] {
  const out: number[] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) === MessageType.ack) out.push(decoding.readVarUint(d));
  }
  return out;
}

/** A note by `author` as one update, as a client would send it. */
function noteUpdate(id: string, author: { authorId: string; authorName: string }): Uint8Array {
  const doc = new Y.Doc();
  insertIdea(doc, sampleIdea({ ...author, id: id as never }));
  return Y.encodeStateAsUpdate(doc);
}

describe('acknowledgements', () => {
  it('do not count a refused write', async () => {
    const s = await sessionWithPeople(server.url);
    const raw = rawSocket(`${server.wsUrl}/sync/${s.sessionId}/board?token=${s.participant.token}&ack=1`);
    await raw.opened;
    const me = authorOf(s.participant.token);
    raw.send(updateFrame(noteUpdate('idea:mine1', me)));
    await waitFor(() => acksOf(raw.received).includes(1), 'first write acknowledged');
    // Under the facilitator's name: refused, and not counted.
    raw.send(updateFrame(noteUpdate('idea:forged', authorOf(s.facilitatorToken))));
    raw.send(updateFrame(noteUpdate('idea:mine2', me)));
    await waitFor(() => acksOf(raw.received).includes(2), 'third write acknowledged as the second');
    await sleep(300);
    expect(Math.max(...acksOf(raw.received))).toBe(2);
    raw.ws.close();
  });

  it("reach a reader too: someone who stopped writing is Saved again once others' later notes are durable", async () => {
    const s = await sessionWithPeople(server.url);
    const a = connectDoc(server.wsUrl, s.sessionId, 'board', s.participant.token, { ack: true });
    const b = connectDoc(server.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await Promise.all([waitSynced(a), waitSynced(b)]);
    a.doc.transact(() => insertIdea(a.doc, sampleIdea({ ...a.author, id: 'idea:a1' as never })), Origins.user);
    await waitFor(() => isSaved(a), 'a saved');
    // b writes after a's last write: a receives the note, and is told once it is on disk.
    b.doc.transact(() => insertIdea(b.doc, sampleIdea({ ...b.author, id: 'idea:b1' as never })), Origins.user);
    await waitFor(() => ideasMap(a.doc).has('idea:b1'), 'a has b’s note');
    await waitFor(() => isSaved(a) && isSaved(b), 'both saved');
    a.destroy();
    b.destroy();
  });

  it('wait only for their own room: a write failing in another session does not hold them', async () => {
    const a = await sessionWithPeople(server.url);
    const b = await sessionWithPeople(server.url);
    // A's client asks for no acks, so no acknowledgement of A's own runs between its failure and B's.
    const inA = connectDoc(server.wsUrl, a.sessionId, 'board', a.participant.token);
    const inB = connectDoc(server.wsUrl, b.sessionId, 'board', b.participant.token, { ack: true });
    await Promise.all([waitSynced(inA), waitSynced(inB)]);
    await waitFor(() => isSaved(inB), 'B saved before');

    // Both writes land in one batch; A's fails.
    let release = () => {};
    store.held = new Promise<void>((r) => {
      release = r;
    });
    store.failing = a.sessionId;
    insertIdea(inA.doc, sampleIdea({ ...inA.author, id: 'idea:lost' as never }));
    insertIdea(inB.doc, sampleIdea({ ...inB.author, id: 'idea:kept' as never }));
    await sleep(100);
    store.held = null;
    release();
    // B is saved by the acknowledgement of this very write, with nothing written after it.
    await waitFor(() => isSaved(inB), 'B saved although A failed');
    // A's room failed and closes its sockets (1012); that close and B's ack travel separately, in either order.
    await waitFor(() => inA.closes.some((c) => c.code === 1012), 'A closed with 1012');
    store.failing = null;
    inA.destroy();
    inB.destroy();
  });

  it('keep flowing under sustained load: 48 writers of 2 KB notes', async () => {
    // The compiled server in a process of its own: 48 providers in this one would otherwise starve it of CPU.
    const ownDir = mkdtempSync(join(tmpdir(), 'throughline-acks48-'));
    const own = await spawnServer(ownDir);
    try {
      await sustainedLoad(own.url, own.wsUrl);
    } finally {
      await own.stop();
      rmSync(ownDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** 48 writers in one session each add a 2 KB note every half second for 10 s; every one must hear acks throughout. */
async function sustainedLoad(url: string, wsUrl: string) {
  const s = await createSession(url);
  const writers: Peer[] = [];
  for (let i = 0; i < 48; i++) {
    const who = await joinSession(url, s.sessionId, s.invites.participant, `Writer ${i}`);
    writers.push(connectDoc(wsUrl, s.sessionId, 'board', who.token, { ack: true }));
  }
  await Promise.all(writers.map(waitSynced));
  // When each writer heard an acknowledgement, while the load runs.
  const heard = writers.map(() => [] as number[]);
  for (const [i, w] of writers.entries()) {
    const handler = w.provider.messageHandlers[MessageType.ack];
    w.provider.messageHandlers[MessageType.ack] = (enc: encoding.Encoder, dec: decoding.Decoder, p, emit, type) => {
      heard[i]?.push(performance.now());
      handler?.(enc, dec, p, emit, type);
    };
  }
  const text = 'x'.repeat(2000);
  const started = performance.now();
  let n = 0;
  const seconds = 10;
  while (performance.now() - started < seconds * 1000) {
    for (const [i, w] of writers.entries()) {
      w.doc.transact(() => insertIdea(w.doc, sampleIdea({ ...w.author, id: `idea:w${i}-${n}` as never, text })), Origins.user);
    }
    n++;
    // Each writer adds a note every half second: ~100 notes (200 KB) a second in, each relayed to 47 peers.
    await sleep(500);
  }
  const stopped = performance.now();
  await waitFor(() => writers.every(isSaved), `every writer saved (closes: ${JSON.stringify(writers.flatMap((w) => w.closes))})`, 60_000);

  // Acks kept arriving during the load, for every writer: not one burst at the end.
  const during = heard.map((h) => h.filter((t) => t < stopped));
  const gaps = heard.map((h) => {
    const times = [started, ...h.filter((t) => t >= started)];
    return Math.max(...times.slice(1).map((t, i) => t - (times[i] as number)));
  });
  console.log(
    `48 writers × ${n} notes of 2 KB in ${seconds} s: acks per writer during the load min ${Math.min(...during.map((d) => d.length))}, ` +
      `worst gap between acks ${Math.round(Math.max(...gaps))} ms (median writer's worst ${Math.round(median(gaps))} ms)`,
  );
  for (const d of during) expect(d.length).toBeGreaterThanOrEqual(2);
  expect(ideasMap(writers[0]?.doc as Y.Doc).size).toBe(48 * n);
  for (const w of writers) w.destroy();
}
