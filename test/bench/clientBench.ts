import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createIdeaId, type Idea, ideasMap, insertIdea, NOTE_COLORS, patchIdea, personIdea } from '@throughline/shared';
import type { Browser, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { createSession, join } from '../helpers/api.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { connectDoc, waitFor } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { percentile } from './procStats.ts';

/**
 * Client benchmark: real Chromium against a real server, boards of 1,000 to
 * 10,000 notes. For each board and camera (the default fit-to-board view on
 * first open, and 100%), it measures time to first draw of the notes, and
 * frame times while panning (trackpad-style wheel events, one per frame)
 * and while a remote peer drags a visible note (one update per 16 ms).
 * Frame time is the interval between animation frames: ~16.7 ms is smooth.
 * Prints figures; asserts nothing.
 */

export interface ClientBenchOptions {
  sizes: number[];
  /** Seconds each measured interaction lasts. */
  seconds: number;
  viewport: { width: number; height: number };
}

export const CLIENT_BENCH_DEFAULTS: ClientBenchOptions = {
  sizes: [1_000, 5_000, 10_000],
  seconds: 2,
  viewport: { width: 1280, height: 800 },
};

export interface ClientBenchRow {
  notes: number;
  camera: 'fit' | '100%';
  firstDrawMs: number;
  /** From the board's big sync frame arriving in the page to the first draw of the notes. */
  drawAfterDocMs: number;
  /** Notes inside the visible area when the page settled. */
  onScreen: number;
  pan: { p50: number; p95: number; frames: number };
  remoteDrag: { p50: number; p95: number; frames: number; updatesSeen: number };
}

const COLUMNS = 100;
const SPACING = { x: 200, y: 140 };

/** A grid of notes, 100 per row, as a workshop board that grew large. */
function seedBoard(doc: Y.Doc, count: number, author: { id: string; name: string }): Idea['id'][] {
  const ids: Idea['id'][] = [];
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const id = createIdeaId();
      ids.push(id);
      insertIdea(
        doc,
        personIdea({
          id,
          text: `Idea ${i + 1}: ${['governance checklist', 'partner pilots', 'audit trail demo', 'admin console tour'][i % 4]}`,
          x: (i % COLUMNS) * SPACING.x,
          y: Math.floor(i / COLUMNS) * SPACING.y,
          color: NOTE_COLORS[i % NOTE_COLORS.length] as string,
          author,
          createdAt: i,
        }),
      );
    }
  });
  return ids;
}

/** Records animation-frame intervals in the page while `drive` runs (called once per frame, in the page). */
async function recordFrames(page: Page, seconds: number, drive: 'pan' | 'idle'): Promise<number[]> {
  return page.evaluate(
    ({ ms, mode }) =>
      new Promise<number[]>((done) => {
        const canvas = document.querySelector('[data-testid="board-canvas"]');
        const box = canvas?.getBoundingClientRect();
        const deltas: number[] = [];
        let last = 0;
        let start = 0;
        let step = 0;
        const frame = (t: number) => {
          if (!start) start = t;
          else deltas.push(t - last);
          last = t;
          if (mode === 'pan' && canvas && box) {
            // A trackpad two-finger scroll: small horizontal and vertical deltas, pixel mode.
            const dir = Math.floor(step++ / 60) % 2 === 0 ? 1 : -1;
            canvas.dispatchEvent(
              new WheelEvent('wheel', {
                deltaX: 14.5 * dir,
                deltaY: 6.5 * dir,
                deltaMode: 0,
                clientX: box.left + box.width / 2,
                clientY: box.top + box.height / 2,
                bubbles: true,
                cancelable: true,
              }),
            );
          }
          if (t - start < ms) requestAnimationFrame(frame);
          else done(deltas);
        };
        requestAnimationFrame(frame);
      }),
    { ms: seconds * 1000, mode: drive },
  );
}

/**
 * Writes the board into the server's room for it, as a server-side command
 * writes (one transaction, persisted and compacted), before the browser
 * opens it. Sending 10,000 notes over one socket meets the sync bounds and
 * takes minutes to persist on a loaded machine, which is not what this
 * bench measures.
 */
async function seedInRoom(server: TestServer, sessionId: string, count: number, author: { id: string; name: string }) {
  return server.app.rooms.with(sessionId, ['board'], async (room) => {
    let ids: Idea['id'][] = [];
    await room.appendOf(() => {
      ids = seedBoard(room.doc, count, author);
    });
    await room.compact();
    return ids;
  });
}

/**
 * With `BENCH_PROFILE=<dir>`, records a Chromium CPU profile of the page
 * until the returned function is called, written as `<dir>/<name>.cpuprofile`
 * (open it in Chrome DevTools → Performance). Without it, does nothing.
 */
async function profilePage(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}

function summarise(deltas: number[]) {
  const sorted = [...deltas].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), frames: deltas.length };
}

