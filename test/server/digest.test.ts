import { addComment, ideasMap, insertIdea, readPhase } from '@throughline/shared';
import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { FakeClock } from '../helpers/fakeClock.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { joinWithEmail, mailsTo, PUBLIC, sessionWithEmails, to, unsubscribeLink } from '../helpers/mailSession.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

const manual = { schedulerIntervalMs: 3_600_000, mailIntervalMs: 3_600_000 };
const DIGEST = /^Today in /;

describe('the daily digest', () => {
  const clock = new FakeClock(Date.parse('2026-12-04T09:00:00Z'));
  const peers: Peer[] = [];
  const mailed = mailServer({ clock, ...manual });
  afterAll(() => {
    for (const p of peers) p.destroy();
  });

  /** Opens a doc as `token`, lets `fn` write, and leaves once the server has it (leaving records a seen mark). */
  async function write(sessionId: string, docName: string, token: string, fn: (p: Peer) => void) {
    const p = connectDoc(mailed.server.wsUrl, sessionId, docName, token);
    peers.push(p);
    await waitSynced(p);
    fn(p);
    await sleep(150);
    p.destroy();
    await sleep(50);
    await mailed.server.app.store.whenDurable();
  }
  const pass = async () => {
    await mailed.server.app.scheduler.tick();
    await mailed.server.app.scheduler.tick();
    await mailed.server.app.notifications.outbox?.flush();
  };

  it('mails once a day while the round is open: counts, the reader’s mentions, not to the unsubscribed, not after the round', async () => {
    const { sink } = mailed;
    const s = await sessionWithEmails(mailed.server.url);
    const una = await joinWithEmail(mailed.server.url, s.sessionId, s.invites.participant, 'Una', 'una@example.test');
    const set = await command(mailed.server.url, s.sessionId, s.facilitatorToken, {
      type: 'setSchedule',
      deadlines: { explore: '2026-12-07T21:00:00.000Z' },
      autoAdvance: true,
    });
    expect(set.status).toBe(200);

    // Day 1: Pat adds two notes and asks Fay something.
    clock.advance(60_000);
    await write(s.sessionId, 'board', s.pat.token, (p) =>
      p.doc.transact(() => {
        insertIdea(p.doc, sampleIdea({ ...p.author, id: 'idea:one' as never, text: 'Governance webinar', createdAt: clock.now() }));
        insertIdea(p.doc, sampleIdea({ ...p.author, id: 'idea:two' as never, text: 'Case study', createdAt: clock.now() }));
      }),
    );
    await write(s.sessionId, 'comments', s.pat.token, (p) =>
      p.doc.transact(() =>
        addComment(p.doc, 'idea:one', {
          ...{ authorId: s.pat.participantId, authorName: 'Pat' },
          text: '@Fay who owns the webinar?',
          mentions: [s.participantId],
          now: new Date(clock.now()),
        }),
      ),
    );

    clock.set('2026-12-05T08:59:00Z');
    await pass();
    expect(sink.mails.filter((m) => DIGEST.test(m.subject ?? ''))).toHaveLength(0);

    // The store fails while the digest's mails are queued: the day's digest stays due, and nobody gets it twice.
    const store = mailed.server.app.store;
    const enqueueMail = store.enqueueMail.bind(store);
    let calls = 0;
    store.enqueueMail = async (m) => {
      if (++calls === 2) throw new Error('disk full');
      return enqueueMail(m);
    };
    clock.set('2026-12-05T09:01:00Z');
    try {
      await pass();
      expect(calls).toBeGreaterThan(2); // the second tick of the pass tried again
    } finally {
      store.enqueueMail = enqueueMail;
    }
    await pass();
    const day1 = sink.mails.filter((m) => DIGEST.test(m.subject ?? ''));
    expect(day1.flatMap(to).sort()).toEqual(['fay@example.test', 'pat@example.test', 'una@example.test']);
    const forFay = mailsTo(sink, 'fay@example.test', DIGEST)[0] as ParsedMail;
    const forPat = mailsTo(sink, 'pat@example.test', DIGEST)[0] as ParsedMail;
    expect(forFay.subject).toBe('Today in Enterprise consideration');
    expect(forFay.text).toContain('2 new ideas, 0 changed, 1 comment, 1 mentioning you.');
    expect(forFay.text).toContain('Explore closes 2026-12-07 21:00 UTC');
    expect(forFay.html).toContain('2 new ideas, 0 changed, 1 comment, 1 mentioning you.');
    expect(forFay.text).toContain(`${PUBLIC}/s/${s.sessionId}`);
    expect(forPat.text).toContain('2 new ideas, 0 changed, 1 comment.');

    // Una follows the one-click link in hers.
    const unaMail = mailsTo(sink, 'una@example.test', DIGEST)[0] as ParsedMail;
    expect((await fetch(unsubscribeLink(unaMail).replace(PUBLIC, mailed.server.url))).status).toBe(200);

    // A restart later the same day sends no second digest.
    await mailed.restart(() => clock.set('2026-12-05T15:00:00Z'));
    await pass();
    expect(sink.mails.filter((m) => DIGEST.test(m.subject ?? ''))).toHaveLength(3);

    // Day 2: Pat rewords one note and adds another.
    await write(s.sessionId, 'board', s.pat.token, (p) =>
      p.doc.transact(() => {
        ideasMap(p.doc).get('idea:one')?.set('text', 'Governance webinar series');
        insertIdea(p.doc, sampleIdea({ ...p.author, id: 'idea:three' as never, text: 'Partner council', createdAt: clock.now() }));
      }),
    );
    clock.set('2026-12-06T09:02:00Z');
    await pass();
    const day2 = sink.mails.filter((m) => DIGEST.test(m.subject ?? '')).slice(3);
    expect(day2.flatMap(to).sort()).toEqual(['fay@example.test', 'pat@example.test']);
    expect(day2[0]?.text).toContain('1 new idea, 1 changed, 0 comments.');
    expect(day2[0]?.text).not.toContain('mentioning you');

    // Day 3: nothing happened, so nothing is sent.
    clock.set('2026-12-07T09:03:00Z');
    await pass();
    expect(sink.mails.filter((m) => DIGEST.test(m.subject ?? ''))).toHaveLength(5);

    // The deadline closes the round (Select has no deadline): no digest after it.
    clock.set('2026-12-07T21:00:01Z');
    await pass();
    await mailed.server.app.store.whenDurable();
    expect(readPhase(await storedDoc(mailed.server.app.store, s.sessionId, 'control')).current).toBe('select');
    await write(s.sessionId, 'comments', una.token, (p) =>
      p.doc.transact(() =>
        addComment(p.doc, 'idea:two', {
          ...{ authorId: una.participantId, authorName: 'Una' },
          text: 'Still worth it',
          mentions: [],
          now: new Date(clock.now()),
        }),
      ),
    );
    for (const day of ['2026-12-08T09:05:00Z', '2026-12-09T09:05:00Z']) {
      clock.set(day);
      await pass();
    }
    expect(sink.mails.filter((m) => DIGEST.test(m.subject ?? ''))).toHaveLength(5);
    expect(mailsTo(sink, 'una@example.test', DIGEST)).toHaveLength(1);
  });
});
