import { createServer, type Server } from 'node:http';
import { addComment, readPhase } from '@throughline/shared';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, createSession, sampleBrief } from '../helpers/api.ts';
import { connectDoc, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { FakeClock, HOUR } from '../helpers/fakeClock.ts';
import { mailsTo, PUBLIC, sessionWithEmails, to } from '../helpers/mailSession.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

const manual = { schedulerIntervalMs: 3_600_000, mailIntervalMs: 3_600_000 };

describe('notification mail through a real SMTP server', () => {
  let sink: SmtpSink;
  let server: TestServer;
  const clock = new FakeClock();
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({ clock, ...manual, smtpUrl: sink.url, smtpFrom: 'Throughline <noreply@example.test>', publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('mails closing reminders, mentions and the phase opening, each once, with text, HTML and one-click unsubscribe', async () => {
    const s = await sessionWithEmails(server.url);
    const summary = await (
      await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.pat.token}` } })
    ).json();
    expect(summary.notifications).toEqual({ mail: true });
    const deadline = clock.iso(30 * HOUR);
    expect(
      (
        await command(server.url, s.sessionId, s.facilitatorToken, {
          type: 'setSchedule',
          deadlines: { explore: deadline },
          autoAdvance: true,
        })
      ).status,
    ).toBe(200);

    // 24 hours before: one reminder each to the two people who gave an address, though the store
    // fails while the first is queued (the notice stays due and goes out on the next pass, once).
    clock.advance(6 * HOUR + 60_000);
    const store = server.app.store;
    const enqueueMail = store.enqueueMail.bind(store);
    let calls = 0;
    store.enqueueMail = async (m) => {
      if (++calls === 1) throw new Error('disk full');
      return enqueueMail(m);
    };
    try {
      await server.app.scheduler.tick();
      await server.app.scheduler.tick();
    } finally {
      store.enqueueMail = enqueueMail;
    }
    expect(calls).toBeGreaterThan(1);
    await server.app.notifications.outbox?.flush();
    const closing = sink.mails.filter((m) => /closes in 24 hours/.test(m.subject ?? ''));
    expect(closing.flatMap(to).sort()).toEqual(['fay@example.test', 'pat@example.test']);
    const patMail = closing.find((m) => to(m).includes('pat@example.test')) as ParsedMail;
    expect(patMail.text).toContain(`${PUBLIC}/s/${s.sessionId}`);
    expect(patMail.html).toContain(`href="${PUBLIC}/s/${s.sessionId}"`);
    const header = (name: string) => patMail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
    const unsubscribe = header('list-unsubscribe').replace(/^<|>$/g, '');
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC}/api/unsubscribe\\?t=`));
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(patMail.text).toContain(unsubscribe);
    expect(patMail.from?.text).toContain('noreply@example.test');

    // A mention: only the person mentioned hears about it.
    const peer = connectDoc(server.wsUrl, s.sessionId, 'comments', s.pat.token);
    try {
      await waitSynced(peer);
      peer.doc.transact(() =>
        addComment(peer.doc, 'idea:x', {
          authorId: s.pat.participantId,
          authorName: 'Pat',
          text: '@Fay can we test this with two customers?',
          mentions: [s.participantId],
          now: new Date(clock.now()),
        }),
      );
      await waitFor(() => mailsTo(sink, 'fay@example.test', /mentioned you/).length === 1, 'mention mail', 15_000);
    } finally {
      peer.destroy();
    }
    const mention = mailsTo(sink, 'fay@example.test', /mentioned you/)[0] as ParsedMail;
    expect(mention.subject).toBe('Pat mentioned you — Enterprise consideration');
    expect(mention.text).toContain('can we test this with two customers?');
    expect(mailsTo(sink, 'pat@example.test', /mentioned you/)).toHaveLength(0);

    // Pat unsubscribes with the link from the mail (the route mail clients POST to for one click).
    const unsub = await fetch(unsubscribe.replace(PUBLIC, server.url), { method: 'POST' });
    expect(unsub.status).toBe(200);

    // The deadline: the phase moves by itself, and Fay (still subscribed) hears Select is open.
    clock.advance(24 * HOUR);
    await server.app.scheduler.tick();
    await server.app.notifications.outbox?.flush();
    expect(readPhase(await storedDoc(server.app.store, s.sessionId, 'control')).current).toBe('select');
    expect(mailsTo(sink, 'fay@example.test', /Select is open/)).toHaveLength(1);
    expect(mailsTo(sink, 'pat@example.test', /Select is open/)).toHaveLength(0);
    // The 1-hour reminder fell due while no pass ran; at the deadline it is late and skipped, never sent after the fact.
    expect(sink.mails.filter((m) => /closes in 24 hours/.test(m.subject ?? ''))).toHaveLength(2);
    await server.app.scheduler.tick();
    await server.app.notifications.outbox?.flush();
    expect(mailsTo(sink, 'fay@example.test', /Select is open/)).toHaveLength(1);
  });

  it('retries a mail the relay refuses for now, and sends it exactly once', async () => {
    const s = await sessionWithEmails(server.url);
    sink.failNext(1);
    const before = sink.mails.length;
    await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    await server.app.notifications.outbox?.flush();
    const sent = () => sink.mails.slice(before).filter((m) => /Select is open/.test(m.subject ?? '')).length;
    expect(sent()).toBe(1); // one of the two went through, one was refused (451)
    const mails = await server.app.store.listMail(s.sessionId);
    expect(mails.filter((m) => m.state === 'queued' && m.attempts === 1 && m.lastError?.includes('451'))).toHaveLength(1);
    clock.advance(61_000);
    await server.app.notifications.outbox?.flush();
    await server.app.notifications.outbox?.flush();
    expect(sent()).toBe(2);
    expect((await server.app.store.listMail(s.sessionId)).every((m) => m.state === 'sent')).toBe(true);
  });
});

describe('the outbox survives a restart', () => {
  it('sends after a restart what was queued before it, once', async () => {
    const sink = await startSmtpSink();
    const clock = new FakeClock();
    // The relay is unreachable at first: the port of a server that is not running.
    const first = await startServer({ clock, ...manual, smtpUrl: 'smtp://127.0.0.1:9', publicUrl: PUBLIC, keepDataDir: true });
    const s = await sessionWithEmails(first.url);
    await command(first.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' });
    await first.app.notifications.outbox?.flush();
    expect((await first.app.store.listMail(s.sessionId)).map((m) => m.state)).toEqual(['queued', 'queued']);
    await first.close();
    clock.advance(2 * 60_000);
    const second = await startServer({ clock, ...manual, smtpUrl: sink.url, publicUrl: PUBLIC, dataDir: first.dataDir });
    try {
      await waitFor(() => sink.mails.length === 2, 'queued mails sent after restart');
      await second.app.notifications.outbox?.flush();
      expect(sink.mails.flatMap(to).sort()).toEqual(['fay@example.test', 'pat@example.test']);
    } finally {
      await second.close();
      await sink.close();
    }
  });
});

describe('without SMTP', () => {
  it('accepts addresses, sends nothing and says mail is off', async () => {
    const server = await startServer(manual);
    try {
      const s = await sessionWithEmails(server.url);
      const summary = await (
        await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.pat.token}` } })
      ).json();
      expect(summary.notifications).toEqual({ mail: false });
      expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
      expect(await server.app.store.listMail(s.sessionId)).toEqual([]);
      const bad = await fetch(`${server.url}/api/sessions/${s.sessionId}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: s.invites.participant, name: 'Zed', email: 'not an address' }),
      });
      expect(bad.status).toBe(400);
    } finally {
      await server.close();
    }
  });
});

