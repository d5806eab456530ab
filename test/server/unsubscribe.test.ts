import { describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { mailServer } from '../helpers/mailServer.ts';
import { mailsTo, PUBLIC, sessionWithEmails, unsubscribeLink } from '../helpers/mailSession.ts';

describe('unsubscribe and the way back', () => {
  const mailed = mailServer();

  it('a followed link unsubscribes at once and offers to subscribe again; RFC 8058 one-click POST works too', async () => {
    const { server, sink } = mailed;
    const s = await sessionWithEmails(server.url);
    const phase = async (to: string) => {
      const r = await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: to, confirm: true });
      expect(r.status).toBe(200);
      await server.app.notifications.outbox?.flush();
    };
    const patGot = (name: string) => mailsTo(sink, 'pat@example.test', new RegExp(`^${name} is open`)).length;
    const patSubscribed = async () =>
      !(await server.app.store.listContacts(s.sessionId)).find((c) => c.participantId === s.pat.participantId)?.unsubscribed;

    await phase('select');
    const mail = mailsTo(sink, 'pat@example.test', /^Select is open/)[0];
    const link = unsubscribeLink(mail as never).replace(PUBLIC, server.url);

    // A mail scanner (or Pat) follows the link: unsubscribed at once, with a way back on the page.
    const got = await fetch(link);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/text\/html/);
    const html = await got.text();
    expect(html).toContain('You will get no more mail from “Enterprise consideration”');
    const form = html.match(/<form method="post" action="([^"]+)"><button type="submit">Subscribe again<\/button>/);
    expect(form).not.toBeNull();
    expect(await patSubscribed()).toBe(false);
    await phase('plan');
    expect(patGot('Plan')).toBe(0);
    expect(mailsTo(sink, 'fay@example.test', /^Plan is open/)).toHaveLength(1);

    // "Subscribe again", as the browser submits the form.
    const back = await fetch(new URL((form as RegExpMatchArray)[1] as string, link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: '',
    });
    expect(back.status).toBe(200);
    const backHtml = await back.text();
    expect(backHtml).toContain('You will get mail from “Enterprise consideration” again');
    expect(backHtml).toMatch(/<form method="post" action="unsubscribe\?t=[^"]+"><button type="submit">Unsubscribe<\/button>/);
    expect(await patSubscribed()).toBe(true);
    await phase('review');
    expect(patGot('Review')).toBe(1);

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the List-Unsubscribe URL.
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ ok: true, subscribed: false });
    expect(await patSubscribed()).toBe(false);
    await phase('plan');
    expect(patGot('Plan')).toBe(0);
    expect(mailsTo(sink, 'fay@example.test', /^Plan is open/)).toHaveLength(2);

    // A tampered token changes nothing.
    const bad = link.replace(/t=([^&]+)/, (_m, t: string) => `t=${t.slice(0, -2)}xx`);
    const refused = await fetch(bad);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This link is not valid');
    expect((await fetch(bad.replace('/unsubscribe', '/subscribe'), { method: 'POST' })).status).toBe(400);
    expect(await patSubscribed()).toBe(false);
  });
});
