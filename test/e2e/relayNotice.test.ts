import { mkdirSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createSession } from '../helpers/api.ts';
import { launchBrowser, newPerson, requireBuiltClient } from '../helpers/browser.ts';
import { type Service, startPostgres, startRedis } from '../helpers/services.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/relay');

let pg: Service;
let redis: Service;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(SHOTS, { recursive: true });
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  server = await startServer({ databaseUrl: pg.url, redisUrl: redis.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all([pg?.stop(), redis?.stop()]);
});

describe('a Redis outage in the browser', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`shows a notice in the header while live relay is down, and removes it when Redis returns (${viewport.width} px)`, async () => {
      const s = await createSession(server.url);
      const { context, page } = await newPerson(browser, server.url, viewport);
      try {
        await page.goto(`${server.url}/s/${s.sessionId}?test=1#token=${s.facilitatorToken}`);
        await page.getByTestId('phase-banner').waitFor();
        await page.getByTestId('relay-notice').waitFor({ state: 'detached' });
        await redis.down();
        await page.getByTestId('relay-notice').waitFor({ timeout: 20_000 });
        await page.screenshot({ path: joinPath(SHOTS, `notice-${viewport.width}.png`) });
        await redis.up();
        await page.getByTestId('relay-notice').waitFor({ state: 'detached', timeout: 20_000 });
      } finally {
        await context.close();
      }
    });
  }
});
