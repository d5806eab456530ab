import { addComment, readThread } from '@throughline/shared';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { join } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { mailsTo, sessionWithEmails } from '../helpers/mailSession.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

describe('concurrent first comments on the same note', () => {
  const mailed = mailServer();
  const peers: Peer[] = [];
  afterAll(() => {
    for (const p of peers) p.destroy();
  });

  const texts = (doc: Y.Doc, key: string) => readThread(doc, key).map((c) => c.text);

  // Yjs keeps the array of the higher client id: run it with the offline writer's thread losing and winning.
  it.each([
    { offlineLoses: true, key: 'idea:lose' },
    { offlineLoses: false, key: 'idea:win' },
  ])(
    'keeps both first comments, and mails the mention, on $key (the offline writer’s thread loses: $offlineLoses)',
    async ({ offlineLoses, key }) => {
      const { server, sink } = mailed;
      const s = await sessionWithEmails(server.url);
      const open = (token: string, clientID?: number) => {
        const doc = new Y.Doc();
        if (clientID !== undefined) doc.clientID = clientID;
        const p = connectDoc(server.wsUrl, s.sessionId, 'comments', token, { doc });
        peers.push(p);
        return p;
      };
      const pat = open(s.pat.token, 1_000_000);
      const fay = open(s.facilitatorToken, offlineLoses ? 1 : 2_000_000_000);
      await Promise.all([waitSynced(pat), waitSynced(fay)]);

      // Fay's connection drops; both post the first comment on the note.
      fay.provider.disconnect();
      pat.doc.transact(() =>
        addComment(pat.doc, key, { authorId: s.pat.participantId, authorName: 'Pat', text: 'Pat first', mentions: [], now: new Date() }),
      );
      await waitFor(() => texts(fay.doc, key).length === 0 && pat.provider.synced, 'Pat online');
      await sleep(200);
      fay.doc.transact(() =>
        addComment(fay.doc, key, {
          authorId: s.participantId,
          authorName: 'Fay',
          text: '@Pat Fay first too',
          mentions: [s.pat.participantId],
          now: new Date(),
        }),
      );
      await sleep(200);
      fay.provider.connect();

      const both = (doc: Y.Doc) => texts(doc, key).length === 2;
      await waitFor(() => both(pat.doc) && both(fay.doc), 'both comments on both clients', 15_000);
      expect(texts(pat.doc, key).sort()).toEqual(['@Pat Fay first too', 'Pat first']);
      expect(texts(fay.doc, key)).toEqual(texts(pat.doc, key));
      expect(pat.denials).toEqual([]);
      expect(fay.denials).toEqual([]);

      // A third client and the disk see the same thread.
      const vic = await join(server.url, s.sessionId, s.invites.viewer, 'Viv');
      const third = open(vic.token);
      await waitFor(() => both(third.doc), 'the third client');
      expect(texts(third.doc, key)).toEqual(texts(pat.doc, key));
      await server.app.store.whenDurable();
      expect(texts(await storedDoc(server.app.store, s.sessionId, 'comments'), key)).toEqual(texts(pat.doc, key));

      // Fay's mention reached Pat, once, whichever array won.
      const mentions = () => mailsTo(sink, 'pat@example.test', /Fay mentioned you/).filter((m) => m.text?.includes(s.sessionId));
      await waitFor(() => mentions().length === 1, 'the mention mail', 15_000);
      await server.app.notifications.outbox?.flush();
      expect(mentions()).toHaveLength(1);
    },
  );
});
