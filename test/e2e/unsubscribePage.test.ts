import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { newPerson } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { mailsTo, PUBLIC, sessionWithEmails, unsubscribeLink } from '../helpers/mailSession.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink.ts';
import { startServer } from '../helpers/startServer.ts';

/** The unsubscribe link from a mail, in Chromium: unsubscribed at once, and "Subscribe again" works under the app's CSP. */
const SHOTS = resolve(import.meta.dirname, '../../test-results');

let sink: SmtpSink;
const suite = browserSuite(async () => {
  sink = await startSmtpSink();
  return startServer({ smtpUrl: sink.url, publicUrl: PUBLIC, schedulerIntervalMs: 3_600_000 });
});
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
afterAll(() => sink?.close());

describe('the unsubscribe page', () => {
  it('unsubscribes from the link and subscribes again with one button', async () => {
    const { server, browser } = suite;
    const s = await sessionWithEmails(server.url);
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);
    await server.app.notifications.outbox?.flush();
    const mail = mailsTo(sink, 'pat@example.test', /^Select is open/)[0];
    const link = unsubscribeLink(mail as never).replace(PUBLIC, server.url);
    const subscribed = async () =>
      !(await server.app.store.listContacts(s.sessionId)).find((c) => c.participantId === s.pat.participantId)?.unsubscribed;

    const phone = await newPerson(browser, server.url, { width: 390, height: 844 });
    const problems: string[] = [];
    phone.page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    // The page is the server's own HTML (inline style, a form): under the app's CSP, nothing may be blocked.
    await phone.page.exposeFunction('__reportCsp', (v: string) => problems.push(`csp: ${v}`));
    await phone.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    await phone.page.goto(link);
    await phone.page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(await subscribed()).toBe(false);
    await phone.page.screenshot({ path: resolve(SHOTS, 'unsubscribe-390.png') });
    await phone.page.setViewportSize({ width: 1280, height: 800 });
    await phone.page.getByRole('button', { name: 'Subscribe again' }).click();
    await phone.page.getByRole('heading', { name: 'You are subscribed again' }).waitFor();
    expect(await subscribed()).toBe(true);
    await phone.page.screenshot({ path: resolve(SHOTS, 'subscribed-again-1280.png') });
    expect(problems).toEqual([]);
    await phone.context.close();
  });
});
