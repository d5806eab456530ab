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
        // 800 values in one transaction fit the burst of 1,000; 600 more do not until the budget refills.
        await page.evaluate(() => {
          const doc = (window as unknown as { __throughline: { doc: Y.Doc } }).__throughline.doc;
          const m = doc.getMap('scratch');
          doc.transact(() => {
            for (let i = 0; i < 800; i++) m.set(`a${i}`, i);
          });
          doc.transact(() => {
            for (let i = 0; i < 600; i++) m.set(`b${i}`, i);
          });
        });
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
