import { CloseCode } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { awarenessFrame, hugeAwareness } from '../helpers/hostileUpdates.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { useServer } from '../helpers/useServer.ts';

// A fast heartbeat so the test takes a second; production pings every 25 s.
const t = useServer({ pingIntervalMs: 200, idleUnloadMs: 100, maxConnectionsPerParticipant: 1 });

/**
 * A peer that vanished without closing: its TCP connection stays up, it
 * never answers a ping (`autoPong: false`) and never says goodbye.
 */
function silentClient(url: string) {
  const ws = new WebSocket(url, { autoPong: false });
  const received: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
  ws.on('error', () => {});
  return {
    ws,
    received,
    opened: new Promise<void>((r) => ws.once('open', () => r())),
    closed: new Promise<number>((r) => ws.once('close', (code) => r(code))),
  };
}

describe('heartbeat', () => {
  it('closes a socket that stops answering pings: its cursor goes, its room unloads, its connection slot frees', async () => {
    const s = await sessionWithPeople(t.server.url);
    const url = `${t.server.wsUrl}/sync/${s.sessionId}/board?token=${s.participant.token}`;
    const watcher = connectDoc(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(watcher);

    const ghost = silentClient(url);
    await ghost.opened;
    await waitFor(() => ghost.received.length > 0, 'sync step 1');
    // The ghost's cursor, as its last act.
    ghost.ws.send(awarenessFrame(hugeAwareness(16, 0x5151)));
    await waitFor(() => watcher.provider.awareness.getStates().has(0x5151), 'the cursor to show');

    // While it lingers it holds Pat's only connection slot.
    const refused = rawSocket(url);
    expect((await refused.closed).code).toBe(CloseCode.tooManyConnections);

    // Within two intervals the server gives up on it; the socket is closed (terminated, so 1006 at this end).
    expect(await ghost.closed).toBe(1006);
    await waitFor(() => !watcher.provider.awareness.getStates().has(0x5151), 'the ghost cursor to go');
    const again = rawSocket(url);
    await again.opened;
    again.ws.close();
    await again.closed;
    watcher.destroy();
  });

  it('unloads a room held only by a dead socket', async () => {
    const s = await sessionWithPeople(t.server.url);
    const ghost = silentClient(`${t.server.wsUrl}/sync/${s.sessionId}/board?token=${s.participant.token}`);
    await ghost.opened;
    await waitFor(() => t.server.app.rooms.isLoaded(s.sessionId, 'board'), 'room loaded');
    await ghost.closed;
    await waitFor(() => !t.server.app.rooms.isLoaded(s.sessionId, 'board'), 'room unloaded');
  });

  it('keeps a live client connected across many intervals', async () => {
    const s = await sessionWithPeople(t.server.url);
    const live = connectDoc(t.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(live);
    await new Promise((r) => setTimeout(r, 1500));
    expect(live.closes).toEqual([]);
    expect(live.provider.wsconnected).toBe(true);
    live.destroy();
  });
});