type Hooked = { __throughline: { editor: { viewport: { get(): object; set(v: object): void } } }; __benchCamera?: object };

async function measure(
  browser: Browser,
  server: TestServer,
  count: number,
  camera: 'fit' | '100%',
  opts: ClientBenchOptions,
): Promise<ClientBenchRow> {
  const session = await createSession(server.url);
  // Notes under the facilitator's own name, so the remote peer (the facilitator) may move them.
  const ids = await seedInRoom(server, session.sessionId, count, { id: session.participantId, name: 'Facilitator' });
  const remote = connectDoc(server.wsUrl, session.sessionId, 'board', session.facilitatorToken);
  try {
    await waitFor(() => remote.provider.synced, `the remote peer synced ${count} notes`, 120_000);
    if (ideasMap(remote.doc).size !== count) throw new Error(`the remote peer holds ${ideasMap(remote.doc).size} notes, expected ${count}`);
    const me = await join(server.url, session.sessionId, session.invites.participant, 'Viewer of the bench');

    const context = await browser.newContext({ viewport: opts.viewport });
    try {
      // tsx keeps function names with a `__name` helper that functions sent to the page would lack.
      await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
      await context.addInitScript(
        ({ sessionId, identity, camera }) => {
          sessionStorage.setItem(`throughline:identity:${sessionId}`, JSON.stringify(identity));
          if (camera === '100%') localStorage.setItem(`throughline:viewport:${sessionId}`, JSON.stringify({ x: 0, y: 0, scale: 1 }));
        },
        { sessionId: session.sessionId, identity: { ...me, name: 'Viewer of the bench' }, camera },
      );
      // Notes when the board document arrives: the first large frame on the board's socket.
      await context.addInitScript(() => {
        const Native = window.WebSocket;
        const w = window as unknown as { __benchDocArrived?: number };
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            if (!String(url).includes('/board')) return;
            this.addEventListener('message', (e: MessageEvent) => {
              const size = e.data instanceof ArrayBuffer ? e.data.byteLength : e.data instanceof Blob ? e.data.size : 0;
              if (w.__benchDocArrived === undefined && size > 10_000) w.__benchDocArrived = performance.now();
            });
          }
        } as typeof WebSocket;
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/s/${session.sessionId}?test=1`);
      const firstDrawMs = await page
        .waitForFunction(
          (n) => {
            const t = (
              window as unknown as {
                __throughline?: { marks: { firstNotesDraw: number | null }; editor: { store: { canvasIdeas: unknown[] } } };
              }
            ).__throughline;
            return t && t.editor.store.canvasIdeas.length === n && t.marks.firstNotesDraw !== null ? t.marks.firstNotesDraw : null;
          },
          count,
          { timeout: 120_000, polling: 20 },
        )
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(async (err) => {
          await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/client-bench-failure.png') });
          const state = await page.evaluate(() => {
            const t = (window as unknown as { __throughline?: { marks: unknown; editor: { store: { canvasIdeas: unknown[] } } } })
              .__throughline;
            return t ? { marks: t.marks, ideas: t.editor.store.canvasIdeas.length } : { hook: false, url: location.href };
          });
          throw new Error(`no first draw of ${count} notes: ${JSON.stringify(state)} (${err})`);
        });
      const docArrived = await page.evaluate(() => (window as unknown as { __benchDocArrived?: number }).__benchDocArrived ?? Number.NaN);
      // Settle: let the first-open camera placement and any late sync finish before timing frames.
      await recordFrames(page, 0.5, 'idle');
      await page.screenshot({
        path: resolve(import.meta.dirname, `../../test-results/client-bench-${count}-${camera === 'fit' ? 'fit' : '100'}.png`),
      });
      const onScreen = await page.evaluate(() => {
        const t = (
          window as unknown as {
            __throughline: {
              editor: {
                viewport: { get(): { x: number; y: number; scale: number } };
                viewSize: { width: number; height: number };
                store: { canvasIdeas: { x: number; y: number }[] };
              };
            };
          }
        ).__throughline.editor;
        const vp = t.viewport.get();
        const left = -vp.x / vp.scale;
        const top = -vp.y / vp.scale;
        const right = left + t.viewSize.width / vp.scale;
        const bottom = top + t.viewSize.height / vp.scale;
        return t.store.canvasIdeas.filter((n) => n.x + 180 > left && n.x < right && n.y + 120 > top && n.y < bottom).length;
      });

      await page.evaluate(() => {
        const w = window as unknown as Hooked;
        w.__benchCamera = w.__throughline.editor.viewport.get();
      });
      const stopPanProfile = await profilePage(page, `client-${count}-${camera === 'fit' ? 'fit' : '100'}-pan`);
      const pan = summarise(await recordFrames(page, opts.seconds, 'pan'));
      await stopPanProfile();

      // Put the camera back, then let the remote peer drag a note that is on screen.
      await page.evaluate(() => {
        const w = window as unknown as Hooked;
        if (w.__benchCamera) w.__throughline.editor.viewport.set(w.__benchCamera);
      });
      await recordFrames(page, 0.3, 'idle');
      const target = ids[2 * COLUMNS + 2] as string;
      const home = { x: 2 * SPACING.x, y: 2 * SPACING.y };
      let tick = 0;
      const timer = setInterval(() => {
        tick++;
        remote.doc.transact(() =>
          patchIdea(remote.doc, target, {
            x: home.x + Math.round(80 * Math.cos(tick / 10)),
            y: home.y + Math.round(50 * Math.sin(tick / 10)),
          }),
        );
      }, 16);
      const stopProfile = await profilePage(page, `client-${count}-${camera === 'fit' ? 'fit' : '100'}-remote-drag`);
      const dragFrames = await recordFrames(page, opts.seconds, 'idle');
      clearInterval(timer);
      await stopProfile();
      const updatesSeen = tick;
      return {
        notes: count,
        camera,
        firstDrawMs,
        drawAfterDocMs: firstDrawMs - docArrived,
        onScreen,
        pan,
        remoteDrag: { ...summarise(dragFrames), updatesSeen },
      };
    } finally {
      await context.close();
    }
  } finally {
    remote.destroy();
  }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function formatClientBench(rows: ClientBenchRow[]): string {
  const head = [
    'notes',
    'camera',
    'on screen',
    'first draw ms',
    'draw after doc ms',
    'pan p50 ms',
    'pan p95 ms',
    'remote drag p50 ms',
    'remote drag p95 ms',
    'frames (pan/drag)',
  ];
  const body = rows.map((r) => [
    r.notes.toLocaleString('en'),
    r.camera,
    r.onScreen.toLocaleString('en'),
    fmt(r.firstDrawMs),
    fmt(r.drawAfterDocMs),
    fmt(r.pan.p50),
    fmt(r.pan.p95),
    fmt(r.remoteDrag.p50),
    fmt(r.remoteDrag.p95),
    `${r.pan.frames}/${r.remoteDrag.frames}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
  return [
    'Client (Chromium, headless, 1280×800; frame = interval between animation frames, 16.7 ms is smooth)',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ].join('\n');
}

/**
 * The JavaScript a board link downloads before the board can draw: every
 * script response of a fresh page load of `/s/<id>`, gzipped here at the
 * default level (what a compressing proxy or CDN would serve).
 */
async function boardLinkJs(browser: Browser, server: TestServer): Promise<{ files: { name: string; raw: number; gzip: number }[] }> {
  const session = await createSession(server.url);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const scripts: Promise<{ name: string; raw: number; gzip: number }>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      scripts.push(
        r.body().then((b) => ({ name: new URL(r.url()).pathname.split('/').pop() ?? r.url(), raw: b.length, gzip: gzipSync(b).length })),
      );
    });
    await page.goto(`${server.url}/s/${session.sessionId}#token=${session.facilitatorToken}`);
    await page.locator('[data-testid="board-canvas"]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { files: await Promise.all(scripts) };
  } finally {
    await context.close();
  }
}

