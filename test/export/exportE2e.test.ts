import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requireBuiltClient } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/startServer.ts';
import { HOSTILE_IDEA, plannedSession, startExportServer } from './exportServer.ts';
import { parseCsv } from './parseCsv.ts';
import { renderPdfPagePng, renderPdfPages } from './pdfPages.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/export');

let server: TestServer;
let browser: Browser;
let receiver: Server;
const hits: { body: string; event: string }[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltClient();
  mkdirSync(SHOTS, { recursive: true });
  server = await startExportServer();
  browser = await launchBrowser();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ body, event: String(req.headers['x-throughline-event']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => (receiver ? receiver.close(r) : r(null)));
  await server?.close();
});

async function openExportTab(sessionId: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.url}/s/${sessionId}?test=1#token=${token}`);
  await page.getByTestId('phase-banner').waitFor();
  await page
    .getByRole('tab', { name: 'Export', exact: true })
    .or(page.getByRole('button', { name: 'Export', exact: true }))
    .first()
    .click();
  await page.getByTestId('export-panel').waitFor();
  return page;
}

/** Clicks a control that downloads, and returns the file's suggested name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
const today = () => new Date().toISOString().slice(0, 10);

describe('exporting from the Export panel in Chromium', () => {
  it('downloads every format and the board as PNG, then finalises to a webhook', async () => {
    const s = await plannedSession(server, { title: 'Export e2e' });
    const page = await openExportTab(s.sessionId, s.fac);

    const md = await download(page, 'export-md');
    expect(md.name).toBe(`Export e2e - ${today()}.md`);
    expect(md.bytes.toString('utf8')).toContain('## Brief');
    const csv = await download(page, 'export-csv');
    expect(parseCsv(csv.bytes.toString('utf8'))[1]?.[0]).toBe('Draft the webinar outline, v1');
    const excel = await download(page, 'export-csv-excel');
    expect(excel.name).toBe(`Export e2e - ${today()} - excel.csv`);
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.bytes.subarray(3).equals(csv.bytes)).toBe(true);
    const json = await download(page, 'export-json');
    expect(JSON.parse(json.bytes.toString('utf8')).initiatives[0].ideas[0].text).toBe(HOSTILE_IDEA);
    const ics = await download(page, 'export-ics');
    expect(ics.bytes.toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const pdf = await download(page, 'export-pdf');
    expect(pdf.name).toBe(`Export e2e - ${today()}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Page 1 as a reviewer sees it (test-results/export/plan-page1.png): A4 at 100 dpi, with ink on it.
    const page1 = renderPdfPagePng(pdf.bytes, 1, join(SHOTS, 'plan-page1.png'));
    expect(pngSize(page1)).toEqual({ width: 827, height: 1170 });
    expect(renderPdfPages(pdf.bytes)[0]?.ink).toBeGreaterThan(0.005);

    const board = await download(page, 'export-png-board');
    expect(board.name).toBe(`Export e2e - board - ${today()}.png`);
    expect(board.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // One note plus the margin, at twice the board's resolution.
    expect(pngSize(board.bytes)).toEqual({ width: (180 + 80) * 2, height: (120 + 80) * 2 });
    writeFileSync(join(SHOTS, 'board.png'), board.bytes);
    const view = await download(page, 'export-png-view');
    expect(view.name).toBe(`Export e2e - view - ${today()}.png`);
    expect(pngSize(view.bytes).width).toBeGreaterThan(200);

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/abc/secret`;
    await page.getByTestId('webhook-url').fill(url);
    await page.getByTestId('webhook-save').click();
    await expect.poll(() => page.getByTestId('webhook-secret').textContent()).toMatch(/whsec_/);
    // Rotating shows a different secret, once; the delivery below is signed with it.
    const firstSecret = await page.getByTestId('webhook-secret').textContent();
    await page.getByTestId('webhook-rotate').click();
    await expect.poll(() => page.getByTestId('webhook-secret').textContent()).not.toBe(firstSecret);
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/whsec_/);
    await page.getByTestId('finalise-plan').click();
    await expect.poll(() => page.getByTestId('delivery-state').first().textContent(), { timeout: 10_000 }).toBe('delivered');
    expect(hits.map((h) => h.event)).toEqual(['plan.finalised']);
    expect(JSON.parse(hits[0]?.body ?? '{}').finalised.revision).toBe(1);
    await expect.poll(() => page.getByTestId('finalisation').textContent()).toMatch(/^Revision 1 finalised/);
    await page.screenshot({ path: join(SHOTS, 'export-panel-facilitator.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('export-csv').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'export-panel-facilitator-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('export-csv').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'export-panel-facilitator-390.png') });

    // A viewer downloads too, sees the delivery log, but not the webhook settings.
    const viewer = await openExportTab(s.sessionId, s.vic.token);
    const viewerCsv = await download(viewer, 'export-csv');
    expect(viewerCsv.bytes.equals(csv.bytes)).toBe(true);
    await expect.poll(() => viewer.getByTestId('delivery-state').first().textContent()).toBe('delivered');
    expect(await viewer.getByTestId('export-webhook').count()).toBe(0);
    expect(await viewer.content()).not.toContain('/hooks/abc/secret');
    await viewer.screenshot({ path: join(SHOTS, 'export-panel-viewer.png') });
  });
});
