import { mkdirSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import { insertIdea } from '@throughline/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { command, createSession, join } from '../helpers/api.ts';
import { newPerson } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { connectDoc, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/csp');

const suite = browserSuite();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

interface Watched {
  page: Page;
  /** CSP violations the page reported (`securitypolicyviolation`) and console errors. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh browser profile that records every CSP violation and console error, from the first script on. */
async function watchedPage(viewport?: { width: number; height: number }): Promise<Watched> {
  const { context, page } = await newPerson(suite.browser, suite.server.url, viewport);
  const problems: string[] = [];
  await page.exposeFunction('__reportCsp', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems, close: () => context.close() };
}

/**
 * Opens every sidebar tab the page shows, each panel's lazily loaded code included, and waits until the panel is
 * in (no "Loading…" left). Returns the tab names.
 */
async function openEveryTab(page: Page, shot: (name: string) => Promise<unknown>): Promise<string[]> {
  const tabs = page.getByRole('tablist', { name: 'Sidebar panels' }).getByRole('tab');
  const names = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const sidebar = page.getByRole('complementary', { name: 'Sidebar', exact: true });
  for (const name of names) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    await sidebar.getByTestId('panel-loading').waitFor({ state: 'detached' });
    expect(await sidebar.getByText('This panel could not be loaded').count(), name).toBe(0);
    await shot(name);
  }
  return names;
}

describe('security headers with the built client in Chromium', () => {
  it('serves every page with CSP, nosniff, frame-ancestors and referrer policy', async () => {
    const res = await fetch(`${suite.server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // The API and the SPA's deep links carry them too.
    for (const path of ['/api/health/live', '/s/ses_abcdefgh', '/api/nope']) {
      const r = await fetch(`${suite.server.url}${path}`);
      expect(r.headers.get('content-security-policy'), path).toBe(csp);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`start, join and board pages, and every sidebar panel in every phase, run under the CSP without a violation (${viewport.width} px)`, async () => {
      const w = await watchedPage(viewport);
      const tag = String(viewport.width);
      try {
        // Start page, and creating a session from it.
        await w.page.goto(`${suite.server.url}/`);
        await w.page.locator('#field-objective').waitFor();
        await w.page.screenshot({ path: joinPath(SHOTS, `start-${tag}.png`) });

        // Join page.
        const s = await createSession(suite.server.url);
        await w.page.goto(`${suite.server.url}/join/${s.sessionId}#invite=${s.invites.participant}`);
        await w.page.getByRole('button', { name: /join/i }).first().waitFor();
        await w.page.screenshot({ path: joinPath(SHOTS, `join-${tag}.png`) });

        // Board with a note on it (canvas, cursors, sockets).
        const peer = connectDoc(suite.server.wsUrl, s.sessionId, 'board', s.facilitatorToken);
        await waitSynced(peer);
        insertIdea(peer.doc, sampleIdea({ ...peer.author, id: 'idea:csp' as never, text: 'Runs under the policy', x: 80, y: 120 }));
        const pat = await join(suite.server.url, s.sessionId, s.invites.participant, 'Pat');
        await w.page.goto(`${suite.server.url}/s/${s.sessionId}?test=1#token=${pat.token}`);
        await w.page.getByTestId('phase-banner').waitFor();
        await w.page.screenshot({ path: joinPath(SHOTS, `board-${tag}.png`) });
        peer.destroy();

        // Every sidebar panel (each downloads its code on first use) in every phase it shows in.
        const opened = new Set<string>();
        const shot = (phase: string) => (name: string) =>
          w.page.screenshot({ path: joinPath(SHOTS, `board-${phase}-${name.replace(/\W+/g, '').toLowerCase()}-${tag}.png`) });
        for (const name of await openEveryTab(w.page, shot('explore'))) opened.add(name);
        for (const [phase, tab] of [
          ['select', 'Select'],
          ['plan', 'Plan'],
          ['review', 'Review'],
        ] as const) {
          const moved = await command(suite.server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase });
          expect(moved.status, JSON.stringify(moved.body)).toBe(200);
          // The phase's own tab appears once the page has the new phase.
          await w.page.getByRole('tab', { name: tab, exact: true }).waitFor();
          for (const name of await openEveryTab(w.page, shot(phase))) opened.add(name);
        }
        expect([...opened].sort()).toEqual(
          ['People', 'Workshop', 'AI ideas', 'Select', 'Plan', 'Review', 'Export', 'Comments', "What's new", 'Schedule'].sort(),
        );

        expect(w.problems).toEqual([]);
      } finally {
        await w.close();
      }
    });
  }
});
