import { describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { FakeClock } from '../helpers/fakeClock.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { mailsTo, PUBLIC, plannedWithEmails, to } from '../helpers/mailSession.ts';

const manual = { schedulerIntervalMs: 3_600_000, mailIntervalMs: 3_600_000 };
const DUE = /^Due tomorrow: /;
const REVIEW = /^Time to review: /;

describe('step due and review reminders to owners', () => {
  const clock = new FakeClock(Date.parse('2026-12-04T09:00:00Z'));
  const mailed = mailServer({ clock, ...manual });
  const restart = (at: string) => mailed.restart(() => clock.set(at));
  const at = async (iso: string) => {
    clock.set(iso);
    await mailed.server.app.scheduler.tick();
    await mailed.server.app.scheduler.tick();
    await mailed.server.app.notifications.outbox?.flush();
  };

  it('mails the owner the day before a step is due and on its review date, once each, also across restarts', async () => {
    const { sink } = mailed;
    const s = await plannedWithEmails(mailed.server.url, mailed.server.wsUrl);
    const { ideaId } = s;
    // The server's address changes with each restart.
    const ok = async (cmd: object, token = s.facilitatorToken) => {
      const r = await command(mailed.server.url, s.sessionId, token, cmd);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const check = { measure: 'Registrations', target: '200' };
    const patStep = (await ok(
      {
        type: 'upsertNextStep',
        step: {
          ideaId,
          title: 'Draft the webinar outline',
          ownerId: s.pat.participantId,
          due: '2026-12-10',
          successCheck: { ...check, reviewDate: '2026-12-20' },
        },
      },
      s.pat.token,
    )) as { step: { id: string } };
    // Fay's steps fall due while the server is down: on the due day it still reminds ("today"), after it never.
    await ok({
      type: 'upsertNextStep',
      step: {
        ideaId,
        title: 'Book the speaker',
        ownerId: s.participantId,
        due: '2026-12-12',
        successCheck: { ...check, reviewDate: null },
      },
    });
    await ok({
      type: 'upsertNextStep',
      step: { ideaId, title: 'Brief sales', ownerId: s.participantId, due: '2026-12-14', successCheck: { ...check, reviewDate: null } },
    });
    // A step owned by someone who is not in the session has nobody to mail.
    await ok({ type: 'upsertNextStep', step: { ideaId, title: 'Print flyers', ownerName: 'Bob', due: '2026-12-10' } });

    await at('2026-12-09T08:59:00Z');
    expect(sink.mails.filter((m) => DUE.test(m.subject ?? ''))).toHaveLength(0);

    await at('2026-12-09T09:00:00Z');
    await at('2026-12-09T09:30:00Z');
    const due = sink.mails.filter((m) => DUE.test(m.subject ?? ''));
    expect(due.flatMap(to)).toEqual(['pat@example.test']);
    expect(due[0]?.subject).toBe('Due tomorrow: Draft the webinar outline');
    expect(due[0]?.text).toContain('is due on 2026-12-10');
    expect(due[0]?.text).toContain(`${PUBLIC}/s/${s.sessionId}`);
    expect(due[0]?.html).toContain('Draft the webinar outline');

    await restart('2026-12-09T15:00:00Z');
    await at('2026-12-09T15:00:00Z');
    expect(sink.mails.filter((m) => DUE.test(m.subject ?? ''))).toHaveLength(1);

    // Pat moves the due date: that is a new reminder, on the new day before.
    await ok(
      {
        type: 'upsertNextStep',
        step: {
          id: patStep.step.id,
          ideaId,
          title: 'Draft the webinar outline',
          ownerId: s.pat.participantId,
          due: '2026-12-15',
          successCheck: { ...check, reviewDate: '2026-12-20' },
        },
      },
      s.pat.token,
    );
    await restart('2026-12-14T09:10:00Z');
    await at('2026-12-14T09:10:00Z');
    expect(mailsTo(sink, 'pat@example.test', DUE).map((m) => m.text?.match(/due on (\S+)\./)?.[1])).toEqual(['2026-12-10', '2026-12-15']);
    expect(mailsTo(sink, 'fay@example.test', /^Due /).map((m) => m.subject)).toEqual(['Due today: Brief sales']);

    await at('2026-12-20T08:00:00Z');
    expect(sink.mails.filter((m) => REVIEW.test(m.subject ?? ''))).toHaveLength(0);
    await at('2026-12-20T09:05:00Z');
    await restart('2026-12-20T10:00:00Z');
    await at('2026-12-20T11:00:00Z');
    const review = sink.mails.filter((m) => REVIEW.test(m.subject ?? ''));
    expect(review.flatMap(to)).toEqual(['pat@example.test']);
    expect(review[0]?.subject).toBe('Time to review: Draft the webinar outline');
    expect(review[0]?.text).toContain('up for review today (2026-12-20)');
    expect(review[0]?.text).toContain('Registrations');
    // Every reminder went to the step's owner only, and the outbox holds each once.
    expect(sink.mails.filter((m) => DUE.test(m.subject ?? '') || REVIEW.test(m.subject ?? '')).flatMap(to)).toEqual(
      Array(3).fill('pat@example.test'),
    );
    expect((await mailed.server.app.store.listMail(s.sessionId)).filter((m) => /^(Due|Time to review)/.test(m.subject))).toHaveLength(4);
  });
});
