import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { insertIdea } from '@throughline/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { newPerson, waitInPage } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { connectDoc, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';

type Note = { text: string; lane: string; origin: string; adoptedBy: string | null };
/** The page's own copy of the board, read through the `?test=1` hook. */
const notesIn = (page: Page) =>
  page.evaluate(() => {
    const tl = (window as unknown as { __throughline: { doc: { getMap(n: string): { toJSON(): Record<string, unknown> } } } })
      .__throughline;
    return Object.values(tl.doc.getMap('ideas').toJSON()) as Note[];
  });

const SHOTS = resolve(import.meta.dirname, '../../test-results/ai');

/** The page's clusters, read through the `?test=1` hook. */
const clustersIn = (page: Page) =>
  page.evaluate(() => {
    const tl = (window as unknown as { __throughline: { doc: { getMap(n: string): { toJSON(): Record<string, unknown> } } } })
      .__throughline;
    return Object.values(tl.doc.getMap('clusters').toJSON()) as { title: string }[];
  });

async function openAiTab(page: Page) {
  // On a phone the sidebar starts collapsed into a bar of buttons; on a desktop it shows tabs.
  const collapsed = page.getByRole('complementary', { name: 'Sidebar (collapsed)' });
  await page
    .getByRole('tab', { name: 'AI ideas' })
    .or(collapsed.getByRole('button', { name: 'AI ideas' }))
    .click();
  await page.getByTestId('ai-panel').waitFor();
}

