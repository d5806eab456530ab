import { connect } from 'node:net';
import { ideasMap, insertIdea } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await server.close();
});

/** Deterministic junk: random bytes, truncated real messages, bad varints, wrong types, text frames. */
function* garbageFrames(count: number): Generator<Uint8Array | string> {
  let seed = 1234;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const realDoc = new Y.Doc();
  insertIdea(realDoc, sampleIdea({ id: 'idea:real' as never }));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(realDoc));
  const real = encoding.toUint8Array(e);
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    if (kind === 0) yield Uint8Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256));
    else if (kind === 1) yield real.slice(0, 1 + Math.floor(rand() * (real.length - 2)));
    else if (kind === 2) yield Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    else if (kind === 3) yield Uint8Array.from([Math.floor(rand() * 250) + 4, 1, 2, 3]);
    else if (kind === 4) yield Uint8Array.from([0, 2, 5, 1, 2, 3, 4, 5]);
    else yield `text frame ${i}`;
  }
}

describe('malformed input', () => {
  it('survives 1,000 garbage frames: only the offending socket closes; other sessions keep syncing', async () => {
    const victim = await sessionWithPeople(server.url);
    const bystander = await sessionWithPeople(server.url);
    const a = connectDoc(server.wsUrl, bystander.sessionId, 'board', bystander.facilitatorToken);
    const b = connectDoc(server.wsUrl, bystander.sessionId, 'board', bystander.participant.token);
    peers.push(a, b);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    let sent = 0;
    let sockets = 0;
    const closeCodes = new Set<number>();
    const frames = garbageFrames(1000);
    let next = frames.next();
    while (!next.done) {
      const sock = rawSocket(`${server.wsUrl}/sync/${victim.sessionId}/board?token=${victim.participant.token}`);
      sockets++;
      await sock.opened;
      // Keep firing on this socket until the server closes it.
      while (!next.done && sock.ws.readyState === sock.ws.OPEN) {
        sock.send(next.value);
        sent++;
        next = frames.next();
        if (sent % 5 === 0) await new Promise((r) => setImmediate(r));
      }
      closeCodes.add((await sock.closed).code);
      // Meanwhile the bystanders keep editing and converging.
      insertIdea(a.doc, sampleIdea({ ...a.author, id: `idea:during-${sockets}` as never }));
    }
    expect(sent).toBe(1000);
    expect([...closeCodes]).toContain(4400);
    await waitFor(() => ideasMap(b.doc).has(`idea:during-${sockets}`), 'bystander sync after the attack');

    // The attacked session itself still works for a well-behaved client.
    const ok = connectDoc(server.wsUrl, victim.sessionId, 'board', victim.facilitatorToken);
    peers.push(ok);
    await waitSynced(ok);
    insertIdea(ok.doc, sampleIdea({ ...ok.author, id: 'idea:after' as never }));
    const check = connectDoc(server.wsUrl, victim.sessionId, 'board', victim.participant.token);
    peers.push(check);
    await waitFor(() => ideasMap(check.doc).has('idea:after'), 'victim session sync');
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
  });

  it('answers an undecodable upgrade URL with 400 and stays up', async () => {
    const s = await sessionWithPeople(server.url);
    const bad = rawSocket(`${server.wsUrl}/sync/%E0%A4%A/board?token=${s.facilitatorToken}`);
    await expect(bad.opened).rejects.toThrow();
    // A request line Node's URL parser rejects, sent by hand.
    const raw = await new Promise<string>((resolve) => {
      const sock = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        sock.write(
          'GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
        );
      });
      let got = '';
      sock.on('data', (d) => (got += d));
      sock.on('close', () => resolve(got));
      sock.on('error', () => resolve(got));
    });
    expect(raw).not.toContain('101');
    const res = await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorToken}` } });
    expect(res.status).toBe(200);
  });
});
