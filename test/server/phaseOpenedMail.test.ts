import { readPhase, readSchedule } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { FakeClock, HOUR } from '../helpers/fakeClock.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { mailsTo, sessionWithEmails } from '../helpers/mailSession.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

const manual = { schedulerIntervalMs: 3_600_000, mailIntervalMs: 3_600_000 };
const SELECT_OPEN = /^Select is open/;

describe('the phase-opened mail', () => {
  const clock = new FakeClock();
  const mailed = mailServer({ clock, ...manual });
  const pass = async () => {
    await mailed.server.app.scheduler.tick();
    await mailed.server.app.notifications.outbox?.flush();
  };
  const opened = (addr: string) => mailsTo(mailed.sink, addr, SELECT_OPEN);

  /** Makes every outbox write fail until the returned function is called. */
  function breakOutbox() {
    const store = mailed.server.app.store;
    const enqueueMail = store.enqueueMail.bind(store);
    let refused = 0;
    store.enqueueMail = async () => {
      refused++;
      throw new Error('disk full');
    };
    return () => {
      store.enqueueMail = enqueueMail;
      return refused;
    };
  }

  it('is queued by the scheduler when the outbox write failed at the change, and delivered once', async () => {
    const s = await sessionWithEmails(mailed.server.url);
    const heal = breakOutbox();
    let refused = 0;
    try {
      const moved = await command(mailed.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
      expect(moved.status).toBe(200); // a mail that could not be queued never fails the change
      await pass(); // the store is still down: the scheduler's retry fails too, and leaves the opening due
    } finally {
      refused = heal();
    }
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(await mailed.server.app.store.listMail(s.sessionId)).toEqual([]);
    expect(opened('fay@example.test')).toHaveLength(0);

    clock.advance(60_000);
    await pass();
    expect(opened('fay@example.test')).toHaveLength(1);
    expect(opened('pat@example.test')).toHaveLength(1);
    expect(opened('fay@example.test')[0]?.text).toContain('Select has opened');

    // Later passes find it done: nothing more goes out.
    await pass();
    clock.advance(HOUR);
    await pass();
    expect(opened('fay@example.test')).toHaveLength(1);
    expect(opened('pat@example.test')).toHaveLength(1);
    expect((await mailed.server.app.store.listMail(s.sessionId)).map((m) => m.state)).toEqual(['sent', 'sent']);
  });

  it('goes out once in the normal path, though the event and the scheduler both queue it', async () => {
    const s = await sessionWithEmails(mailed.server.url);
    const before = mailed.sink.mails.length;
    await command(mailed.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    await mailed.server.app.notifications.outbox?.flush();
    const mine = () => mailed.sink.mails.slice(before).filter((m) => SELECT_OPEN.test(m.subject ?? ''));
    expect(mine()).toHaveLength(2); // at once, from the event
    await pass();
    await pass();
    expect(mine()).toHaveLength(2);
    const control = await storedDoc(mailed.server.app.store, s.sessionId, 'control');
    expect(readSchedule(control).notices['phase-opened']).toBe(readPhase(control).changedAt);
  });

  it('drops an opening the store could not mail for a day rather than announce it late', async () => {
    const s = await sessionWithEmails(mailed.server.url);
    const heal = breakOutbox();
    try {
      await command(mailed.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    } finally {
      heal();
    }
    clock.advance(24 * HOUR + 60_000);
    await pass();
    expect(await mailed.server.app.store.listMail(s.sessionId)).toEqual([]);
  });
});
