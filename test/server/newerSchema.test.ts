import { META, Origins } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { sessionWithPeople } from '../helpers/api.ts';
import { waitFor } from '../helpers/connectDoc.ts';
import { fakeBrowser } from '../helpers/fakeBrowser.ts';
import { useServer } from '../helpers/useServer.ts';

const t = useServer();

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
