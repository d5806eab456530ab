import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { insertIdea } from '@throughline/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBrief } from '../helpers/api.ts';
import { launchBrowser, newPerson, requireBuiltClient } from '../helpers/browser.ts';
import { connectDoc, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/**
 * An async round in real Chromium: a participant joins with an address,
 * comments on a note with an @mention picked from the autocomplete, the
 * mentioned facilitator gets the mail (through a real SMTP server) and,
 * coming back to the board, finds it in "What's new".
 */
const RESULTS = resolve(import.meta.dirname, '../../test-results');

interface AsyncHook {
  editor: { ui: { set(f: (prev: Record<string, unknown>) => Record<string, unknown>): void } };
}

describe('async round in the browser', () => {
  let browser: Browser;
  let sink: SmtpSink;
  let server: TestServer;
  beforeAll(async () => {
    requireBuiltClient();
    mkdirSync(RESULTS, { recursive: true });
    sink = await startSmtpSink();
    [browser, server] = await Promise.all([launchBrowser(), startServer({ smtpUrl: sink.url, publicUrl: 'https://tl.example.test' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
  });

  it('a participant mentions the facilitator in a comment; the facilitator gets mail and sees it in What’s new', async () => {
    const created = await (
      await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ brief: sampleBrief(), facilitatorName: 'Fay', facilitatorEmail: 'fay@example.test' }),
      })
    ).json();
    const sessionId: string = created.sessionId;
    const facToken: string = created.facilitatorToken;
    // A note to discuss, written by a plain Yjs client.
    const writer = connectDoc(server.wsUrl, sessionId, 'board', facToken);
    await waitSynced(writer);
    writer.doc.transact(() =>
      insertIdea(
        writer.doc,
        sampleIdea({ ...writer.author, id: 'idea:pilot' as never, text: 'Pilot with two banks', x: 40, y: 40, createdAt: Date.now() }),
      ),
    );

    // Fay looks at the board once and leaves: the server remembers what she saw.
    const fay1 = await newPerson(browser, server.url);
    await fay1.page.goto(`${server.url}/s/${sessionId}?test=1#token=${facToken}`);
    await fay1.page.getByRole('tab', { name: 'Schedule' }).click();
    await fay1.page.getByTestId('mail-status').waitFor();
    expect(await fay1.page.getByTestId('mail-status').textContent()).toMatch(/Mail is on/);
    await fay1.context.close();
    writer.destroy();

    // Pat joins through the invite page, giving an address.
    const pat = await newPerson(browser, server.url);
    await pat.page.goto(`${server.url}/join/${sessionId}#invite=${created.invites.participant}`);
    await pat.page.getByLabel('Your name').fill('Pat');
    await pat.page.getByLabel('E-mail (optional)').fill('pat@example.test');
    await pat.page.getByRole('button', { name: 'Join' }).click();
    await pat.page.waitForURL(/\/s\//);
    // Reopen with the test hook (the token stays in this browser), to select the note without aiming at pixels.
    await pat.page.goto(`${server.url}/s/${sessionId}?test=1`);
    await pat.page.waitForFunction(() => !!(window as unknown as { __throughline?: AsyncHook }).__throughline);
    await pat.page.evaluate(() =>
      (window as unknown as { __throughline?: AsyncHook }).__throughline?.editor.ui.set((u) => ({
        ...u,
        selection: new Set(['idea:pilot']),
        sidebarTab: 'comments',
      })),
    );
    const box = pat.page.getByLabel('Comment — type @ to mention someone');
    await box.click();
    await box.pressSequentially('@Fa');
    await pat.page.getByRole('button', { name: '@Fay' }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('can we find the second bank by Friday?');
    await pat.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await pat.page.getByText('@Fay can we find the second bank by Friday?').waitFor();
    await pat.page.screenshot({ path: resolve(RESULTS, 'async-comment-1280.png') });

    // The mail reaches Fay (and only Fay) through the SMTP server.
    await waitFor(() => sink.mails.some((m) => /Pat mentioned you/.test(m.subject ?? '')), 'mention mail', 20_000);
    const mail = sink.mails.find((m) => /Pat mentioned you/.test(m.subject ?? ''));
    expect(sink.recipients[sink.mails.indexOf(mail as never)]).toEqual(['fay@example.test']);
    expect(mail?.text).toContain('@Fay can we find the second bank by Friday?');
    expect(mail?.text).toContain(`https://tl.example.test/s/${sessionId}`);
    expect(mail?.html).toContain('Unsubscribe');

    // Fay comes back: "What's new" opens by itself with the mention.
    const fay2 = await newPerson(browser, server.url, { width: 390, height: 844 });
    await fay2.page.goto(`${server.url}/s/${sessionId}?test=1#token=${facToken}`);
    const mentions = fay2.page.getByRole('list', { name: 'Mentions of you' });
    await mentions.waitFor({ timeout: 15_000 });
    expect(await mentions.textContent()).toContain('Pat: @Fay can we find the second bank by Friday?');
    await fay2.page.screenshot({ path: resolve(RESULTS, 'async-whats-new-390.png') });
    await fay2.page.setViewportSize({ width: 1280, height: 800 });
    await fay2.page.screenshot({ path: resolve(RESULTS, 'async-whats-new-1280.png') });
    await pat.context.close();
    await fay2.context.close();

    // A mention picked mid-sentence leaves the caret right after it before
    // the next key arrives (a caret placed a frame later let a fast typist's
    // next letter land at the end of the text).
    const fay3 = await newPerson(browser, server.url);
    await fay3.page.goto(`${server.url}/s/${sessionId}?test=1#token=${facToken}`);
    await fay3.page.waitForFunction(() => !!(window as unknown as { __throughline?: AsyncHook }).__throughline);
    await fay3.page.evaluate(() =>
      (window as unknown as { __throughline?: AsyncHook }).__throughline?.editor.ui.set((u) => ({
        ...u,
        selection: new Set(['idea:pilot']),
        sidebarTab: 'comments',
      })),
    );
    const box3 = fay3.page.getByLabel('Comment — type @ to mention someone');
    await box3.fill(' see the notes');
    await box3.press('Home');
    await box3.pressSequentially('@Pa');
    await fay3.page.getByRole('button', { name: '@Pat' }).waitFor();
    const caret = await box3.evaluate(async (el: HTMLTextAreaElement) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
      return { at: el.selectionStart, value: el.value };
    });
    expect(caret).toEqual({ at: '@Pat '.length, value: '@Pat  see the notes' });
    await fay3.context.close();
  });
});
