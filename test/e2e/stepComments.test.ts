import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPerson } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { waitFor } from '../helpers/connectDoc.ts';
import { mailsTo, PUBLIC, plannedWithEmails } from '../helpers/mailSession.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink.ts';
import { startServer } from '../helpers/startServer.ts';

/**
 * A step's discussion in the plan, in real Chromium: Pat opens the thread
 * under a step, mentions Fay; Fay gets the mail and its "Reply" link opens
 * the plan with that step's thread (on a phone).
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results');

let sink: SmtpSink;
const suite = browserSuite(async () => {
  sink = await startSmtpSink();
  return startServer({ smtpUrl: sink.url, publicUrl: PUBLIC });
});
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
afterAll(() => sink?.close());

describe('comments on a plan step', () => {
  it('a participant discusses a step with a mention; the mentioned facilitator follows the mail to that thread', async () => {
    const { server, browser } = suite;
    const s = await plannedWithEmails(server.url, server.wsUrl);
    const made = (await s.ok(
      {
        type: 'upsertNextStep',
        step: {
          ideaId: s.ideaId,
          title: 'Draft the webinar outline',
          ownerId: s.pat.participantId,
          due: '2027-01-15',
          successCheck: { measure: 'Registrations', target: '200', reviewDate: '2027-02-01' },
        },
      },
      s.pat.token,
    )) as { step: { id: string } };
    const stepId = made.step.id;

    const pat = await newPerson(browser, server.url);
    await pat.page.goto(`${server.url}/s/${s.sessionId}#token=${s.pat.token}`);
    await pat.page.getByRole('tab', { name: 'Plan' }).click();
    const step = pat.page.locator(`[data-step-id="${stepId}"]`);
    const toggle = step.getByTestId('step-comments');
    expect(await toggle.textContent()).toBe('Discuss this step');
    await toggle.click();
    const thread = step.getByRole('region', { name: 'Comments on Draft the webinar outline' });
    await thread.getByText('No comments on this step yet.').waitFor();
    const box = thread.getByLabel('Comment — type @ to mention someone');
    await box.click();
    await box.pressSequentially('@Fa');
    await thread.getByRole('button', { name: '@Fay' }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('can sales review the outline first?');
    await thread.getByRole('button', { name: 'Comment', exact: true }).click();
    await thread.getByText('@Fay can sales review the outline first?').waitFor();
    expect(await toggle.textContent()).toBe('1 comment');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await step.scrollIntoViewIfNeeded();
    await pat.page.screenshot({ path: resolve(SHOTS, 'step-comments-1280.png') });
    await pat.context.close();

    // The mention mail links back to the step's thread.
    await waitFor(() => mailsTo(sink, 'fay@example.test', /Pat mentioned you/).length === 1, 'the mention mail', 20_000);
    const mail = mailsTo(sink, 'fay@example.test', /Pat mentioned you/)[0];
    const link = mail?.text?.match(/Reply: (\S+)/)?.[1] ?? '';
    expect(link).toBe(`${PUBLIC}/s/${s.sessionId}?thread=${encodeURIComponent(stepId)}`);

    const fay = await newPerson(browser, server.url, { width: 390, height: 844 });
    await fay.page.goto(`${link.replace(PUBLIC, server.url)}#token=${s.facilitatorToken}`);
    const fayThread = fay.page.getByRole('region', { name: 'Comments on Draft the webinar outline' });
    await fayThread
      .getByText('@Fay can sales review the outline first?')
      .waitFor({ timeout: 15_000 })
      .catch(async (err) => {
        // Failed once on CI and never here: keep what the page showed, to tell why next time.
        await fay.page.screenshot({ path: resolve(SHOTS, 'step-comments-link-failed.png') });
        console.error(`[step thread link] ${fay.page.url()}\n${await fay.page.locator('aside').innerText()}`);
        throw err;
      });
    expect(await fay.page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
    // The link is used once: a reload does not open the thread again.
    expect(new URL(fay.page.url()).searchParams.get('thread')).toBeNull();
    await fayThread.scrollIntoViewIfNeeded();
    await fay.page.screenshot({ path: resolve(SHOTS, 'step-comments-390.png') });

    // The comments tab lists the step among the discussions, and opens it in the plan.
    await fay.page.getByRole('tab', { name: 'Comments' }).click();
    await fay.page.getByRole('button', { name: /Step: Draft the webinar outline/ }).click();
    await fayThread.waitFor();
    expect(await fay.page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
    await fay.context.close();
  });
});
