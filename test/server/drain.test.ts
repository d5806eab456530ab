import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, insertIdea, readIdeas } from '@throughline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession } from '../helpers/api.ts';
import { connectDoc, isSaved, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { startFailoverProxy } from '../helpers/failoverProxy.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startPostgres } from '../helpers/services.ts';
import { descendants, isAlive, type ServerProcess, spawnPnpmStart, spawnServer } from '../helpers/spawnServer.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-drain-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track<T extends ServerProcess>(srv: T): T {
  cleanup.push(() => srv.stop('SIGKILL'));
  return srv;
}

function open(...args: Parameters<typeof connectDoc>): Peer {
  const p = connectDoc(...args);
  cleanup.push(() => p.destroy());
  return p;
}

/** Opens a raw socket and reports the HTTP status of a refused upgrade (or 101 when accepted). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((done) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      done(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      done(101);
      ws.terminate();
    });
    ws.on('error', () => done(0));
  });
}

/** Polls readiness until it answers 503 (the signal has been handled), and returns that answer. */
async function readinessTurns503(url: string): Promise<Response> {
  const start = Date.now();
  for (;;) {
    const res = await fetch(`${url}/api/health/ready`);
    if (res.status === 503 || Date.now() - start > 5000) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const note = (i: number) => sampleIdea({ id: `idea:d${i}` as never, text: `note ${i}` });

describe('stopping like production', () => {
  it('SIGTERM to `pnpm start` drains (503 readiness, no new sockets, grace, 1012) and leaves no process behind', async () => {
    const dir = tempDir();
    const srv = track(await spawnPnpmStart(dir, { THROUGHLINE_DRAIN_SECONDS: '3', THROUGHLINE_SECRET: 'drain-secret' }));
    const s = await createSession(srv.url);
    const peer = open(srv.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(peer);
    insertIdea(peer.doc, { ...note(1), ...peer.author });
    await waitFor(() => isSaved(peer), 'first note saved');
    expect((await fetch(`${srv.url}/api/health/ready`)).status).toBe(200);

    const pnpmPid = srv.child.pid as number;
    const tree = descendants(pnpmPid);
    expect(tree.length).toBeGreaterThan(0); // the node server under pnpm
    srv.child.kill('SIGTERM');

    const ready = await readinessTurns503(srv.url);
    expect(Number(ready.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await ready.json()).toMatchObject({ status: 'unready', draining: true });
    // No new sockets…
    expect(await upgradeStatus(`${srv.wsUrl}/sync/${s.sessionId}/board?token=${s.facilitatorToken}`)).toBe(503);
    // …while the open one keeps working through the grace period.
    insertIdea(peer.doc, { ...note(2), ...peer.author });
    await waitFor(() => isSaved(peer), 'second note saved during the grace period');
    expect(peer.closes).toEqual([]);

    await waitFor(() => peer.closes.some((c) => c.code === CloseCode.serviceRestart), 'close with 1012', 15_000);
    // pnpm waits for the server it forwarded the signal to, and exits as it did.
    expect(await srv.exited).toBe(0);
    await waitFor(() => tree.every((pid) => !isAlive(pid)), 'every process under pnpm gone', 10_000);
    peer.destroy();

    // Everything written, also during the grace period, is on disk.
    const again = track(await spawnServer(dir, { THROUGHLINE_SECRET: 'drain-secret' }));
    const reader = open(again.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(reader);
    expect(
      readIdeas(reader.doc)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['note 1', 'note 2']);
  });

  it('a killed pnpm does not orphan the server: it notices and stops by itself', async () => {
    const srv = track(await spawnPnpmStart(tempDir()));
    const tree = descendants(srv.child.pid as number);
    expect(tree.length).toBeGreaterThan(0);
    srv.child.kill('SIGKILL');
    await waitFor(() => tree.every((pid) => !isAlive(pid)), 'the orphaned server stopped', 15_000);
  });

  it('a client of a draining instance is closed with 1012 and carries on at a second instance behind the balancer', async () => {
    const pg = await startPostgres();
    cleanup.push(() => pg.stop());
    const env = { DATABASE_URL: pg.url, THROUGHLINE_DRAIN_SECONDS: '2' };
    const a = track(await spawnServer(tempDir(), env));
    const b = track(await spawnServer(tempDir(), env));
    const proxy = await startFailoverProxy([a.url, b.url]);
    cleanup.push(() => proxy.close());
    await new Promise((r) => setTimeout(r, 300)); // the balancer's first readiness poll

    const s = await createSession(proxy.url);
    const peer = open(proxy.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    await waitSynced(peer);
    insertIdea(peer.doc, { ...note(1), ...peer.author });
    await waitFor(() => isSaved(peer), 'saved on the first instance');

    a.child.kill('SIGTERM');
    await waitFor(() => peer.closes.some((c) => c.code === CloseCode.serviceRestart), 'close with 1012', 15_000);
    expect(await a.exited).toBe(0);
    // The provider reconnects by itself; the balancer now only sends it to b.
    await waitFor(() => peer.provider.wsconnected && peer.provider.synced, 'reconnected', 15_000);
    insertIdea(peer.doc, { ...note(2), ...peer.author });
    await waitFor(() => isSaved(peer), 'saved on the second instance');

    const direct = open(b.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    await waitSynced(direct);
    await waitFor(() => readIdeas(direct.doc).length === 2, 'both notes on the second instance');
  });
});
