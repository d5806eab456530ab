import type { Browser, Page } from 'playwright-core';
import { newPerson, waitInPage } from '../helpers/browser.ts';

/** A note as these tests read it from the page's own board (the `?test=1` hook). */
export interface PageNote {
  id: string;
  text: string;
  x: number;
  y: number;
  lane: string;
  clusterId: string | null;
}

export interface PageCluster {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Hook {
  doc: { getMap(n: string): { toJSON(): Record<string, unknown> } };
  editor: { viewport: { get(): { x: number; y: number; scale: number } } };
}

/** Every note on this page's copy of the board (canvas and AI lane). */
export const notesOn = (page: Page) =>
  page.evaluate(() => {
    const tl = (window as unknown as { __throughline: Hook }).__throughline;
    return Object.entries(tl.doc.getMap('ideas').toJSON()).map(([id, n]) => ({ id, ...(n as object) })) as PageNote[];
  });

export const clustersOn = (page: Page) =>
  page.evaluate(() => {
    const tl = (window as unknown as { __throughline: Hook }).__throughline;
    return Object.entries(tl.doc.getMap('clusters').toJSON()).map(([id, c]) => ({ id, ...(c as object) })) as PageCluster[];
  });

/** Opens the board as `token` in a fresh browser profile, at `viewport`. */
export async function openBoard(
  browser: Browser,
  url: string,
  sessionId: string,
  token: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const { page } = await newPerson(browser, url, viewport);
  await page.goto(`${url}/s/${sessionId}?test=1#token=${token}`);
  await page.getByTestId('board-canvas').waitFor();
  await waitInPage(page, () => (window as unknown as { __throughline?: unknown }).__throughline !== undefined);
  return page;
}

/** Two notes (180×120) overlap when their rectangles intersect. */
export function overlapping(notes: readonly { id: string; x: number; y: number }[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < notes.length; i++)
    for (let j = i + 1; j < notes.length; j++) {
      const a = notes[i] as PageNote;
      const b = notes[j] as PageNote;
      if (Math.abs(a.x - b.x) < 180 && Math.abs(a.y - b.y) < 120) out.push([a.id, b.id]);
    }
  return out;
}

/** The page point of a board point on this page. */
export function boardToPage(page: Page, p: { x: number; y: number }) {
  return page.evaluate((pt) => {
    const tl = (window as unknown as { __throughline: Hook }).__throughline;
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    if (!canvas) throw new Error('no board');
    const vp = tl.editor.viewport.get();
    const r = canvas.getBoundingClientRect();
    return { x: r.left + pt.x * vp.scale + vp.x, y: r.top + pt.y * vp.scale + vp.y };
  }, p);
}

/** Focuses the canvas (as a click on empty space would) so board keys and paste go to it. */
export async function focusCanvas(page: Page) {
  await page.getByTestId('board-canvas').focus();
}
