import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.ts';
import { newPerson, waitInPage } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { canvasPoint, writeNoteAt } from '../helpers/canvasGestures.ts';

/**
 * The board end to end, in real Chromium against a real server: a
 * facilitator creates a session, a participant joins, both edit live, a
 * viewer cannot edit, a reload keeps everything, and edits made offline
 * merge when the participant comes back.
 */

interface NoteView {
  id: string;
  text: string;
  x: number;
  y: number;
  authorName: string;
}

interface ClusterView {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Only what these tests read from the `?test=1` hook. */
interface TestHook {
  editor: {
    store: {
      canvasIdeas: (NoteView & { clusterId: string | null })[];
      ideas: Map<string, NoteView>;
      orderedClusters: ClusterView[];
    };
    viewport: { get(): { x: number; y: number; scale: number } };
    presence: { peers: { name: string; cursor: { x: number; y: number } | null }[]; editors: Map<string, { name: string }> };
    ui: { get(): { selection: Set<string> } };
  };
}
declare global {
  interface Window {
    __throughline?: TestHook;
  }
}

const RESULTS = resolve(import.meta.dirname, '../../test-results');

const notesOf = (page: Page) =>
  page.evaluate(() =>
    (window.__throughline?.editor.store.canvasIdeas ?? [])
      .map((n) => ({ id: n.id, text: n.text, x: n.x, y: n.y, authorName: n.authorName }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );

/** Waits until the page's board has a note matching `pred` (checked in the page, so no fixed sleeps). */
async function waitForNote(page: Page, pred: string): Promise<NoteView> {
  return waitInPage(
    page,
    new Function(`return (window.__throughline?.editor.store.canvasIdeas ?? []).find((n) => ${pred}) ?? null;`) as () => NoteView,
  );
}

/** The screen point (page coordinates) of a note's centre on this page. */
function noteCenterOnScreen(page: Page, id: string) {
  return page.evaluate((noteId) => {
    const t = window.__throughline;
    const n = t?.editor.store.ideas.get(noteId);
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    if (!t || !n || !canvas) throw new Error('note or canvas missing');
    const vp = t.editor.viewport.get();
    const r = canvas.getBoundingClientRect();
    return { x: r.left + (n.x + 90) * vp.scale + vp.x, y: r.top + (n.y + 60) * vp.scale + vp.y };
  }, id);
}

/** Converts a board point to a page point on this page. */
function boardToPage(page: Page, p: { x: number; y: number }) {
  return page.evaluate((pt) => {
    const t = window.__throughline;
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    if (!t || !canvas) throw new Error('no board');
    const vp = t.editor.viewport.get();
    const r = canvas.getBoundingClientRect();
    return { x: r.left + pt.x * vp.scale + vp.x, y: r.top + pt.y * vp.scale + vp.y };
  }, p);
}

const saved = (page: Page) =>
  page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved$/ })
    .waitFor();

describe('the board in Chromium', () => {
  const suite = browserSuite();
  beforeAll(() => {
    mkdirSync(RESULTS, { recursive: true });
  });

  it('two people brainstorm live; a viewer watches; reloads and offline edits keep everything', async () => {
    // A: the facilitator creates a session on the start page.
    const a = await newPerson(suite.browser, suite.server.url);
    await a.page.goto(`${suite.server.url}/?test=1`);
    await a.page.getByLabel('Your name').fill('Ada');
    await a.page.locator('#field-objective').fill('grow awareness');
    // The brief check speaks up while typing…
    await a.page.locator('[data-warning="objective-vague"]').waitFor();
    await a.page.locator('#field-objective').fill('Win consideration among enterprise buyers who need governance');
    // …and takes its warning back once the objective is a real choice.
    await a.page.locator('[data-warning="objective-vague"]').waitFor({ state: 'detached' });
    await a.page.locator('#field-audience').fill('IT leads at 500+ person companies');
    await a.page.getByLabel('Constraint 1', { exact: true }).fill('No paid media before Q3');
    await a.page.getByLabel('Criterion 1 name', { exact: true }).fill('Strategic fit');
    await a.page.getByRole('button', { name: 'Create session' }).click();
    await a.page.getByText('Your session is ready').waitFor();

    // A copies the participant link.
    const participantLink = await a.page.locator('#link-participant').inputValue();
    const viewerLink = await a.page.locator('#link-viewer').inputValue();
    const facilitatorLink = await a.page.locator('#link-facilitator').inputValue();
    expect(participantLink).toMatch(/\/join\/ses_[0-9a-z]+#invite=/);
    await a.page.locator('.link-row', { hasText: 'Participant link' }).getByRole('button', { name: 'Copy' }).click();
    await a.page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(participantLink);

    await a.page.getByTestId('open-board').click();
    await a.page.getByTestId('board-canvas').waitFor();
    await a.page.getByTestId('brief-panel').getByText('IT leads at 500+ person companies').waitFor();

    // B joins with the participant link.
    const b = await newPerson(suite.browser, suite.server.url);
    const [path, hash] = participantLink.replace(suite.server.url, '').split('#');
    await b.page.goto(`${suite.server.url}${path}?test=1#${hash}`);
    await b.page.getByLabel('Your name').fill('Bea');
    await b.page.getByRole('button', { name: 'Join' }).click();
    await b.page.getByTestId('board-canvas').waitFor();
    // Both see each other in the participant list.
    await a.page.getByTestId('participants').getByText('Bea').waitFor();
    await b.page.getByTestId('participants').getByText('Ada', { exact: true }).waitFor();

    // A adds a note by double-clicking empty space and typing; B sees it.
    await writeNoteAt(a.page, 0.45, 0.4, 'Governance checklist for IT leads');
    await saved(a.page);
    const onB = await waitForNote(b.page, `n.text === 'Governance checklist for IT leads'`);
    expect(onB.authorName).toBe('Ada');

    // B drags it somewhere else; A sees it move.
    const from = await noteCenterOnScreen(b.page, onB.id);
    await b.page.mouse.move(from.x, from.y);
    await b.page.mouse.down();
    await b.page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await b.page.mouse.move(from.x + 200, from.y + 120, { steps: 10 });
    await b.page.mouse.up();
    // The note lands exactly where the pointer let go of it (the store catches up within a frame).
    const movedOnB = await waitForNote(b.page, `n.id === '${onB.id}' && n.x === ${onB.x + 200} && n.y === ${onB.y + 120}`);
    await waitForNote(a.page, `n.id === '${onB.id}' && n.x === ${movedOnB?.x} && n.y === ${movedOnB?.y}`);

    // B edits its text; A sees the edit.
    const moved = await noteCenterOnScreen(b.page, onB.id);
    await b.page.mouse.dblclick(moved.x, moved.y);
    const editorBox = b.page.getByTestId('note-editor');
    await editorBox.waitFor();
    await editorBox.fill('Governance checklist for IT leads\nwith a 5-minute setup');
    await b.page.keyboard.press('Escape');
    await waitForNote(a.page, `n.id === '${onB.id}' && n.text.endsWith('with a 5-minute setup')`);

    // B's cursor appears on A's board, with B's name.
    const hover = await canvasPoint(b.page, 0.7, 0.3);
    await b.page.mouse.move(hover.x, hover.y, { steps: 3 });
    const peer = await waitInPage(
      a.page,
      () => window.__throughline?.editor.presence.peers.find((p) => p.name === 'Bea' && p.cursor) ?? null,
    );
    expect(peer.cursor).not.toBeNull();

    // A viewer can look but not edit, and is told so.
    const c = await newPerson(suite.browser, suite.server.url);
    const [vpath, vhash] = viewerLink.replace(suite.server.url, '').split('#');
    await c.page.goto(`${suite.server.url}${vpath}?test=1#${vhash}`);
    await c.page.getByLabel('Your name').fill('Cy');
    await c.page.getByRole('button', { name: 'Join' }).click();
    await c.page.getByTestId('board-canvas').waitFor();
    await waitForNote(c.page, `n.id === '${onB.id}' && n.text.endsWith('with a 5-minute setup')`);
    await expect(c.page.getByTestId('phase-banner').textContent()).resolves.toMatch(/read-only/i);
    expect(await c.page.getByRole('toolbar', { name: 'Board tools' }).count()).toBe(0);
    const before = (await notesOf(c.page)).length;
    const empty = await canvasPoint(c.page, 0.8, 0.8);
    await c.page.mouse.dblclick(empty.x, empty.y);
    await c.page.keyboard.press('n');
    const target = await noteCenterOnScreen(c.page, onB.id);
    await c.page.mouse.click(target.x, target.y);
    await c.page.keyboard.press('Delete');
    expect(await c.page.getByTestId('note-editor').count()).toBe(0);
    expect((await notesOf(c.page)).length).toBe(before);
    expect((await notesOf(a.page)).some((n) => n.authorName === 'Cy')).toBe(false);

    // A reloads: everything is still there, and saved.
    const beforeReload = await notesOf(a.page);
    await a.page.reload();
    await a.page.getByTestId('board-canvas').waitFor();
    await waitForNote(a.page, `n.id === '${onB.id}' && n.text.endsWith('with a 5-minute setup')`);
    expect(await notesOf(a.page)).toEqual(beforeReload);
    await saved(a.page);

    // B goes offline, keeps working, and comes back: both boards converge.
    await b.context.setOffline(true);
    await b.page
      .getByTestId('save-status')
      .filter({ hasText: /^Offline/ })
      .waitFor();
    await b.page.getByTestId('board-canvas').focus();
    await b.page.keyboard.press('Escape');
    await b.page.keyboard.press('n');
    await b.page.getByTestId('note-editor').waitFor();
    await b.page.keyboard.type('Written on the train');
    await b.page.keyboard.press('Escape');
    await b.page.getByTestId('save-status').filter({ hasText: 'kept on this device' }).waitFor();
    // Meanwhile A keeps editing too.
    await writeNoteAt(a.page, 0.3, 0.75, 'Partner-led pilots');
    await saved(a.page);
    expect((await notesOf(b.page)).some((n) => n.text === 'Partner-led pilots')).toBe(false);

    await b.context.setOffline(false);
    await waitForNote(a.page, `n.text === 'Written on the train' && n.authorName === 'Bea'`);
    await waitForNote(b.page, `n.text === 'Partner-led pilots'`);
    await saved(b.page);
    expect(await notesOf(b.page)).toEqual(await notesOf(a.page));
    expect((await notesOf(a.page)).length).toBe(3);

    // A look at the board as A sees it, with B's cursor on it.
    const again = await canvasPoint(b.page, 0.6, 0.55);
    await b.page.mouse.move(again.x, again.y, { steps: 3 });
    await waitInPage(a.page, () => window.__throughline?.editor.presence.peers.find((p) => p.name === 'Bea' && p.cursor) ?? null);
    await a.page.screenshot({ path: resolve(RESULTS, 'board-e2e.png') });
    await c.page.screenshot({ path: resolve(RESULTS, 'board-e2e-viewer.png') });

    // The facilitator moves on to selection: the board freezes for everyone, and says so.
    const [, sessionId, token] = /\/s\/(ses_[0-9a-z]+)#token=(.+)$/.exec(facilitatorLink) ?? [];
    const res = await fetch(`${suite.server.url}/api/sessions/${sessionId}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'setPhase', phase: 'select' }),
    });
    expect(res.status).toBe(200);
    for (const page of [a.page, b.page]) {
      await page
        .getByTestId('phase-banner')
        .filter({ hasText: /frozen/ })
        .waitFor();
      expect(await page.getByRole('toolbar', { name: 'Board tools' }).count()).toBe(0);
    }
    const count = (await notesOf(b.page)).length;
    await b.page.getByTestId('board-canvas').focus();
    await b.page.keyboard.press('n');
    const frozenSpot = await canvasPoint(b.page, 0.85, 0.2);
    await b.page.mouse.dblclick(frozenSpot.x, frozenSpot.y);
    expect((await notesOf(b.page)).length).toBe(count);
    expect(await b.page.getByTestId('note-editor').count()).toBe(0);

    await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
  });

  it('clusters, box selection, moving several at once, editing markers and the list view', async () => {
    const session = await createSession(suite.server.url);
    const a = await newPerson(suite.browser, suite.server.url);
    await a.page.goto(`${suite.server.url}/s/${session.sessionId}?test=1#token=${session.facilitatorToken}`);
    await a.page.getByTestId('board-canvas').waitFor();

    const texts = ['Audit trail demo', 'Admin console tour', 'Partner pilots'];
    const spots = [
      [0.25, 0.3],
      [0.55, 0.35],
      [0.7, 0.8],
    ] as const;
    for (const [i, text] of texts.entries()) {
      const [fx, fy] = spots[i] as readonly [number, number];
      await writeNoteAt(a.page, fx, fy, text);
      await a.page.keyboard.press('Escape');
    }
    const notes = await waitInPage(a.page, () => {
      const all = window.__throughline?.editor.store.canvasIdeas ?? [];
      return ['Audit trail demo', 'Admin console tour', 'Partner pilots'].every((t) => all.some((n) => n.text === t)) ? all : null;
    });
    const [audit, admin, pilots] = texts.map((t) => notes.find((n) => n.text === t) as NoteView & { clusterId: string | null });
    if (!audit || !admin || !pilots) throw new Error('notes missing');

    // Shift+drag a box around the first two notes.
    const from = await boardToPage(a.page, { x: Math.min(audit.x, admin.x) - 30, y: Math.min(audit.y, admin.y) - 30 });
    const to = await boardToPage(a.page, { x: Math.max(audit.x, admin.x) + 200, y: Math.max(audit.y, admin.y) + 140 });
    await a.page.keyboard.down('Shift');
    await a.page.mouse.move(from.x, from.y);
    await a.page.mouse.down();
    await a.page.mouse.move(to.x, to.y, { steps: 8 });
    await a.page.mouse.up();
    await a.page.keyboard.up('Shift');
    expect(await a.page.evaluate(() => [...(window.__throughline?.editor.ui.get().selection ?? [])].sort())).toEqual(
      [audit.id, admin.id].sort(),
    );

    // F wraps them in a cluster and opens its title.
    await a.page.keyboard.press('f');
    const title = a.page.getByTestId('cluster-title-editor');
    await title.waitFor();
    await title.fill('Governance proof');
    await a.page.keyboard.press('Enter');
    const cluster = await waitInPage(
      a.page,
      () => window.__throughline?.editor.store.orderedClusters.find((c) => c.title === 'Governance proof') ?? null,
    );
    const members = () =>
      a.page.evaluate(() =>
        Object.fromEntries(
          (window.__throughline?.editor.store.canvasIdeas ?? []).map((n) => [n.text, { clusterId: n.clusterId, x: n.x, y: n.y }]),
        ),
      );
    let m = await members();
    expect(m['Audit trail demo']?.clusterId).toBe(cluster.id);
    expect(m['Admin console tour']?.clusterId).toBe(cluster.id);
    expect(m['Partner pilots']?.clusterId).toBeNull();

    // Dragging the cluster by its title strip carries both notes, and only them.
    const grip = await boardToPage(a.page, { x: cluster.x + 60, y: cluster.y + 20 });
    await a.page.mouse.move(grip.x, grip.y);
    await a.page.mouse.down();
    await a.page.mouse.move(grip.x + 40, grip.y + 20, { steps: 4 });
    await a.page.mouse.move(grip.x + 120, grip.y + 60, { steps: 6 });
    await a.page.mouse.up();
    const scale = await a.page.evaluate(() => window.__throughline?.editor.viewport.get().scale ?? 1);
    await waitForNote(a.page, `n.id === '${audit.id}' && Math.round((n.x - ${audit.x}) * ${scale}) === 120`);
    m = await members();
    expect(Math.round(((m['Admin console tour']?.y ?? 0) - admin.y) * scale)).toBe(60);
    expect(m['Partner pilots']).toMatchObject({ x: pilots.x, y: pilots.y });

    // Undo puts the move back in one step.
    await a.page.keyboard.press('Control+z');
    await waitForNote(a.page, `n.id === '${audit.id}' && n.x === ${audit.x} && n.y === ${audit.y}`);
    m = await members();
    expect(m['Audit trail demo']).toMatchObject({ x: audit.x, y: audit.y });

    // B joins and starts typing in the third note: A sees whose pen is on it.
    const bJoin = await join(suite.server.url, session.sessionId, session.invites.participant, 'Bo');
    const b = await newPerson(suite.browser, suite.server.url);
    await b.context.addInitScript(({ id, identity }) => sessionStorage.setItem(`throughline:identity:${id}`, JSON.stringify(identity)), {
      id: session.sessionId,
      identity: { ...bJoin, name: 'Bo' },
    });
    await b.page.goto(`${suite.server.url}/s/${session.sessionId}?test=1`);
    await b.page.getByTestId('board-canvas').waitFor();
    await waitForNote(b.page, `n.text === 'Partner pilots'`);
    const onB = await noteCenterOnScreen(b.page, pilots.id);
    await b.page.mouse.dblclick(onB.x, onB.y);
    await b.page.getByTestId('note-editor').waitFor();
    await b.page.keyboard.type(' with resellers');
    const editor = await waitInPage(
      a.page,
      () =>
        window.__throughline?.editor.presence.editors.get(
          window.__throughline.editor.store.canvasIdeas.find((n) => n.text.startsWith('Partner pilots'))?.id ?? '',
        ) ?? null,
    );
    expect(editor.name).toBe('Bo');
    await waitForNote(a.page, `n.text === 'Partner pilots with resellers'`);
    await a.page.screenshot({ path: resolve(RESULTS, 'board-e2e-cluster.png') });

    // The list view: grouped by cluster, searchable, arrow keys move between ideas.
    await a.page.getByTestId('board-canvas').focus();
    await a.page.keyboard.press('l');
    const list = a.page.getByTestId('idea-list');
    await list.waitFor();
    await list.getByRole('heading', { name: /Governance proof/ }).waitFor();
    await list.getByRole('heading', { name: /Not in a cluster/ }).waitFor();
    expect(await list.locator('[data-idea-item]').count()).toBe(3);
    await list.getByRole('searchbox', { name: 'Search ideas' }).fill('resellers');
    await list.getByText('1 of 3 ideas match').waitFor();
    await list.getByRole('searchbox', { name: 'Search ideas' }).fill('');
    const items = list.locator('[data-idea-item]');
    await items.first().focus();
    await a.page.keyboard.press('ArrowDown');
    const focusedId = await a.page.evaluate(() => document.activeElement?.getAttribute('data-idea-id'));
    // Focus moved to the next idea in the list, not merely away from the first.
    expect(focusedId).toBe(await items.nth(1).getAttribute('data-idea-id'));
    expect(focusedId).not.toBe(await items.first().getAttribute('data-idea-id'));
    await a.page.screenshot({ path: resolve(RESULTS, 'board-e2e-list.png') });
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('edits made while the server is unreachable survive a reload and merge when it is back', async () => {
    const session = await createSession(suite.server.url);
    const a = await newPerson(suite.browser, suite.server.url);
    await a.page.goto(`${suite.server.url}/s/${session.sessionId}?test=1#token=${session.facilitatorToken}`);
    await a.page.getByTestId('board-canvas').waitFor();
    await writeNoteAt(a.page, 0.4, 0.4, 'Shared before the outage');
    await saved(a.page);

    // B's sockets pass through a switch the test controls; HTTP keeps working, as when only the sync server is down.
    const b = await newPerson(suite.browser, suite.server.url);
    let reachable = true;
    const open = new Set<WebSocketRoute>();
    await b.context.routeWebSocket(/\/sync\//, (ws) => {
      if (!reachable) {
        ws.close({ code: 1012, reason: 'unreachable' });
        return;
      }
      ws.connectToServer();
      open.add(ws);
    });
    const bJoin = await join(suite.server.url, session.sessionId, session.invites.participant, 'Bex');
    await b.context.addInitScript(({ id, identity }) => sessionStorage.setItem(`throughline:identity:${id}`, JSON.stringify(identity)), {
      id: session.sessionId,
      identity: { ...bJoin, name: 'Bex' },
    });
    await b.page.goto(`${suite.server.url}/s/${session.sessionId}?test=1`);
    await waitForNote(b.page, `n.text === 'Shared before the outage'`);
    await saved(b.page);

    reachable = false;
    await Promise.all([...open].map((ws) => ws.close({ code: 1012, reason: 'unreachable' })));
    open.clear();
    await b.page
      .getByTestId('save-status')
      .filter({ hasText: /Connecting|Reconnecting/ })
      .waitFor();
    await b.page.getByTestId('board-canvas').focus();
    await b.page.keyboard.press('n');
    await b.page.getByTestId('note-editor').waitFor();
    await b.page.keyboard.type('Written while the server was away');
    await b.page.keyboard.press('Escape');
    await b.page.getByTestId('save-status').filter({ hasText: 'kept on this device' }).waitFor();

    // A reload while the server is still unreachable: the note comes back from this browser's copy.
    await b.page.reload();
    await b.page.getByTestId('board-canvas').waitFor();
    await waitForNote(b.page, `n.text === 'Written while the server was away'`);
    expect(await b.page.getByTestId('save-status').textContent()).not.toBe('Saved');
    expect((await notesOf(a.page)).some((n) => n.text === 'Written while the server was away')).toBe(false);

    reachable = true;
    await waitForNote(a.page, `n.text === 'Written while the server was away' && n.authorName === 'Bex'`);
    await saved(b.page);
    expect(await notesOf(b.page)).toEqual(await notesOf(a.page));
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('bad and expired links get a page that says what is wrong', async () => {
    const { page, context } = await newPerson(suite.browser, suite.server.url);
    const created = (await (
      await fetch(`${suite.server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          brief: { objective: 'Win consideration among enterprise buyers who need governance', audience: 'IT leads' },
        }),
      })
    ).json()) as { sessionId: string };

    await page.goto(`${suite.server.url}/s/ses_doesnotexist0#token=whatever`);
    await page.locator('[data-error-kind="notFound"]').waitFor();

    await page.goto(`${suite.server.url}/s/${created.sessionId}#token=forged.token`);
    await page.locator('[data-error-kind="unauthorized"]').getByText('expired or is not valid').waitFor();

    await page.goto(`${suite.server.url}/join/${created.sessionId}`);
    await page.locator('[data-error-kind="badLink"]').waitFor();

    await page.goto(`${suite.server.url}/join/${created.sessionId}#invite=not-the-invite`);
    await page.getByLabel('Your name').fill('Dee');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('[data-error-kind="forbidden"]').waitFor();

    await page.goto(`${suite.server.url}/nowhere`);
    await page.getByText('There is no page here').waitFor();
    await context.close();
  });

  it("says so when the board's code cannot be downloaded, and opens the board on Try again", async () => {
    const { page, context } = await newPerson(suite.browser, suite.server.url);
    const session = await createSession(suite.server.url);
    const boardChunk = /\/assets\/BoardPage-[^/]+\.js$/;
    await page.route(boardChunk, (route) => route.abort('internetdisconnected'));
    await page.goto(`${suite.server.url}/s/${session.sessionId}?test=1#token=${session.facilitatorToken}`);
    await page.locator('[data-error-kind="network"]').getByText('The board could not be opened').waitFor();
    await page.unroute(boardChunk);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('board-canvas').waitFor();
    await context.close();
  });
});
