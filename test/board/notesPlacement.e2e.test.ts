import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { boardToPage, clustersOn, focusCanvas, notesOn, openBoard, overlapping } from './boardPage.ts';

/**
 * Where new notes land, paste, frames and the AI lane's Dismiss: three
 * people on one board in Chromium, each in their own browser profile.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/board');

describe('adding, pasting and framing notes in Chromium', () => {
  const suite = browserSuite();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  async function threePeople() {
    const s = await createSession(suite.server.url);
    const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat');
    const sam = await join(suite.server.url, s.sessionId, s.invites.participant, 'Sam');
    const pages = [
      await openBoard(suite.browser, suite.server.url, s.sessionId, s.facilitatorToken),
      await openBoard(suite.browser, suite.server.url, s.sessionId, pat.token),
      await openBoard(suite.browser, suite.server.url, s.sessionId, sam.token),
    ] as [Page, Page, Page];
    return { s, pages };
  }
  const canvasNotes = async (page: Page) => (await notesOn(page)).filter((n) => n.lane === 'canvas');

  it('N twenty times, the toolbar and the list view put every new note in free space, for three people', async () => {
    const { pages } = await threePeople();
    const [fac, pat, sam] = pages;
    await focusCanvas(fac);
    const canvas = await fac.getByTestId('board-canvas').boundingBox();
    const bar = await fac.getByRole('toolbar', { name: 'Board tools' }).boundingBox();
    if (!canvas || !bar) throw new Error('no canvas');
    for (let i = 0; i < 20; i++) {
      await fac.keyboard.press('n');
      await fac.getByTestId('note-editor').waitFor();
      // The note being typed into is on screen and clear of the toolbar (the camera pans once the screen is full).
      const ed = await fac.getByTestId('note-editor').boundingBox();
      if (!ed) throw new Error('no editor');
      expect(ed.x, `note ${i + 1}`).toBeGreaterThanOrEqual(bar.x + bar.width);
      expect(ed.x + ed.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(ed.y).toBeGreaterThanOrEqual(canvas.y);
      expect(ed.y + ed.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      await fac.keyboard.type(`Idea ${i + 1}`);
      await fac.keyboard.press('Escape');
    }
    await fac.screenshot({ path: resolve(SHOTS, 'pileup-1280.png') });
    // Pat adds with the toolbar after seeing Ada's notes; Sam from the list view.
    await expect.poll(async () => (await canvasNotes(pat)).length).toBe(20);
    for (let i = 0; i < 3; i++) {
      await pat.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'New note', exact: true }).click();
      await pat.keyboard.type(`Toolbar ${i + 1}`);
      await pat.keyboard.press('Escape');
    }
    await expect.poll(async () => (await canvasNotes(sam)).length).toBe(23);
    await sam.getByRole('button', { name: 'List', exact: true }).click();
    for (let i = 0; i < 2; i++) {
      await sam.getByLabel('New idea', { exact: true }).fill(`From the list ${i + 1}`);
      await sam.getByLabel('New idea', { exact: true }).press('Enter');
    }
    for (const page of pages) {
      await expect.poll(async () => (await canvasNotes(page)).length).toBe(25);
      expect(overlapping(await canvasNotes(page))).toEqual([]);
    }
    await pat.screenshot({ path: resolve(SHOTS, 'pileup-1280-pat.png') });
  });

  it('pasting lines makes one note per line; copied notes paste as duplicates; others see both', async () => {
    const { pages } = await threePeople();
    const [fac, pat] = pages;
    await focusCanvas(fac);
    await fac.evaluate(() => navigator.clipboard.writeText('Audit log demo\n\n  SOC 2 report page  \r\nCIO round-table\n'));
    await fac.keyboard.press('Control+V');
    await expect
      .poll(async () => (await canvasNotes(fac)).map((n) => n.text).sort())
      .toEqual(['Audit log demo', 'CIO round-table', 'SOC 2 report page']);
    // The pasted notes are selected: copy them and paste again → three duplicates, clear of the originals.
    await fac.keyboard.press('Control+C');
    await fac.keyboard.press('Control+V');
    await expect.poll(async () => (await canvasNotes(pat)).length).toBe(6);
    const onPat = await canvasNotes(pat);
    expect(onPat.filter((n) => n.text === 'Audit log demo')).toHaveLength(2);
    expect(overlapping(onPat)).toEqual([]);
    // Typing in a field keeps the browser's own paste: no notes appear.
    await fac.evaluate(() => navigator.clipboard.writeText('not a note'));
    await fac.getByRole('tab', { name: 'AI ideas' }).click();
    await fac.getByTestId('ai-riff').focus();
    await fac.keyboard.press('Control+V');
    expect(await canvasNotes(fac)).toHaveLength(6);
  });

  it('a frame owns the notes inside it, releases a note dragged out, and a frame around one note keeps room for its title', async () => {
    const { pages } = await threePeople();
    const [fac, pat] = pages;
    await focusCanvas(fac);
    await fac.evaluate(() => navigator.clipboard.writeText('Inside one\nInside two'));
    await fac.keyboard.press('Control+V');
    await expect.poll(async () => (await canvasNotes(fac)).length).toBe(2);
    // Nothing selected: F draws a default frame in the middle of the screen, over the pasted notes.
    await fac.keyboard.press('Escape');
    await fac.mouse.click(10, 10);
    await focusCanvas(fac);
    await fac.keyboard.press('f');
    await fac.getByTestId('cluster-title-editor').fill('Governance');
    await fac.keyboard.press('Enter');
    const frame = (await clustersOn(fac))[0];
    if (!frame) throw new Error('no frame');
    await expect.poll(async () => (await canvasNotes(pat)).map((n) => n.clusterId)).toEqual([frame.id, frame.id]);

    // Drag one note out of the frame: it leaves.
    const [first] = await canvasNotes(fac);
    if (!first) throw new Error('no note');
    const from = await boardToPage(fac, { x: first.x + 90, y: first.y + 60 });
    const to = await boardToPage(fac, { x: frame.x + frame.width + 200, y: first.y + 60 });
    await fac.mouse.move(from.x, from.y);
    await fac.mouse.down();
    await fac.mouse.move(to.x, to.y, { steps: 8 });
    await fac.mouse.up();
    await expect.poll(async () => (await canvasNotes(pat)).find((n) => n.id === first.id)?.clusterId).toBeNull();

    // A frame made around one selected note is wide enough for a title.
    const [, second] = await canvasNotes(fac);
    if (!second) throw new Error('no note');
    const at = await boardToPage(fac, { x: second.x + 90, y: second.y + 60 });
    await fac.mouse.click(at.x, at.y);
    await fac.keyboard.press('f');
    await fac.keyboard.press('Escape');
    await expect.poll(async () => (await clustersOn(fac)).length).toBe(2);
    const around = (await clustersOn(fac)).find((c) => c.id !== frame.id);
    expect(around?.width).toBeGreaterThanOrEqual(320);
  });

  it('Dismiss takes an AI idea out of the lane for everyone', async () => {
    const { pages } = await threePeople();
    const [fac, pat] = pages;
    for (const p of [fac, pat]) await p.getByRole('tab', { name: 'AI ideas' }).click();
    await fac.getByTestId('ai-count').fill('3');
    await fac.getByTestId('ai-generate').click();
    // Progress is visible to others while the ideas stream in.
    const running = pat.locator('[data-testid="ai-status"][data-status="running"]');
    await running
      .filter({ hasText: /Generating… [0-2] of 3 ideas/ })
      .getByRole('progressbar', { name: 'AI progress' })
      .waitFor();
    await pat.getByTestId('ai-idea').nth(2).waitFor({ timeout: 15_000 });
    const dismissed = await fac.getByTestId('ai-idea').first().getAttribute('data-idea-id');
    await fac.getByTestId('ai-dismiss').first().click();
    await expect.poll(() => pat.getByTestId('ai-idea').count()).toBe(2);
    expect((await notesOn(pat)).some((n) => n.id === dismissed)).toBe(false);
  });
});
