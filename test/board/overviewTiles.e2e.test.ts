import { createIdeaId, ideasMap, insertIdea, patchIdea, personIdea } from '@throughline/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.ts';
import { newPerson, waitInPage } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { connectDoc, sleep, waitSynced } from '../helpers/connectDoc.ts';

/**
 * Zoomed far out, the board draws notes as tiles and keeps the still ones in
 * a cached bitmap (client/src/canvas/OverviewNotes.tsx). What a person must
 * see: a note another person moves, deletes or adds shows where it is now,
 * and leaves no ghost where it was.
 */
describe('the zoomed-out board in Chromium', () => {
  const suite = browserSuite();
  const YELLOW = '#fff3bf';
  const BLUE = '#d0ebff';
  const CAMERA = { x: 400, y: 300, scale: 0.1 };

  /** The RGBA of the notes layer at a board point (centre of a tile there). */
  const tileAt = (page: Page, p: { x: number; y: number }) =>
    page.evaluate(
      ({ p, cam }) => {
        const layers = document.querySelectorAll('[data-testid="board-canvas"] canvas');
        const notes = layers[1] as HTMLCanvasElement;
        const ratio = notes.width / notes.clientWidth;
        const px = Math.round((cam.x + (p.x + 90) * cam.scale) * ratio);
        const py = Math.round((cam.y + (p.y + 60) * cam.scale) * ratio);
        const d = (notes.getContext('2d') as CanvasRenderingContext2D).getImageData(px, py, 1, 1).data;
        const hex = (n: number) => n.toString(16).padStart(2, '0');
        return d[3] === 0 ? 'empty' : `#${hex(d[0] as number)}${hex(d[1] as number)}${hex(d[2] as number)}`;
      },
      { p, cam: CAMERA },
    );

  it('a note another person moves, deletes or adds is drawn where it is, with no ghost where it was', async () => {
    const s = await createSession(suite.server.url);
    const peer = connectDoc(suite.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    try {
      await waitSynced(peer);
      const author = { id: s.participantId, name: 'Facilitator' };
      const ids: string[] = [];
      peer.doc.transact(() => {
        for (let i = 0; i < 300; i++) {
          const id = createIdeaId();
          ids.push(id);
          insertIdea(
            peer.doc,
            personIdea({
              id,
              text: `Idea ${i}`,
              x: (i % 20) * 200,
              y: Math.floor(i / 20) * 140,
              color: i === 0 ? BLUE : YELLOW,
              author,
              createdAt: i,
            }),
          );
        }
      });
      const [moved, deleted] = ids as [string, string];

      const { page } = await newPerson(suite.browser, suite.server.url);
      await page.addInitScript(
        ({ sessionId, camera }) => localStorage.setItem(`throughline:viewport:${sessionId}`, JSON.stringify(camera)),
        { sessionId: s.sessionId, camera: CAMERA },
      );
      await page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`);
      await waitInPage(
        page,
        () =>
          (window as unknown as { __throughline?: { editor: { store: { canvasIdeas: unknown[] } } } }).__throughline?.editor.store
            .canvasIdeas.length === 300,
      );
      await expect.poll(() => tileAt(page, { x: 0, y: 0 })).toBe(BLUE);
      await expect.poll(() => tileAt(page, { x: 200, y: 0 })).toBe(YELLOW);

      // A drag in steps, one per frame, from the grid's corner to open board on its left.
      for (let step = 1; step <= 20; step++) {
        peer.doc.transact(() => patchIdea(peer.doc, moved, { x: -100 * step, y: 300 }));
        await sleep(16);
      }
      await expect.poll(() => tileAt(page, { x: -2000, y: 300 })).toBe(BLUE);
      expect(await tileAt(page, { x: 0, y: 0 })).toBe('empty');
      expect(await tileAt(page, { x: -1000, y: 300 })).toBe('empty');

      // Still for a while, then another change bakes the moved note into the bitmap: it stays put.
      await sleep(1200);
      peer.doc.transact(() => ideasMap(peer.doc).delete(deleted));
      await expect.poll(() => tileAt(page, { x: 200, y: 0 })).toBe('empty');
      expect(await tileAt(page, { x: -2000, y: 300 })).toBe(BLUE);

      const added = createIdeaId();
      peer.doc.transact(() =>
        insertIdea(peer.doc, personIdea({ id: added, text: 'New', x: 200, y: 0, color: BLUE, author, createdAt: 999 })),
      );
      await expect.poll(() => tileAt(page, { x: 200, y: 0 })).toBe(BLUE);
      await page.context().close();
    } finally {
      peer.destroy();
    }
  });
});
