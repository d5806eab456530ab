import { mkdirSync, readFileSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import {
  type Brief,
  insertIdea,
  PLAN_SCHEMA_PATH,
  type PlanExport,
  readBrief,
  readBriefHistory,
  readDecisions,
  readFollowUps,
  readIdeas,
} from '@throughline/shared';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, createSession, join } from '../helpers/api.ts';
import { launchBrowser, requireBuiltClient } from '../helpers/browser.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/strategy');

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

async function openBoard(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('phase-banner').waitFor();
  return page;
}

async function openTab(page: Page, label: string) {
  await page
    .getByRole('tab', { name: label, exact: true })
    .or(page.getByRole('button', { name: label, exact: true }))
    .first()
    .click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: joinPath(SHOTS, `${name}.png`) });
const row = (page: Page, text: string) => page.locator('.tl-sel-row', { hasText: text });

async function serverDoc(sessionId: string, name: 'control' | 'board') {
  const room = await server.app.rooms.acquire(sessionId, name);
  server.app.rooms.release(room);
  return room.doc;
}

describe('the strategy bridge in Chromium', () => {
  it('keeps an idea scored below the median only with an override, then starts one follow-up that opens with a strategy check', async () => {
    const s = await createSession(server.url);
    const pat = await join(server.url, s.sessionId, s.invites.participant, 'Pat');
    const texts = ['Audit-log demo for IT leads', 'Publish the SOC 2 report', 'Governance podcast', 'Sponsor a local meetup'] as const;
    const peer = connectDoc(server.wsUrl, s.sessionId, 'board', pat.token);
    peers.push(peer);
    await waitSynced(peer);
    texts.forEach((text, i) => {
      insertIdea(
        peer.doc,
        sampleIdea({
          id: `idea:sb${i}` as never,
          text,
          authorId: pat.participantId,
          authorName: 'Pat',
          x: 60 + i * 220,
          y: 120,
          createdAt: i,
        }),
      );
    });
    const board = await serverDoc(s.sessionId, 'board');
    await waitFor(() => readIdeas(board).length === 4, 'ideas on the server');
    const f = (cmd: object) => command(server.url, s.sessionId, s.facilitatorToken, cmd);
    const p = (cmd: object) => command(server.url, s.sessionId, pat.token, cmd);
    expect((await f({ type: 'setPhase', phase: 'select' })).status).toBe(200);
    // Pat votes for all three and scores them: the podcast scores well below the median (4.0).
    const control0 = await serverDoc(s.sessionId, 'control');
    const [fit, cost] = (readBrief(control0) as Brief).decisionRule.criteria.map((c) => c.id);
    for (const [i, votes, fitScore, costScore] of [
      [0, 2, 5, 4],
      [1, 1, 4, 4],
      [2, 1, 1, 2],
    ] as const) {
      expect((await p({ type: 'castVote', ideaId: `idea:sb${i}`, count: votes })).status).toBe(200);
      expect((await p({ type: 'score', ideaId: `idea:sb${i}`, criterionId: fit, value: fitScore })).status).toBe(200);
      expect((await p({ type: 'score', ideaId: `idea:sb${i}`, criterionId: cost, value: costScore })).status).toBe(200);
    }
    expect((await f({ type: 'reveal' })).status).toBe(200);

    const fac = await openBoard(`${server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`);
    await openTab(fac, 'Select');
    const podcast = row(fac, texts[2]);
    await podcast.getByTestId('decide-keep').click();
    // The keep form shows the idea's votes and per-criterion scores, and says they did not favour it.
    const evidence = podcast.getByTestId('keep-evidence');
    await expect
      .poll(() => evidence.innerText())
      .toMatch(
        /1 vote · score 1\.25\/5 \(median of scored ideas 4\.00\)[\s\S]*Strategic fit ×3: 1\.0[\s\S]*Cost to test ×1: 2\.0[\s\S]*below the median 4\.00/,
      );
    await podcast.getByTestId('rationale').fill('Reaches IT leads on their commute');
    await podcast.getByLabel('Strategic fit').check();
    await podcast.getByTestId('override-reason').scrollIntoViewIfNeeded();
    await shot(fac, '1-keep-form-override');
    // The same form on a phone.
    const phone = await openBoard(`${server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`, { width: 390, height: 844 });
    await openTab(phone, 'Select');
    const phonePodcast = row(phone, texts[2]);
    await phonePodcast.getByTestId('decide-keep').click();
    await phonePodcast.getByTestId('override-reason').fill('The CMO already booked the studio for Q1');
    await phonePodcast.getByTestId('keep-evidence').scrollIntoViewIfNeeded();
    await shot(phone, '1-keep-form-override-390');
    await phonePodcast.getByTestId('override-reason').scrollIntoViewIfNeeded();
    await shot(phone, '1b-keep-form-override-390');
    // Without a reason the server refuses, and the form says why.
    await podcast.getByTestId('decide-submit').click();
    await expect.poll(() => podcast.getByRole('alert').innerText()).toMatch(/override reason/i);
    expect(readDecisions(await serverDoc(s.sessionId, 'control'))).toEqual([]);
    await podcast.getByTestId('override-reason').fill('The CMO already booked the studio for Q1');
    await podcast.getByTestId('decide-submit').click();
    await expect.poll(() => podcast.getByTestId('decision-override').innerText()).toContain('The CMO already booked the studio');
    const decisions = readDecisions(await serverDoc(s.sessionId, 'control'));
    expect(decisions[0]).toMatchObject({ ideaId: 'idea:sb2', override: true, overrideReason: 'The CMO already booked the studio for Q1' });
    expect(decisions[0]?.servesCriteria).toHaveLength(1);
    // The favoured demo is kept with no override asked.
    const demo = row(fac, texts[0]);
    await demo.getByTestId('decide-keep').click();
    expect(await demo.getByTestId('override-reason').count()).toBe(0);
    await demo.getByTestId('rationale').fill('Proof at shortlist time');
    await demo.getByTestId('decide-submit').click();
    await expect.poll(() => demo.getByTestId('decision').innerText()).toContain('Proof at shortlist time');
    // The SOC 2 report is dropped and the meetup parked: neither asks for an override.
    const soc2 = row(fac, texts[1]);
    await soc2.getByTestId('decide-drop').click();
    await soc2.getByTestId('rationale').fill('No audit budget this half');
    await soc2.getByTestId('decide-submit').click();
    await expect.poll(() => soc2.getByTestId('decision').innerText()).toContain('No audit budget this half');
    const meetup = row(fac, texts[3]);
    await meetup.getByTestId('decide-park').click();
    await meetup.getByTestId('rationale').fill('After the Q2 launch');
    await meetup.getByTestId('decide-submit').click();
    await expect.poll(() => meetup.getByTestId('decision').innerText()).toContain('After the Q2 launch');
    await shot(fac, '2-select-decided');

    // The board shows what was decided: hovering the kept demo gives its verdict and rationale...
    const at = await fac.evaluate(() => {
      const tl = (window as unknown as { __throughline: { editor: { viewport: { get(): { x: number; y: number; scale: number } } } } })
        .__throughline;
      const vp = tl.editor.viewport.get();
      const box = (document.querySelector('.canvas-wrap') as HTMLElement).getBoundingClientRect();
      // The demo note's middle (board 60,120 + half a note), on screen.
      return { x: box.left + 150 * vp.scale + vp.x, y: box.top + 180 * vp.scale + vp.y };
    });
    await fac.mouse.move(at.x, at.y);
    await expect.poll(() => fac.locator('.canvas-wrap').getAttribute('title')).toBe('✓ Kept — Proof at shortlist time');
    await shot(fac, '2b-board-badges');
    // ...and the list view names every verdict with its rationale, the override too.
    await fac.getByRole('button', { name: 'List', exact: true }).click();
    const verdicts = fac.getByTestId('idea-verdict');
    await expect
      .poll(() => verdicts.allInnerTexts())
      .toEqual([
        expect.stringMatching(/✓ Kept\s*Proof at shortlist time/),
        expect.stringMatching(/✗ Dropped\s*No audit budget this half/),
        expect.stringMatching(/✓ Kept\s*Reaches IT leads on their commute/),
        expect.stringMatching(/‖ Parked\s*After the Q2 launch/),
      ]);
    expect(await verdicts.nth(2).getAttribute('title')).toContain('Kept against the votes: The CMO already booked the studio');
    await fac.getByRole('button', { name: 'Canvas', exact: true }).click();
    // The board PNG carries the same tabs: sample the kept (green), dropped (grey) and parked (amber) tabs in the downloaded image.
    await openTab(fac, 'Export');
    const [dl] = await Promise.all([fac.waitForEvent('download'), fac.getByTestId('export-png-board').click()]);
    const png = readFileSync(await dl.path()).toString('base64');
    const tabs = await fac.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(img, 0, 0);
      // Whole board: top-left at (20, 80) in board units (notes at y 120, a 40 margin), 2 px per unit.
      // A tab spans x note+98 to note+176, y 111–129: the demo's (note at x 60) holds (165, 120), left of its label;
      // the SOC 2 report's (x 280) and the meetup's (x 720) hold (385, 113) and (825, 113), above their labels.
      const at = (x: number, y: number) => [...g.getImageData((x - 20) * 2, (y - 80) * 2, 1, 1).data.slice(0, 3)];
      return [at(165, 120), at(385, 113), at(825, 113)];
    }, png);
    expect(tabs).toEqual([
      [0x2b, 0x8a, 0x3e],
      [0x49, 0x50, 0x57],
      [0xa1, 0x4d, 0x00],
    ]);

    // Plan: a step on the demo feeds a strategic metric; the podcast's step feeds none.
    await f({ type: 'setPhase', phase: 'plan' });
    await openTab(fac, 'Plan');
    await fac.locator('.tl-plan-idea', { hasText: texts[0] }).getByTestId('add-step').click();
    await fac.getByTestId('step-title').fill('Record the audit-log demo');
    await fac.getByTestId('step-metric').selectOption({ label: 'Share of enterprise shortlists (target 30%)' });
    await fac.getByTestId('step-save').click();
    await expect.poll(() => fac.getByTestId('step-feeds').first().innerText()).toBe('Share of enterprise shortlists');
    await fac.locator('.tl-plan-idea', { hasText: texts[2] }).getByTestId('add-step').click();
    await fac.getByTestId('step-title').fill('Pilot episode');
    await fac.getByTestId('step-save').click();
    await expect.poll(() => fac.getByTestId('unlinked-steps').innerText()).toContain('Pilot episode');
    expect(await fac.getByTestId('plan-override').innerText()).toContain('booked the studio');
    expect(await fac.locator('.tl-plan-idea', { hasText: texts[2] }).getByTestId('plan-serves').allInnerTexts()).toEqual(['Strategic fit']);
    await fac.getByTestId('plan-metrics').scrollIntoViewIfNeeded();
    await shot(fac, '3-plan-metrics');
    await fac.getByTestId('plan-override').scrollIntoViewIfNeeded();
    await shot(fac, '3b-plan-override');
    await phone.reload();
    await phone.getByTestId('phase-banner').waitFor();
    await openTab(phone, 'Plan');
    await phone.getByTestId('plan-override').scrollIntoViewIfNeeded();
    await shot(phone, '3-plan-override-390');

    // Review: recorded before any review date (there is none), then the strategy check.
    await f({ type: 'setPhase', phase: 'review' });
    await openTab(fac, 'Review');
    await fac.locator('[data-testid="review-step"]', { hasText: 'Record the audit-log demo' }).getByTestId('record-review').click();
    await fac.getByTestId('outcome-revise').click();
    await fac.getByTestId('review-learned').fill('IT leads want exports, not dashboards');
    await fac.getByTestId('review-save').click();
    await expect.poll(() => fac.getByTestId('review-metrics').innerText()).toContain('1 result: 1 revise');
    await expect
      .poll(() => fac.getByTestId('strategy-evidence').innerText())
      .toContain('Share of enterprise shortlists (target 30%): 0 continue, 1 revise');
    expect(await fac.getByTestId('strategy-suggested').innerText()).toContain('Adjust');
    await fac.getByTestId('strategy-adjust').click();
    await fac.getByTestId('strategy-reason').fill('Shortlists need exports before dashboards');
    await shot(fac, '4-strategy-check');
    await fac.getByTestId('start-follow-up').click();
    const link = await fac.getByTestId('follow-up-link').getByRole('link').getAttribute('href');
    expect(link).toMatch(/\/s\/ses_/);

    // After a reload the button does not come back: the follow-up is offered, not made twice.
    await fac.reload();
    await fac.getByTestId('phase-banner').waitFor();
    await openTab(fac, 'Review');
    await expect.poll(() => fac.getByTestId('follow-up-verdict').innerText()).toBe('Adjust it');
    expect(await fac.getByTestId('start-follow-up').count()).toBe(0);
    await fac.getByTestId('open-follow-up').click();
    const again = await fac.getByTestId('follow-up-link').getByRole('link').getAttribute('href');
    expect(again?.split('#')[0]).toBe(link?.split('#')[0]);
    const control = await serverDoc(s.sessionId, 'control');
    expect(readFollowUps(control)).toHaveLength(1);
    // Another follow-up is asked for explicitly and needs its own strategy check.
    await fac.getByTestId('another-follow-up').click();
    const ask = fac.getByRole('form', { name: 'Strategy check' });
    await expect.poll(() => ask.getByRole('heading').innerText()).toBe('Another follow-up: check the strategy again');
    expect(await ask.getByTestId('start-follow-up').isDisabled()).toBe(true);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await ask.count()).toBe(0);
    expect(readFollowUps(control)).toHaveLength(1);
    await fac.getByTestId('another-follow-up').click();
    await ask.getByTestId('strategy-keep').click();
    await ask.getByTestId('strategy-reason').fill('A second team runs the partner track');
    await shot(fac, '4b-another-follow-up');
    await ask.getByTestId('start-follow-up').click();
    await waitFor(() => readFollowUps(control).length === 2, 'a second follow-up');
    await expect.poll(() => fac.getByTestId('follow-up-link').getByRole('link').getAttribute('href')).not.toBe(again);

    // The follow-up session opens with the strategy check in its brief.
    const next = await openBoard(link as string);
    await expect.poll(() => next.getByTestId('opening-strategy-check').innerText()).toMatch(/Adjust it[\s\S]*Shortlists need exports/);
    await shot(next, '5-follow-up-opens-with-check');
    const nextPhone = await openBoard(link as string, { width: 390, height: 844 });
    await nextPhone.waitForTimeout(300);
    await shot(nextPhone, '5-follow-up-opens-with-check-390');
    const nextId = (link as string).split('/s/')[1]?.split('#')[0] as string;
    expect(readBriefHistory(await serverDoc(nextId, 'control')).map((c) => c.verdict)).toEqual(['adjust']);

    // This session's JSON export validates (ajv) against the published v2 schema and carries the whole bridge.
    const schema = await (await fetch(`${server.url}${PLAN_SCHEMA_PATH}`)).json();
    const validate = new Ajv2020({ strict: true, allErrors: true, formats: { date: true, 'date-time': true } }).compile(schema);
    const res = await fetch(`${server.url}/api/sessions/${s.sessionId}/export.json`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    const plan = (await res.json()) as PlanExport;
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    const kept = plan.initiatives.flatMap((g) => g.ideas);
    expect(kept.find((i) => i.text === texts[2])?.decision).toMatchObject({
      override: true,
      overrideReason: 'The CMO already booked the studio for Q1',
      servesCriteria: [{ criterion: 'Strategic fit' }],
    });
    const steps = kept.flatMap((i) => i.steps);
    expect(steps.find((st) => st.title === 'Record the audit-log demo')?.successCheck.metric).toBe('Share of enterprise shortlists');
    expect(plan.unlinkedSteps.map((st) => st.title)).toEqual(['Pilot episode']);
    expect(plan.strategyChecks.map((c) => [c.verdict, c.reason])).toEqual([
      ['adjust', 'Shortlists need exports before dashboards'],
      ['keep', 'A second team runs the partner track'],
    ]);
  });
});
