import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { boardToPage, notesOn, openBoard } from './boardPage.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/board');
const PHONE = { width: 390, height: 844 };

/** The layout at 1280 px in select, the small controls, and the board on a 390×844 touch phone. */
describe('board layout on every screen in Chromium', () => {
  const suite = browserSuite();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const box = async (page: Page, selector: string) => {
    const b = await page.locator(selector).first().boundingBox();
    if (!b) throw new Error(`${selector} is not on screen`);
    return b;
  };
  const paste = async (page: Page, text: string) => {
    await page.getByTestId('board-canvas').focus();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
  };
  const moveOn = async (page: Page) => {
    await page.getByTestId('phase-next').click();
    // Moving on is confirmed first: it changes the session for everyone.
    await page.getByRole('alertdialog').waitFor();
    await page.getByTestId('phase-next-confirm').click();
  };

  it('at 1280 px the select panel opens for everyone, tabs fit, the canvas stays usable and the sidebar resizes', async () => {
    const s = await createSession(suite.server.url);
    const sam = await join(suite.server.url, s.sessionId, s.invites.participant, 'Sam Rivera (VP)');
    const fac = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    const samPage = await openBoard(suite.browser, suite.server.url, s.sessionId, sam.token);
    // Initials come from the words, not the punctuation.
    await expect.poll(() => fac.locator('.avatar [aria-hidden="true"]').first().textContent()).toBe('SR');
    await paste(fac, 'Audit log demo\nSOC 2 report page\nCIO round-table');
    await expect.poll(async () => (await notesOn(samPage)).length).toBe(3);

    // Fit leaves the notes clear of the floating toolbar.
    await fac.getByRole('button', { name: 'Fit', exact: true }).click();
    const bar = await box(fac, '.toolbar');
    for (const n of await notesOn(fac)) {
      const p = await boardToPage(fac, { x: n.x, y: n.y });
      expect(p.x).toBeGreaterThan(bar.x + bar.width);
    }

    await moveOn(fac);
    for (const page of [fac, samPage]) await page.getByRole('tab', { name: 'Select', exact: true, selected: true }).waitFor();
    await fac.screenshot({ path: resolve(SHOTS, 'select-1280.png') });
    expect((await box(fac, '.main-area')).width).toBeGreaterThanOrEqual(480);
    const side = await box(fac, 'aside.side-right');
    for (const tab of await fac.getByRole('tab').all()) {
      const t = await tab.boundingBox();
      if (!t) throw new Error('tab hidden');
      expect(t.x + t.width).toBeLessThanOrEqual(side.x + side.width + 0.5);
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    // Drag the splitter 120 px left: the sidebar is 120 px wider; arrow keys step it back.
    const grip = await box(fac, '[data-testid="sidebar-resizer"]');
    await fac.mouse.move(grip.x + grip.width / 2, grip.y + 200);
    await fac.mouse.down();
    await fac.mouse.move(grip.x + grip.width / 2 - 120, grip.y + 200, { steps: 6 });
    await fac.mouse.up();
    expect(Math.round((await box(fac, 'aside.side-right')).width)).toBe(Math.round(side.width) + 120);
    await fac.getByTestId('sidebar-resizer').focus();
    await fac.keyboard.press('ArrowRight');
    await fac.keyboard.press('ArrowRight');
    expect(Math.round((await box(fac, 'aside.side-right')).width)).toBe(Math.round(side.width) + 40);

    // Enter in "Votes each" saves it: Sam's budget follows.
    await fac.getByTestId('vote-budget-input').fill('7');
    await fac.getByTestId('vote-budget-input').press('Enter');
    await expect.poll(() => samPage.getByTestId('vote-budget').innerText()).toContain('7 of 7');
  });

  it('on a 390×844 phone: join, a full-width board, header and phase controls on screen, sheets, pinch, long-press and voting', async () => {
    const s = await createSession(suite.server.url);
    const fac = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken);
    await paste(fac, 'Audit log demo\nSOC 2 report page');

    const context = await suite.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const phone = await context.newPage();
    // Joining on the phone.
    await phone.goto(`${suite.server.url}/join/${s.sessionId}?test=1#invite=${s.invites.participant}`);
    await phone.getByLabel('Your name').fill('Pat');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByTestId('board-canvas').waitFor();
    await expect.poll(async () => (await notesOn(phone)).length).toBe(2);

    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect((await box(phone, '.main-area')).width).toBe(PHONE.width);
    for (const sel of ['h1', '[data-testid="phase-stepper"]', '[data-testid="save-status"]']) {
      const b = await box(phone, sel);
      expect(b.x + b.width, sel).toBeLessThanOrEqual(PHONE.width);
    }
    // The sheet bar along the bottom holds the brief and every sidebar tab on screen, none scrolled away.
    const sheetButtons = phone.locator('aside.side-collapsed button');
    expect(await sheetButtons.count()).toBe(8);
    for (const b of await sheetButtons.all()) {
      const r = await b.boundingBox();
      if (!r) throw new Error('sheet button hidden');
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width, await b.innerText()).toBeLessThanOrEqual(PHONE.width);
      expect(r.width).toBeGreaterThanOrEqual(24);
      expect(r.height).toBeGreaterThanOrEqual(44);
    }
    expect(await phone.locator('aside.side-right.side-collapsed').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Fit keeps the notes clear of the toolbar along the bottom and the zoom controls at the top.
    await phone.getByRole('button', { name: 'Fit', exact: true }).click();
    const tools = await box(phone, '.toolbar');
    const zoom = await box(phone, '.zoom-controls');
    for (const n of await notesOn(phone)) {
      const top = await boardToPage(phone, { x: n.x, y: n.y });
      const bottom = await boardToPage(phone, { x: n.x, y: n.y + 120 });
      expect(top.y).toBeGreaterThan(zoom.y + zoom.height);
      expect(bottom.y).toBeLessThan(tools.y);
    }
    await phone.screenshot({ path: resolve(SHOTS, 'phone-explore.png') });

    // Pinch with two fingers zooms; the camera's scale changes.
    const cdp = await context.newCDPSession(phone);
    const scale = () =>
      phone.evaluate(
        () =>
          (
            window as unknown as { __throughline: { editor: { viewport: { get(): { scale: number } } } } }
          ).__throughline.editor.viewport.get().scale,
      );
    const before = await scale();
    const canvas = await box(phone, '[data-testid="board-canvas"]');
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    // One finger on empty canvas pans; dragging back returns the camera to where it was.
    const camera = () =>
      phone.evaluate(() =>
        (
          window as unknown as { __throughline: { editor: { viewport: { get(): { x: number; y: number } } } } }
        ).__throughline.editor.viewport.get(),
      );
    const start = await camera();
    const drag = async (from: { x: number; y: number }, dx: number, dy: number) => {
      await touch('touchStart', [from]);
      for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: from.x + (dx * i) / 5, y: from.y + (dy * i) / 5 }]);
      await touch('touchEnd', []);
    };
    const empty = { x: canvas.x + 40, y: canvas.y + 100 };
    await drag(empty, 100, 80);
    await expect.poll(async () => (await camera()).x).toBeCloseTo(start.x + 100, -1);
    expect((await camera()).y).toBeCloseTo(start.y + 80, -1);
    await drag({ x: empty.x + 100, y: empty.y + 80 }, -100, -80);
    await expect.poll(async () => (await camera()).x).toBeCloseTo(start.x, -1);
    expect(await notesOn(phone)).toHaveLength(2);

    await touch('touchStart', [
      { x: cx - 40, y: cy },
      { x: cx + 40, y: cy },
    ]);
    for (let i = 1; i <= 6; i++)
      await touch('touchMove', [
        { x: cx - 40 - i * 15, y: cy },
        { x: cx + 40 + i * 15, y: cy },
      ]);
    await touch('touchEnd', []);
    await expect.poll(scale).toBeGreaterThan(before * 1.5);

    // Press and hold on empty canvas adds a note there and opens its editor.
    await touch('touchStart', [{ x: canvas.x + 40, y: canvas.y + canvas.height - 140 }]);
    await phone.getByTestId('note-editor').waitFor({ timeout: 5000 });
    await touch('touchEnd', []);
    await phone.keyboard.type('Held to add');
    await phone.getByTestId('note-editor').press('Escape');
    await expect.poll(async () => (await notesOn(fac)).some((n) => n.text === 'Held to add')).toBe(true);

    // The brief opens as a bottom sheet over the canvas, full width.
    await phone.getByRole('button', { name: 'Brief', exact: true }).click();
    const sheet = await box(phone, '[data-testid="brief-panel"]');
    expect(sheet.width).toBe(PHONE.width);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(PHONE.height + 0.5);
    await phone.getByRole('button', { name: 'Collapse brief' }).click();

    // The facilitator moves on: the select sheet opens on the phone, and Pat votes there.
    await moveOn(fac);
    await phone.getByRole('tab', { name: 'Select', exact: true, selected: true }).waitFor();
    // The select panel is a bottom sheet: full width, down to the bottom edge, the canvas still showing above it.
    const selectSheet = await box(phone, 'aside.side-right');
    expect(selectSheet.width).toBe(PHONE.width);
    expect(Math.round(selectSheet.y + selectSheet.height)).toBe(PHONE.height);
    expect(selectSheet.y).toBeGreaterThan(PHONE.height / 3);
    await phone.locator('.tl-sel-row').first().getByTestId('vote').click();
    await expect.poll(() => phone.getByTestId('vote-budget').innerText()).toContain('4 of 5');
    await phone.screenshot({ path: resolve(SHOTS, 'phone-select.png') });
    await context.close();
  });

  it('a facilitator on a phone sees the phase controls and can move on', async () => {
    const s = await createSession(suite.server.url);
    const phone = await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken, PHONE);
    const next = await box(phone, '[data-testid="phase-next"]');
    expect(next.x + next.width).toBeLessThanOrEqual(PHONE.width);
    expect(next.y + next.height).toBeLessThanOrEqual(PHONE.height);
    await moveOn(phone);
    await phone.getByRole('tab', { name: 'Select', exact: true, selected: true }).waitFor();
  });
});