describe('AI ideation in the browser', () => {
  const suite = browserSuite();

  it('streams 10 offline ideas into the AI lane on both browsers, and one is adopted onto the canvas', async () => {
    const s = await createSession(suite.server.url);
    const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat');
    const a = await newPerson(suite.browser, suite.server.url);
    const b = await newPerson(suite.browser, suite.server.url);
    await a.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${pat.token}`);
    await b.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`);
    await openAiTab(a.page);
    await openAiTab(b.page);

    await a.page.getByTestId('ai-count').fill('10');
    // Record when the other browser first shows each lane size while the ideas stream in.
    await b.page.evaluate(() => {
      const firstSeen: Record<number, number> = {};
      (window as unknown as { __laneSizes: Record<number, number> }).__laneSizes = firstSeen;
      new MutationObserver(() => {
        const n = document.querySelectorAll('[data-testid="ai-idea"]').length;
        firstSeen[n] ??= performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await a.page.getByTestId('ai-generate').click();

    for (const page of [a.page, b.page]) {
      await page.getByTestId('ai-idea').nth(9).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('ai-idea').count()).toBe(10);
    }
    await expect.poll(() => a.page.getByTestId('ai-status').first().textContent()).toContain('Added 10 ideas');
    // Provenance is on the card, honest about the offline generator.
    expect(await b.page.getByTestId('ai-idea').first().getAttribute('title')).toMatch(/Offline generator .* asked by Pat/);
    // They arrived one by one, paced like a model: nine waits of at least ~150 ms between the first and the tenth.
    const seen = await b.page.evaluate(() => (window as unknown as { __laneSizes: Record<number, number> }).__laneSizes);
    expect(Object.keys(seen).filter((n) => Number(n) > 0 && Number(n) < 10).length).toBeGreaterThanOrEqual(3);
    expect((seen[10] ?? 0) - (seen[1] ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(1_000);
    // Each idea names the brief's initiative it serves.
    expect(await b.page.getByTestId('ai-idea').first().locator('summary').textContent()).toContain('serves “Governance story”');

    mkdirSync(SHOTS, { recursive: true });
    await b.page.screenshot({ path: resolve(SHOTS, 'ai-lane-1280.png') });
    const firstText = (await a.page.getByTestId('ai-idea').first().locator('p').textContent()) ?? '';
    await a.page.getByTestId('ai-adopt').first().click();

    // Both browsers: the lane shrinks and the note is on the canvas, adopted by Pat.
    for (const page of [a.page, b.page]) {
      await waitInPage(page, () => document.querySelectorAll('[data-testid="ai-idea"]').length === 9);
      await expect
        .poll(async () => (await notesIn(page)).find((n) => n.text === firstText))
        .toMatchObject({ lane: 'canvas', origin: 'ai', adoptedBy: pat.participantId });
    }
    await a.context.close();
    await b.context.close();
  });

  it('suggests groups for loose notes; accepting one creates the cluster with its notes, dismissing one changes nothing', async () => {
    const s = await createSession(suite.server.url);
    const f = await newPerson(suite.browser, suite.server.url);
    await f.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`);
    await openAiTab(f.page);
    const texts = [
      'Governance audit log demo',
      'Audit log export for governance reviews',
      'Governance audit trail in the admin console',
      'Pricing page for enterprise plans',
      'Enterprise pricing calculator',
      'Enterprise pricing comparison sheet',
    ];
    // Another participant's notes, from a real y-websocket client.
    const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat');
    const peer = connectDoc(suite.server.wsUrl, s.sessionId, 'board', pat.token);
    await waitSynced(peer);
    for (const [i, text] of texts.entries())
      insertIdea(
        peer.doc,
        sampleIdea({ id: `idea:sug${i}` as never, text, authorId: pat.participantId, authorName: 'Pat', x: i * 220, y: 0, createdAt: i }),
      );
    await expect.poll(async () => (await notesIn(f.page)).length).toBe(texts.length);
    await f.page.getByTestId('ai-suggest').click();
    const suggestion = f.page.locator('.ai-suggestion');
    await suggestion.first().waitFor({ timeout: 15_000 });
    const count = await suggestion.count();
    expect(count).toBeGreaterThanOrEqual(2);
    mkdirSync(SHOTS, { recursive: true });
    await f.page.screenshot({ path: resolve(SHOTS, 'ai-suggestions-1280.png') });
    const title = await suggestion.first().getByLabel('Group title').inputValue();
    await suggestion.first().getByRole('button', { name: 'Create cluster' }).click();
    await expect.poll(() => suggestion.count()).toBe(count - 1);
    await expect.poll(() => clustersIn(f.page)).toContainEqual(expect.objectContaining({ title }));
    await suggestion.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => suggestion.count()).toBe(count - 2);
    expect((await clustersIn(f.page)).length).toBe(1);
    peer.destroy();
    await f.context.close();
  });

  it('cancels a running request from the AI panel: ideas stop arriving, the ones that came stay', async () => {
    const s = await createSession(suite.server.url);
    const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat');
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const p = await newPerson(suite.browser, suite.server.url, viewport);
      await p.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${pat.token}`);
      await openAiTab(p.page);
      const before = await p.page.getByTestId('ai-idea').count();
      await p.page.getByTestId('ai-count').fill('30');
      await p.page.getByTestId('ai-generate').click();
      // Two ideas in, the request is still running (30 at ~220 ms apart take ~6 s): cancel it.
      await p.page
        .getByTestId('ai-idea')
        .nth(before + 1)
        .waitFor({ timeout: 15_000 });
      await p.page.getByTestId('ai-cancel').click();
      const line = p.page.locator('[data-testid="ai-status"][data-status="cancelled"]');
      await line.first().waitFor({ timeout: 10_000 });
      const kept = await p.page.getByTestId('ai-idea').count();
      expect(kept - before).toBeGreaterThanOrEqual(2);
      expect(kept - before).toBeLessThan(30);
      // Nothing more arrives after the cancel (the generator's pace would have added several by now).
      await p.page.waitForTimeout(1_500);
      expect(await p.page.getByTestId('ai-idea').count()).toBe(kept);
      expect(await p.page.getByTestId('ai-cancel').count()).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      await p.page.screenshot({ path: resolve(SHOTS, `ai-cancelled-${viewport.width}.png`) });
      await p.context.close();
    }
  });

  it('shows a clear refusal to a viewer and changes nothing', async () => {
    const s = await createSession(suite.server.url);
    const vic = await join(suite.server.url, s.sessionId, s.invites.viewer, 'Vic');
    const v = await newPerson(suite.browser, suite.server.url);
    await v.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${vic.token}`);
    await openAiTab(v.page);
    expect(await v.page.getByTestId('ai-generate').count()).toBe(0);
    await v.page.getByText('Viewers can read the AI lane but not ask for ideas.').waitFor();
    expect((await notesIn(v.page)).length).toBe(0);
    await v.context.close();
  });
});
