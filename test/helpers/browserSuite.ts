import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, requireBuiltClient } from './browser.ts';
import { startServer, type TestServer } from './startServer.ts';

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Gives a browser suite its server and Chromium: checks the client is
 * built, starts both before the suite and closes both after it. The fields
 * are filled in by `beforeAll`, so read them inside tests, not while the
 * suite is being defined.
 */
export function browserSuite(start: () => Promise<TestServer> = () => startServer()): BrowserSuite {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    requireBuiltClient();
    suite.server = await start();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
