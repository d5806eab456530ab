import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { newPerson } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { seriousAxeFindings } from './axe.ts';
import { notesOn, openBoard } from './boardPage.ts';

/**
 * WCAG 2.1 AA as axe-core checks it, in real Chromium: no critical or
 * serious finding on the start and join pages, the board in every phase
 * (with that phase's panel open) and the plan, at desktop and phone sizes.
 */
describe('accessibility (axe-core) in Chromium', () => {
  const suite = browserSuite();

  const check = async (page: Page, where: string) => {
    const found = await seriousAxeFindings(page);
    expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
  };
  /** Opens a sidebar panel by its tab, or from the collapsed strip (a phone's sheet bar), and waits for it to load. */
  const openPanel = async (page: Page, name: string) => {
    const tab = page.getByRole('tab', { name, exact: true });
    if (await tab.count()) await tab.click();
    else await page.getByRole('complementary', { name: 'Sidebar (collapsed)' }).getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    await expect.poll(() => page.getByTestId('panel-loading').count()).toBe(0);
  };

  it('start and join pages have no critical or serious violations, and one h1 each', async () => {
    const s = await createSession(suite.server.url);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page, context } = await newPerson(suite.browser, suite.server.url, viewport);
      await page.goto(`${suite.server.url}/`);
      await page.getByRole('button', { name: 'Create session' }).waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      await check(page, `start page ${viewport.width}px`);
      await page.goto(`${suite.server.url}/join/${s.sessionId}#invite=${s.invites.participant}`);
      await page.getByLabel('Your name').waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      await check(page, `join page ${viewport.width}px`);
      await context.close();
    }
  });

  it('the board in explore, select, plan and review has no critical or serious violations', async () => {
    const s = await createSession(suite.server.url);
    const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat Lee (VP)');
    const fac = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    const phone = await openBoard(suite.browser, suite.server.url, s.sessionId, pat.token, { width: 390, height: 844 });
    await fac.getByTestId('board-canvas').focus();
    await fac.evaluate(() => navigator.clipboard.writeText('Audit log demo\nSOC 2 report page'));
    await fac.keyboard.press('Control+V');
    expect(await fac.locator('h1').count()).toBe(1);
    await check(fac, 'board, explore');
    await check(phone, 'board, explore, phone');
    // Every sidebar panel, on a desktop and as a phone's bottom sheet (opened from the bar, then by its tab).
    for (const tab of ['People', 'Workshop', 'AI ideas', 'Export', 'Comments', "What's new", 'Schedule']) {
      await openPanel(fac, tab);
      await check(fac, `board, ${tab} panel`);
      await openPanel(phone, tab);
      await check(phone, `board, ${tab} panel, phone`);
    }
    await phone.getByRole('button', { name: 'Collapse sidebar' }).click();
    // The list view, the shortcuts overlay and the move-on confirmation.
    await fac.getByRole('button', { name: 'List', exact: true }).click();
    await fac.getByTestId('idea-list').waitFor();
    await check(fac, 'list view');
    await fac.getByRole('button', { name: 'Canvas', exact: true }).click();
    await fac.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await fac.getByRole('dialog').waitFor();
    await check(fac, 'keyboard shortcuts');
    await fac.keyboard.press('Escape');
    await fac.getByTestId('phase-next').click();
    await fac.getByRole('alertdialog').waitFor();
    await check(fac, 'move-on confirmation');
    await fac.getByRole('button', { name: 'Stay in Explore' }).click();
    for (const phase of ['Select', 'Plan', 'Review'] as const) {
      await fac.getByTestId('phase-next').click();
      await fac.getByTestId('phase-next-confirm').click();
      // Moving on opens the phase's panel for everyone.
      await fac.getByRole('tab', { name: phase, exact: true, selected: true }).waitFor();
      await phone.getByRole('tab', { name: phase, exact: true, selected: true }).waitFor();
      await check(fac, `board, ${phase.toLowerCase()}`);
      await check(phone, `board, ${phase.toLowerCase()}, phone`);
    }
    await fac.getByRole('tab', { name: 'Plan', exact: true }).click();
    await check(fac, 'plan view in review');
  });

  it('the board is usable from the keyboard: Tab reaches the tools, tabs, splitter and phase controls; moving on needs only keys', async () => {
    const s = await createSession(suite.server.url);
    const fac = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await fac.keyboard.press('Tab');
      const name = await fac.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '') : '';
      });
      reached.add(name);
    }
    for (const want of [
      'phase-next',
      'New note',
      'New cluster',
      'board-canvas',
      'People',
      'sidebar-resizer',
      'Fit',
      'List',
      'Keyboard shortcuts',
    ])
      expect([...reached], want).toContain(want);
    // N on the focused canvas adds a note; the phase moves on with Enter, Enter.
    await fac.getByTestId('board-canvas').focus();
    await fac.keyboard.press('n');
    await fac.keyboard.type('Typed without a mouse');
    await fac.keyboard.press('Escape');
    await expect.poll(async () => (await notesOn(fac)).map((n) => n.text)).toEqual(['Typed without a mouse']);
    // Any note is reachable without a pointer: the list view's "Show on canvas" selects it; arrows move it, Delete removes it.
    const [typed] = await notesOn(fac);
    await fac.getByRole('button', { name: 'List', exact: true }).focus();
    await fac.keyboard.press('Enter');
    await fac.getByRole('button', { name: 'Show on canvas' }).focus();
    await fac.keyboard.press('Enter');
    await fac.getByTestId('board-canvas').waitFor();
    await fac.keyboard.press('Shift+ArrowRight');
    await fac.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await notesOn(fac))[0]?.x).toBe((typed?.x ?? 0) + 20);
    await fac.keyboard.press('Delete');
    await expect.poll(async () => (await notesOn(fac)).length).toBe(0);
    await fac.getByTestId('phase-next').focus();
    await fac.keyboard.press('Enter');
    await expect.poll(() => fac.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('phase-next-confirm');
    await fac.keyboard.press('Enter');
    await fac.getByRole('tab', { name: 'Select', exact: true, selected: true }).waitFor();
  });
});
