import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { openBoard } from './boardPage.ts';

/**
 * The right sidebar's tabs: one row of named icon tabs at desktop and phone
 * widths, reachable from the keyboard, and panels whose code arrives on
 * first use (with a retry when it cannot).
 */
describe('the sidebar tabs in Chromium', () => {
  const suite = browserSuite();

  /** Every visible tab's name and box. */
  const tabBoxes = (page: Page) =>
    page.getByRole('tablist', { name: 'Sidebar panels' }).evaluate((list) =>
      Array.from(list.querySelectorAll('[role="tab"]'), (t) => {
        const r = t.getBoundingClientRect();
        return { name: t.getAttribute('aria-label'), top: r.top, left: r.left, right: r.right, width: r.width };
      }),
    );

  it('nine tabs in review sit on one row inside the sidebar at 1280 px and at 390×844, each named', async () => {
    const s = await createSession(suite.server.url);
    const desk = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    const phone = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken, { width: 390, height: 844 });
    for (let i = 0; i < 3; i++) {
      await desk.getByTestId('phase-next').click();
      await desk.getByTestId('phase-next-confirm').click();
    }
    for (const page of [desk, phone]) {
      await page.getByRole('tab', { name: 'Review', exact: true, selected: true }).waitFor();
      const tabs = await tabBoxes(page);
      expect(tabs.map((t) => t.name)).toEqual([
        'People',
        'Workshop',
        'AI ideas',
        'Plan',
        'Review',
        'Export',
        'Comments',
        "What's new",
        'Schedule',
      ]);
      const side = await page.getByRole('complementary', { name: 'Sidebar', exact: true }).boundingBox();
      if (!side) throw new Error('no sidebar');
      for (const t of tabs) {
        expect(t.top).toBe(tabs[0]?.top);
        expect(t.left).toBeGreaterThanOrEqual(side.x);
        expect(t.right).toBeLessThanOrEqual(side.x + side.width + 0.5);
        expect(t.width).toBeGreaterThanOrEqual(28);
      }
      // The open panel's name heads the sidebar.
      await expect
        .poll(() =>
          page.getByRole('complementary', { name: 'Sidebar', exact: true }).getByRole('heading', { level: 2 }).first().textContent(),
        )
        .toBe('Review');
    }
    // Hovering a tab shows its name.
    await desk.getByRole('tab', { name: 'Export' }).hover();
    expect(await desk.getByRole('tab', { name: 'Export' }).evaluate((t) => getComputedStyle(t, '::after').content)).toBe('"Export"');
  });

  it('arrow keys move along the tabs and Enter opens one; a panel that fails to download offers Try again', async () => {
    const s = await createSession(suite.server.url);
    const page = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    await page.getByRole('tab', { name: 'People' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('AI ideas');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Schedule');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('People');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Schedule', selected: true }).waitFor();

    // The export panel's code cannot be downloaded: the board stays, the panel says so, and Try again loads it.
    await page.route(/ExportPanel-[^/]*\.js$/, (route) => route.abort());
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('alert').filter({ hasText: 'This panel could not be loaded' }).waitFor();
    await expect.poll(() => page.getByTestId('board-canvas').isVisible()).toBe(true);
    await page.unroute(/ExportPanel-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Board image' }).waitFor();
  });
});