function formatBoardLinkJs(js: { files: { name: string; raw: number; gzip: number }[] }): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const total = js.files.reduce((a, f) => a + f.gzip, 0);
  return [
    `JS on a board link: ${kb(total)} gzipped in ${js.files.length} files (${js.files.map((f) => `${f.name} ${kb(f.gzip)} of ${kb(f.raw)}`).join(', ')})`,
  ].join('\n');
}

/** Entry point for `pnpm bench` (test/bench/run.ts). Builds the client first. */
export async function runClientBench(opts: Partial<ClientBenchOptions> = {}): Promise<string> {
  const o = { ...CLIENT_BENCH_DEFAULTS, ...opts };
  const envSizes = process.env.CLIENT_BENCH_SIZES;
  if (envSizes)
    o.sizes = envSizes
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  const root = resolve(import.meta.dirname, '../..');
  // The bench measures the client as it is now: build it from the sources every run.
  const build = spawnSync('pnpm', ['--filter', '@throughline/client', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('client build failed');
  // Boards are seeded through the store, so the server runs with its production sync bounds.
  const server = await startServer();
  const browser = await launchBrowser();
  const rows: ClientBenchRow[] = [];
  let js: Awaited<ReturnType<typeof boardLinkJs>>;
  try {
    js = await boardLinkJs(browser, server);
    for (const n of o.sizes) {
      for (const camera of ['fit', '100%'] as const) rows.push(await measure(browser, server, n, camera, o));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return `${formatClientBench(rows)}\n\n${formatBoardLinkJs(js)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runClientBench());
  process.exit(0);
}
