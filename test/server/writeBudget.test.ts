import { DEFAULTS } from '@throughline/server';
import { CloseCode, createIdeaId, ideasMap, insertIdea, patchIdea, personIdea, retryAfterMs } from '@throughline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createSession, join } from '../helpers/api.ts';
import { authorOf, connectDoc, isSaved, type Peer, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { fakeBrowser } from '../helpers/fakeBrowser.ts';
import { gcFlood, updateFrame } from '../helpers/hostileUpdates.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/**
 * The write budget outlives the socket: a participant who sends too much is
 * closed with 4429 and "retry in N s", refused a new socket until then, and
 * a resend beyond what is left is refused before it is decoded. A normal
 * participant editing heavily is never refused. Small budgets here so the
 * test runs in seconds; the paste test uses the production defaults.
 */

const RATE = 500;
const BURST = 5_000;
let tight: TestServer;
let normal: TestServer;
beforeAll(async () => {
  [tight, normal] = await Promise.all([
    startServer({
      writeBudget: {
        participant: { structsPerSecond: RATE, structBurst: BURST, bytesPerSecond: 4 * 1024 * 1024, byteBurst: 4 * 1024 * 1024 },
        session: { structsPerSecond: 100_000, structBurst: 1_000_000, bytesPerSecond: 64 * 1024 * 1024, byteBurst: 64 * 1024 * 1024 },
        backoffMs: 500,
        maxBackoffMs: 3_000,
        forgetAfterMs: 60_000,
      },
    }),
    startServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([tight?.close(), normal?.close()]);
});

/** A note under the token's own name: valid, so only the budget can object. */
const note = (peer: { author: { authorId: string; authorName: string } }, text = 'a pasted note') =>
  personIdea({
    id: createIdeaId(),
    text,
    x: 0,
    y: 0,
    color: '#ffec99',
    author: { id: peer.author.authorId, name: peer.author.authorName },
    createdAt: 1,
  });

/** Every note in one transaction, as a paste does. */
const paste = (peer: Peer | { doc: Y.Doc; author: Peer['author'] }, n: number) =>
  peer.doc.transact(() => {
    for (let i = 0; i < n; i++) insertIdea(peer.doc, note(peer));
  });

/**
 * A stock provider that ignores the server's word: reconnects at once after
 * any close, and writes a batch of notes whenever its socket is open.
 */
function hostileProvider(server: TestServer, sessionId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.wsUrl}/sync/${sessionId}`, 'board', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 20,
    shouldReconnect: () => true,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (e: { code: number; reason: string } | null) => {
    if (e) closes.push({ code: e.code, reason: e.reason });
  });
  const author = authorOf(token);
  let written = 0;
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      if (provider.wsconnected) {
        paste({ doc, author }, 50);
        written += 50;
      }
      await sleep(20);
    }
  })();
  return {
    doc,
    closes,
    written: () => written,
    stop: async () => {
      stopped = true;
      await running;
      provider.destroy();
    },
  };
}

/** Struct units the server has taken from `doc`'s client, as another peer sees them. */
const takenFrom = (observer: Peer, doc: Y.Doc) => Y.getState(observer.doc.store, doc.clientID);

describe('a budget per participant that survives reconnects', () => {
  it('bounds a provider that reconnects at once and resends, while another session keeps syncing', async () => {
    const s = await createSession(tight.url);
    const mallory = await join(tight.url, s.sessionId, s.invites.participant, 'Mallory');
    const watcher = connectDoc(tight.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    const calm = await createSession(tight.url);
    const bea = await join(tight.url, calm.sessionId, calm.invites.participant, 'Bea');
    const writer = connectDoc(tight.wsUrl, calm.sessionId, 'board', calm.facilitatorToken, { ack: true });
    const reader = connectDoc(tight.wsUrl, calm.sessionId, 'board', bea.token);
    await Promise.all([watcher, writer, reader].map(waitSynced));

    const started = Date.now();
    const h = hostileProvider(tight, s.sessionId, mallory.token);
    // Meanwhile the other session edits a note every 100 ms; every edit reaches its reader.
    const id = createIdeaId();
    insertIdea(writer.doc, note(writer));
    insertIdea(writer.doc, { ...note(writer), id });
    for (let i = 0; i < 40; i++) {
      patchIdea(writer.doc, id, { text: `edit ${i}` });
      await sleep(100);
    }
    await waitFor(() => ideasMap(reader.doc).get(id)?.get('text') === 'edit 39', 'the calm session’s last edit', 20_000);
    await h.stop();
    const seconds = (Date.now() - started) / 1000;
    await sleep(300);

    const taken = takenFrom(watcher, h.doc);
    const bound = BURST + RATE * seconds;
    console.log(
      `hostile provider: wrote ${h.written() * 14} struct units over ${h.closes.length} sockets in ${seconds.toFixed(1)} s, the server took ${taken} (bound ${bound.toFixed(0)}); closes: ${h.closes.length}`,
    );
    // Bounded across every reconnect, though it kept reconnecting and resending what was refused.
    expect(taken).toBeLessThanOrEqual(bound);
    expect(taken).toBeLessThan(h.written() * 14);
    expect(h.closes.length).toBeGreaterThanOrEqual(5);
    // Closed for overspending, with a wait to show; then refused new sockets during the back-off.
    expect(h.closes.some((c) => c.code === CloseCode.rateLimited && /^too many changes per second; retry in \d+ s$/.test(c.reason))).toBe(
      true,
    );
    expect(h.closes.some((c) => c.code === CloseCode.rateLimited && /^sending too much; retry in \d+ s$/.test(c.reason))).toBe(true);
    // Every other close is a bound too: refused sockets are no longer read (decision 1511), so the
    // provider reconnects less often and its resend of everything refused can outgrow one update.
    const refusal = (c: { code: number; reason: string }) =>
      c.code === CloseCode.rateLimited || (c.code === CloseCode.overBounds && /^more than \d+ structs in one update$/.test(c.reason));
    expect(h.closes.filter((c) => !refusal(c))).toEqual([]);
    // The other session's writer was never throttled, and is saved.
    await waitFor(() => isSaved(writer), 'the calm writer saved');
    expect(writer.closes).toEqual([]);
    for (const p of [watcher, writer, reader]) p.destroy();
  });

  it('refuses a sync step 2 beyond the remaining budget before decoding it, and tells the next socket how long to wait', async () => {
    const s = await createSession(tight.url);
    const mallory = await join(tight.url, s.sessionId, s.invites.participant, 'Mallory');
    const watcher = connectDoc(tight.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(watcher);
    const url = `${tight.wsUrl}/sync/${s.sessionId}/board?token=${mallory.token}`;
    // A step 2 (not an update) of 4,000 GC structs fits; a second of 2,000 does not (1,000 are left).
    const step2 = (structs: number, client: number) => updateFrame(gcFlood(structs, client), true);
    const a = rawSocket(url);
    await a.opened;
    a.send(step2(4_000, 0x7fff_2001));
    a.send(step2(2_000, 0x7fff_2002));
    const closed = await a.closed;
    expect(closed.code).toBe(CloseCode.rateLimited);
    await waitFor(() => Y.getState(watcher.doc.store, 0x7fff_2001) === 4_000, 'the first step 2');
    await sleep(200);
    expect(Y.getState(watcher.doc.store, 0x7fff_2002)).toBe(0);
    // The next socket is refused before it joins: no document byte, and the wait in the reason.
    const b = rawSocket(url);
    const refused = await b.closed;
    expect(refused.code).toBe(CloseCode.rateLimited);
    expect(retryAfterMs(refused.reason)).toBeGreaterThan(0);
    expect(b.received).toEqual([]);
    // Once the wait is over the same step 2 is taken.
    await sleep(retryAfterMs(refused.reason) as number);
    const c = rawSocket(url);
    await c.opened;
    c.send(step2(2_000, 0x7fff_2002));
    await waitFor(() => Y.getState(watcher.doc.store, 0x7fff_2002) === 2_000, 'the resend after the wait');
    c.ws.close();
    watcher.destroy();
  });
});

describe('a normal participant editing heavily (production budget)', () => {
  it('pastes 500 notes, moves them all, undoes it and types, four people at once, without one refusal', async () => {
    expect(DEFAULTS.writeBudget.participant.structBurst).toBeGreaterThan(0);
    const s = await createSession(normal.url);
    const people: Peer[] = [connectDoc(normal.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true })];
    for (const name of ['Ann', 'Ben', 'Cat']) {
      const who = await join(normal.url, s.sessionId, s.invites.participant, name);
      people.push(connectDoc(normal.wsUrl, s.sessionId, 'board', who.token, { ack: true }));
    }
    await Promise.all(people.map(waitSynced));
    await Promise.all(
      people.map(async (p) => {
        const undo = new Y.UndoManager(ideasMap(p.doc), { captureTimeout: 0 });
        paste(p, 500);
        const mine = [...ideasMap(p.doc).keys()].filter((k) => ideasMap(p.doc).get(k)?.get('authorId') === p.author.authorId);
        p.doc.transact(() => {
          for (const k of mine) patchIdea(p.doc, k as never, { x: 100, y: 100 });
        });
        undo.undo();
        undo.undo();
        undo.redo();
        for (let i = 0; i < 60; i++) {
          patchIdea(p.doc, mine[0] as never, { text: 'typing'.repeat(5).slice(0, i) });
          await sleep(10);
        }
      }),
    );
    await waitFor(() => people.every(isSaved), 'everyone saved', 30_000);
    for (const p of people) {
      expect(p.closes).toEqual([]);
      expect(p.denials).toEqual([]);
    }
    await waitFor(() => people.every((p) => ideasMap(p.doc).size === 2_000), 'every note everywhere', 30_000);
    for (const p of people) p.destroy();
  });
});

describe('the browser client after "sending too much"', () => {
  it('shows how long it waits, opens no socket before then, and saves once the server takes the resend', async () => {
    const s = await createSession(tight.url);
    const pat = await join(tight.url, s.sessionId, s.invites.participant, 'Pat');
    fakeBrowser(new URL(tight.url).host);
    const { BoardConnection } = await import('../../client/src/sync/BoardConnection.ts');
    const conn = new BoardConnection({ sessionId: s.sessionId, token: pat.token, participantId: pat.participantId, persist: false });
    const author = authorOf(pat.token);
    try {
      await waitFor(() => conn.status.get().synced, 'first sync');
      const attempts: number[] = [];
      conn.boardProvider.on('status', ({ status }: { status: string }) => {
        if (status === 'connecting') attempts.push(Date.now());
      });
      const shown: number[] = [];
      conn.status.subscribe(() => {
        const n = conn.status.get().throttledFor;
        if (n && shown.at(-1) !== n) shown.push(n);
      });
      // 300 notes (4,200 structs) fit the burst of 5,000; 100 more (1,400) do not, until the budget refills.
      paste({ doc: conn.board, author }, 300);
      paste({ doc: conn.board, author }, 100);
      await waitFor(() => conn.status.get().throttledFor !== null, 'the throttled notice');
      const closedAt = Date.now();
      const waitS = conn.status.get().throttledFor as number;
      expect(waitS).toBeGreaterThanOrEqual(1);
      await waitFor(() => conn.status.get().saved, 'saved after the wait', 20_000);
      // One reconnect, after the wait the server named (not the provider's quick retries), and a countdown on the way.
      expect(attempts).toHaveLength(1);
      expect((attempts[0] as number) - closedAt).toBeGreaterThanOrEqual((waitS - 1) * 1000);
      expect(shown[0]).toBe(waitS);
      expect(conn.status.get().throttledFor).toBeNull();
    } finally {
      conn.destroy();
    }
  });
});
