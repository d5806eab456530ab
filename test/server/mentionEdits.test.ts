import { addComment, editComment, readThread } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { connectDoc, sleep, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { joinWithEmail, mailsTo, sessionWithEmails } from '../helpers/mailSession.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

describe('mentions added by editing a comment', () => {
  const mailed = mailServer();

  it('mails the people an edit adds, and not again the ones already mailed', async () => {
    const { server, sink } = mailed;
    const s = await sessionWithEmails(server.url);
    const una = await joinWithEmail(server.url, s.sessionId, s.invites.participant, 'Una', 'una@example.test');
    const mentioned = (addr: string) => mailsTo(sink, addr, /mentioned you/);
    const pat = connectDoc(server.wsUrl, s.sessionId, 'comments', s.pat.token);
    try {
      await waitSynced(pat);
      let id = '';
      pat.doc.transact(() => {
        id = addComment(pat.doc, 'idea:x', {
          authorId: s.pat.participantId,
          authorName: 'Pat',
          text: '@Fay can we test this?',
          mentions: [s.participantId],
          now: new Date(),
        });
      });
      await waitFor(() => mentioned('fay@example.test').length === 1, 'the first mention mail');

      // Pat edits the comment to bring Una in too.
      pat.doc.transact(() =>
        editComment(pat.doc, 'idea:x', id, '@Fay @Una can we test this?', [s.participantId, una.participantId], new Date()),
      );
      await waitFor(() => mentioned('una@example.test').length === 1, 'the mention mail to the person the edit added');
      const unaMail = mentioned('una@example.test')[0];
      expect(unaMail?.text).toContain('Pat mentioned you in “Enterprise consideration” (in an edited comment):');
      expect(unaMail?.text).toContain('@Fay @Una can we test this?');

      // A further edit of the text only, and one that drops and re-adds Una: nobody is mailed again.
      pat.doc.transact(() =>
        editComment(
          pat.doc,
          'idea:x',
          id,
          '@Fay @Una can we test this with two customers?',
          [s.participantId, una.participantId],
          new Date(),
        ),
      );
      pat.doc.transact(() => editComment(pat.doc, 'idea:x', id, '@Fay only', [s.participantId], new Date()));
      pat.doc.transact(() => editComment(pat.doc, 'idea:x', id, '@Fay @Una again', [s.participantId, una.participantId], new Date()));
      await waitFor(() => pat.provider.synced, 'sync');
      await sleep(300);
      await server.app.store.whenDurable();
      expect(readThread(await storedDoc(server.app.store, s.sessionId, 'comments'), 'idea:x')[0]?.text).toBe('@Fay @Una again');
      await sleep(100);
      await server.app.notifications.outbox?.flush();
      expect(mentioned('fay@example.test')).toHaveLength(1);
      expect(mentioned('una@example.test')).toHaveLength(1);
      expect(mentioned('pat@example.test')).toHaveLength(0);
    } finally {
      pat.destroy();
    }
  });
});
