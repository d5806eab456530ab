import { mkdirSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createSession, join } from '../helpers/api.ts';
import { newPerson } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { startServer } from '../helpers/startServer.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/throttled');

// A small budget, so a few hundred changes are "too much"; the back-off is the production one (2 s, doubling).
const t = browserSuite(() =>
  startServer({
    writeBudget: {
      participant: { structsPerSecond: 200, structBurst: 1_000, bytesPerSecond: 1024 * 1024, byteBurst: 4 * 1024 * 1024 },
      session: { structsPerSecond: 20_000, structBurst: 100_000, bytesPerSecond: 2 * 1024 * 1024, byteBurst: 12 * 1024 * 1024 },
      backoffMs: 2_000,
      maxBackoffMs: 60_000,
      forgetAfterMs: 300_000,
    },
  }),
);
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

describe('a browser that sends too much', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`says it is sending too much and when it reconnects, then saves what it kept (${viewport.width} px)`, async () => {
      const s = await createSession(t.server.url);
      const pat = await join(t.server.url, s.sessionId, s.invites.participant, 'Pat');
      const { context, page } = await newPerson(t.browser, t.server.url, viewport);
      try {
        await page.goto(`${t.server.url}/s/${s.sessionId}?test=1#token=${pat.token}`);
        await page.getByTestId('phase-banner').waitFor();
        await page
          .locator('[data-testid="save-status"][data-state="saved"], [data-testid="save-status"][data-state="live"]')
          .first()
          .waitFor();
        // 130 notes of six values (780 structs) in one transaction fit the burst of 1,000; 100 more (600) do not until the budget refills.
        await page.evaluate(
          ({ authorId }) => {
            const doc = (window as unknown as { __throughline: { doc: Y.Doc } }).__throughline.doc;
            const ideas = doc.getMap('ideas');
            const YMap = ideas.constructor as new () => Y.Map<unknown>;
            const notes = (prefix: string, count: number) =>
              doc.transact(() => {
                for (let i = 0; i < count; i++) {
                  const note = new YMap();
                  ideas.set(`idea:${prefix}${i}`, note);
                  for (const [k, v] of Object.entries({ authorId, authorName: 'Pat', text: `${prefix}${i}`, x: i * 10, y: 0 }))
                    note.set(k, v);
                }
              });
            notes('a', 130);
            notes('b', 100);
          },
          { authorId: pat.participantId },
        );
        const status = page.getByTestId('save-status');
        await page.locator('[data-testid="save-status"][data-state="throttled"]').waitFor();
        expect(await status.textContent()).toMatch(/^You're sending too much: reconnecting in \d+ s/);
        await page.screenshot({ path: joinPath(SHOTS, `throttled-${viewport.width}.png`) });
        await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
      } finally {
        await context.close();
      }
    });
  }
});
