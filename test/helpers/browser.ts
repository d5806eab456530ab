import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Flags that work for the system Chromium in this environment (no sandbox, no GPU, no phoning home). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches the system Chromium through playwright-core (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh browser profile (its own storage, IndexedDB and clipboard permissions) as a separate person would have. */
export async function newPerson(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return { context, page };
}

/** Polls `fn` in the page until it returns a truthy value (no fixed sleeps). */
export async function waitInPage<T>(page: Page, fn: () => T, timeout = 10_000): Promise<NonNullable<T>> {
  const handle = await page.waitForFunction(fn, undefined, { timeout, polling: 50 });
  return (await handle.jsonValue()) as NonNullable<T>;
}

const CLIENT_INDEX = resolve(import.meta.dirname, '../../client/dist/index.html');

/** Browser suites need the built client (`pnpm test` builds it first); say so plainly instead of failing on a blank page. */
export function requireBuiltClient(): void {
  if (!existsSync(CLIENT_INDEX)) throw new Error('client/dist is missing: run `pnpm build` before the browser tests (`pnpm test` does).');
}
