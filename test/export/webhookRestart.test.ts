import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWebhookLog, type WebhookDelivery } from '@throughline/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../helpers/api.ts';
import { connectDoc, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { plannedSession } from './exportServer.ts';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

/** A receiver that is down (503) for its first request and fine after. */
async function flakyReceiver() {
  const hits: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(hits.length === 1 ? 503 : 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise((r) => server.close(r)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits };
}

describe('webhook deliveries across a restart', () => {
  it('a plan.finalised delivery waiting for its retry at shutdown is delivered after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'throughline-webhook-restart-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const start = () => startServer({ dataDir, webhookAllowPrivate: true });
    let server: TestServer = await start();
    const session = await plannedSession(server);
    const r = await flakyReceiver();
    expect((await command(server.url, session.sessionId, session.fac, { type: 'setWebhook', url: r.url })).status).toBe(200);
    const finalised = await command(server.url, session.sessionId, session.fac, { type: 'finalisePlan' });
    expect(finalised.status).toBe(200);
    const id = finalised.body.deliveryId as string;

    // The first attempt gets 503; the retry is due in 2 s. Stop the server before it, once the 503 is in
    // the delivery log (an attempt cut off by the shutdown itself is not the receiver's answer, so not logged).
    const before = connectDoc(server.wsUrl, session.sessionId, 'control', session.vic.token);
    await waitSynced(before);
    await waitFor(() => r.hits.length === 1, 'first attempt');
    await waitFor(() => readWebhookLog(before.doc).find((d) => d.id === id)?.attempts.length === 1, 'first attempt logged');
    before.destroy();
    await server.close();
    expect(r.hits).toHaveLength(1);

    server = await start();
    cleanup.push(() => server.close());
    const viewer = connectDoc(server.wsUrl, session.sessionId, 'control', session.vic.token);
    cleanup.push(() => viewer.destroy());
    await waitSynced(viewer);
    const entry = () => readWebhookLog(viewer.doc).find((d) => d.id === id);
    // Not cancelled by the shutdown: still pending, or already retried by the time this client synced.
    expect(['pending', 'delivered']).toContain(entry()?.state);
    await waitFor(() => entry()?.state === 'delivered', 'delivered after the restart', 20_000);
    const delivery = entry() as WebhookDelivery;
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 200]);
    // The same delivery: same id, timestamp, signature and body as the first attempt.
    expect(r.hits).toHaveLength(2);
    const [first, second] = r.hits as [(typeof r.hits)[0], (typeof r.hits)[0]];
    for (const h of ['x-throughline-delivery', 'x-throughline-timestamp', 'x-throughline-signature', 'x-throughline-event'])
      expect(second.headers[h], h).toBe(first.headers[h]);
    expect(second.headers['x-throughline-event']).toBe('plan.finalised');
    expect(second.body).toBe(first.body);
    // Nothing is left to resume. The job is dropped just after the log says "delivered" (a crash in between
    // re-delivers: at least once), so wait for it rather than race it.
    await expect.poll(() => server.app.store.claimWebhookJobs(new Date().toISOString(), new Date().toISOString())).toEqual([]);
  });
});
