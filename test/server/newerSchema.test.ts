import { EventEmitter } from 'node:events';
import { META, Origins } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionWithPeople } from '../helpers/api.ts';
import { waitFor } from '../helpers/connectDoc.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

/** Just enough of a browser for the client's BoardConnection to run in Node against the real server. */
function fakeBrowser(host: string) {
  const events = new EventEmitter();
  Object.assign(globalThis, {
    WebSocket,
    window: {
      addEventListener: (n: string, f: () => void) => events.on(n, f),
      removeEventListener: (n: string, f: () => void) => events.off(n, f),
    },
    location: { protocol: 'http:', host },
    localStorage: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
  });
  // Node 20 has no `navigator`; newer Nodes have one without `onLine`, which reads as "not known to be offline".
  if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: {} });
}

describe('the newer-schema guard', () => {
  it('turns a browser with no local copy read-only once the server’s board turns out to be newer', async () => {
    const s = await sessionWithPeople(t.server.url);
    // The board as a newer Throughline left it.
    await t.server.app.rooms.with(s.sessionId, ['board'], (room) =>
      room.doc.transact(() => room.doc.getMap(META).set('schemaVersion', 99), Origins.migration),
    );
    fakeBrowser(new URL(t.server.url).host);
    const { BoardConnection } = await import('../../client/src/sync/BoardConnection.ts');
    const conn = new BoardConnection({
      sessionId: s.sessionId,
      token: s.participant.token,
      participantId: s.participant.participantId,
      persist: false,
    });
    try {
      // No local copy: at load the (empty) board looks current…
      await waitFor(() => conn.status.get().localLoaded, 'local load');
      // …and once the server's copy has arrived the page knows better.
      await waitFor(() => conn.status.get().synced, 'server sync');
      expect(conn.status.get().newerSchema).toBe(true);
    } finally {
      conn.destroy();
    }
  });
});
