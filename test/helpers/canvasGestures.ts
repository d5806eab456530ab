import type { Page } from 'playwright-core';

/** A point on the board canvas as fractions (0–1) of its width and height, in page pixels. */
export async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Writes a new note the way a person does: double-click empty canvas at (fx, fy), type, and close the editor. */
export async function writeNoteAt(page: Page, fx: number, fy: number, text: string) {
  const spot = await canvasPoint(page, fx, fy);
  await page.mouse.dblclick(spot.x, spot.y);
  await page.getByTestId('note-editor').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}
