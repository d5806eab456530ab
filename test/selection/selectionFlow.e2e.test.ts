import { mkdirSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import { insertIdea, readIdeas } from '@throughline/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { launchBrowser, requireBuiltClient } from '../helpers/browser.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/selection');

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const peers: Peer[] = [];

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const p of peers) p.destroy();
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

/** One person's browser on the board, in its own context (own storage, own identity). */
async function openBoard(sessionId: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/s/${sessionId}?test=1#token=${token}`);
  await page.getByTestId('phase-banner').waitFor();
  return page;
}

/** Opens a sidebar tab by its label (the phase tabs appear only in their phase). */
async function openTab(page: Page, label: string) {
  await page
    .getByRole('tab', { name: label, exact: true })
    .or(page.getByRole('button', { name: label, exact: true }))
    .first()
    .click();
}

/** The facilitator moves the session on: the button, then the confirmation. */
async function movePhaseOn(page: Page) {
  await page.getByTestId('phase-next').click();
  await page.getByTestId('phase-next-confirm').click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: joinPath(SHOTS, `${name}.png`) });

const row = (page: Page, text: string) => page.locator('.tl-sel-row', { hasText: text });

describe('explore → select → plan → review in Chromium', () => {
  it('runs a session with a facilitator and two participants', async () => {
    const s = await createSession(server.url);
    const pat = await join(server.url, s.sessionId, s.invites.participant, 'Pat');
    const sam = await join(server.url, s.sessionId, s.invites.participant, 'Sam');

    // Explore: ideas arrive from two participants' (Node) y-websocket clients.
    const texts = ['Audit-log demo for IT leads', 'Publish the SOC 2 report', 'Paid search on governance', 'CIO round-table'] as const;
    for (const [i, [who, text]] of (
      [
        [pat, texts[0]],
        [sam, texts[1]],
        [pat, texts[2]],
        [sam, texts[3]],
      ] as const
    ).entries()) {
      const peer = connectDoc(server.wsUrl, s.sessionId, 'board', who.token);
      peers.push(peer);
      await waitSynced(peer);
      insertIdea(
        peer.doc,
        sampleIdea({
          id: `idea:e2e${i}` as never,
          text,
          authorId: who.participantId,
          authorName: who === pat ? 'Pat' : 'Sam',
          x: 60 + i * 220,
          y: 120,
          createdAt: i,
        }),
      );
    }
    const room = await server.app.rooms.acquire(s.sessionId, 'board');
    server.app.rooms.release(room);
    await waitFor(() => readIdeas(room.doc).length === 4, 'ideas on the server');

    const fac = await openBoard(s.sessionId, s.facilitatorToken);
    const patPage = await openBoard(s.sessionId, pat.token);
    const samPage = await openBoard(s.sessionId, sam.token);
    await fac.getByRole('button', { name: 'Fit', exact: true }).click();
    await shot(fac, '1-explore');

    // Select: the facilitator moves on; the board freezes for everyone.
    await movePhaseOn(fac);
    await expect.poll(() => patPage.getByTestId('phase-banner').innerText()).toMatch(/frozen|select/i);

    for (const page of [fac, patPage, samPage]) await openTab(page, 'Select');
    await patPage.getByTestId('vote-budget').waitFor();
    expect(await patPage.getByTestId('vote-budget').innerText()).toContain('5 of 5');
    for (let i = 0; i < 3; i++) await row(patPage, texts[0]).getByTestId('vote').click();
    await expect.poll(() => patPage.getByTestId('vote-budget').innerText()).toContain('2 of 5');
    // The per-idea cap (3) disables a fourth dot on the same idea.
    expect(await row(patPage, texts[0]).getByTestId('vote').isDisabled()).toBe(true);
    await row(patPage, texts[1]).getByTestId('vote').click();
    await row(samPage, texts[0]).getByTestId('vote').click();
    await row(samPage, texts[2]).getByTestId('vote').click();
    await expect.poll(() => samPage.getByTestId('vote-budget').innerText()).toContain('3 of 5');

    // Nobody sees totals before the reveal.
    expect(await fac.getByTestId('tally').count()).toBe(0);
    await fac.getByTestId('reveal').click();
    await expect.poll(() => samPage.getByTestId('tally').count()).toBe(4);
    const first = samPage.locator('.tl-sel-row').first();
    expect(await first.innerText()).toContain(texts[0]);
    expect(await first.getByTestId('tally').innerText()).toMatch(/4\s+votes from 2/);

    // Decide: keep needs a rationale; the server's refusal is shown.
    await row(fac, texts[0]).getByTestId('decide-keep').click();
    await row(fac, texts[0]).getByTestId('decide-submit').click();
    await expect.poll(() => row(fac, texts[0]).getByRole('alert').innerText()).toMatch(/rationale/i);
    await row(fac, texts[0]).getByTestId('rationale').fill('Makes governance visible to IT leads at the moment they shortlist');
    await row(fac, texts[0]).getByTestId('decide-initiative').selectOption({ label: 'Governance story' });
    await row(fac, texts[0]).getByTestId('decide-submit').click();
    await row(fac, texts[2]).getByTestId('decide-drop').click();
    await row(fac, texts[2]).getByTestId('rationale').fill('No paid media before Q3');
    await row(fac, texts[2]).getByTestId('decide-submit').click();
    await expect.poll(() => row(patPage, texts[0]).getByTestId('decision').innerText()).toContain('Makes governance visible');
    await shot(patPage, '2-select-revealed');
    await shot(fac, '2-select-facilitator');

    // Plan: a kept idea without a step is a gap until someone owns one.
    await movePhaseOn(fac);
    for (const page of [fac, patPage]) await openTab(page, 'Plan');
    await expect.poll(() => fac.getByTestId('plan-gaps').innerText()).toContain('has no next step');
    await fac.getByTestId('add-step').click();
    await fac.getByTestId('step-title').fill('Record a 3-minute audit-log demo');
    await fac.getByTestId('step-owner').selectOption({ label: 'Pat' });
    await fac.getByTestId('step-due').fill('2026-01-10');
    await fac.getByTestId('step-save').click();
    // Owned and dated but no success check yet: still an intention, and Pat sees it.
    await expect.poll(() => patPage.getByTestId('plan-step').getAttribute('data-status')).toBe('intention');
    await patPage.getByTestId('edit-step').click();
    await patPage.getByTestId('step-measure').fill('Demo requests from IT leads');
    await patPage.getByTestId('step-target').fill('20 in four weeks');
    await patPage.getByTestId('step-review-date').fill('2026-02-01');
    await patPage.getByTestId('step-save').click();
    await expect.poll(() => fac.getByTestId('plan-step').getAttribute('data-status')).toBe('tactic');
    expect(await fac.getByTestId('work-type-balance').innerText()).toContain('Tactical 1 (100%)');
    await shot(fac, '3-plan');

    // Review: the owner records what the step taught.
    await movePhaseOn(fac);
    await openTab(patPage, 'Review');
    await patPage.getByTestId('record-review').click();
    await patPage.getByTestId('outcome-revise').click();
    await patPage.getByTestId('review-learned').fill('IT leads asked for exports, not dashboards');
    await patPage.getByLabel('Share of enterprise shortlists').check();
    await patPage.getByTestId('review-save').click();
    await openTab(fac, 'Review');
    await expect.poll(() => fac.getByTestId('review-metrics').innerText()).toContain('1 result: 1 revise');
    expect(await fac.getByTestId('review-step').first().innerText()).toContain('IT leads asked for exports');
    await shot(fac, '4-review');
  });
});