describe('chat webhook', () => {
  let receiver: Server;
  let url = '';
  const posts: unknown[] = [];
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posts.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const addr = receiver.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hooks/T000/B000/secretpart`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('refuses a private address unless allowed, and posts { text } on phase changes and closing soon', async () => {
    const strict = await startServer(manual);
    try {
      const s = await createSession(strict.url);
      const refused = await command(strict.url, s.sessionId, s.facilitatorToken, { type: 'setChatWebhook', url });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/not a public address/);
    } finally {
      await strict.close();
    }
    const clock = new FakeClock();
    const server = await startServer({ clock, ...manual, webhookAllowPrivate: true, publicUrl: PUBLIC });
    try {
      const s = await createSession(server.url, { ...sampleBrief(), title: 'Q3 <!channel> & co' });
      const set = await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setChatWebhook', url });
      expect(set.status).toBe(200);
      expect(String(set.body.chatWebhookUrl)).not.toContain('secretpart');
      await command(server.url, s.sessionId, s.facilitatorToken, {
        type: 'setSchedule',
        deadlines: { explore: clock.iso(2 * HOUR) },
        autoAdvance: true,
      });
      clock.advance(HOUR + 1000);
      await server.app.scheduler.tick();
      clock.advance(HOUR);
      await server.app.scheduler.tick();
      await server.app.notifications.chat.whenIdle();
      const texts = posts.map((p) => (p as { text: string }).text);
      expect(texts).toEqual([
        // The title is escaped for Slack: no channel-wide ping.
        expect.stringMatching(/^\*Q3 &lt;!channel&gt; &amp; co\*: Explore closes in 1 hour/),
        expect.stringMatching(new RegExp(`Select is open \\(deadline reached\\)\\. ${PUBLIC}/s/${s.sessionId}`)),
      ]);
    } finally {
      await server.close();
    }
  });
});
