import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { openBoard } from './boardPage.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/board');
const suite = browserSuite();

/**
 * The list view and the shortcuts dialog, whose styles live in the
 * stylesheet (decision 1060): on a 390×844 phone an idea's text keeps the
 * row (its author and buttons wrap under it) and the dialog fits the screen.
 */
describe('list view and keyboard shortcuts on a phone', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width} px an idea's text is readable and the shortcuts fit`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const { server, browser } = suite;
      const s = await createSession(server.url);
      const page = await openBoard(browser, server.url, s.sessionId, s.facilitatorToken, viewport);
      try {
        await page.getByRole('button', { name: 'List', exact: true }).click();
        await page.getByTestId('idea-list').waitFor();
        await page.getByPlaceholder('Add an idea…').fill('Governance checklist for pilots');
        await page.getByRole('button', { name: 'Add', exact: true }).click();
        const text = page.locator('.idea-item .text', { hasText: 'Governance checklist' });
        await text.waitFor();
        // One line of text, not a column of single letters squeezed by the buttons.
        const box = await text.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeLessThan(40);
        await page.screenshot({ path: resolve(SHOTS, `list-${viewport.width}.png`) });

        await page.getByRole('button', { name: 'Canvas', exact: true }).click();
        await page.keyboard.press('?');
        const dialog = page.getByTestId('help-overlay');
        await dialog.waitFor();
        // Nothing cut off at the right: every key is inside the dialog.
        const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const dialogBox = await dialog.boundingBox();
        for (const kbd of await dialog.locator('kbd').all()) {
          const k = await kbd.boundingBox();
          expect(k && dialogBox && k.x + k.width <= dialogBox.x + dialogBox.width).toBe(true);
        }
        await page.screenshot({ path: resolve(SHOTS, `help-${viewport.width}.png`) });
      } finally {
        await page.context().close();
      }
    }, 60_000);
  }
});
