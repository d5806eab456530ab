import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { planJsonSchema, readSettings, readWebhookLog, type WebhookDelivery } from '@throughline/shared';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../server/src/webhook/webhookRequest.ts';
import { command, createSession } from '../helpers/api.ts';
import { connectDoc, type Peer, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { plannedSession, startExportServer } from './exportServer.ts';

interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local receiver on loopback; `respond(n)` answers its n-th request (1-based). */
async function receiver(respond: (n: number, res: ServerResponse) => void = (_n, res) => res.writeHead(200).end()) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      respond(hits.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receivers.push(server);
  // A secret in the path, as Slack and Zapier URLs have: it must never reach participants.
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0/SECRETPART`, hits };
}
const receivers: Server[] = [];

let s: TestServer;
let session: Awaited<ReturnType<typeof plannedSession>>;
let viewerControl: Peer;
const peers: Peer[] = [];

beforeAll(async () => {
  s = await startExportServer();
  session = await plannedSession(s);
  viewerControl = connectDoc(s.wsUrl, session.sessionId, 'control', session.vic.token);
  peers.push(viewerControl);
  await waitSynced(viewerControl);
});
afterEach(async () => {
  for (const r of receivers.splice(0)) {
    r.closeAllConnections();
    await new Promise((done) => r.close(done));
  }
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await s?.close();
});

const cmd = (c: object, token = session.fac) => command(s.url, session.sessionId, token, c);
/** The delivery log as a viewer's synced control doc shows it (what the Export panel renders). */
const logEntry = (id: unknown) => readWebhookLog(viewerControl.doc).find((d) => d.id === id);
const settled = async (id: unknown): Promise<WebhookDelivery> => {
  await waitFor(() => ['delivered', 'failed'].includes(logEntry(id)?.state ?? ''), `delivery ${String(id)} to settle`);
  return logEntry(id) as WebhookDelivery;
};

describe('setWebhook', () => {
  it('is for the facilitator only and takes http(s) URLs only', async () => {
    const r = await receiver();
    expect((await cmd({ type: 'setWebhook', url: r.url }, session.pat.token)).status).toBe(403);
    expect((await cmd({ type: 'setWebhook', url: r.url }, session.vic.token)).status).toBe(403);
    for (const bad of ['ftp://example.com/x', 'javascript:alert(1)', 'not a url'])
      expect((await cmd({ type: 'setWebhook', url: bad })).status).toBe(400);
  });

  it('shows participants a masked URL and gives the facilitator the signing secret', async () => {
    const r = await receiver();
    const res = await cmd({ type: 'setWebhook', url: r.url });
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^whsec_/);
    const masked = r.url.replace('/T0/SECRETPART', '/…');
    expect(res.body.webhookUrl).toBe(masked);
    await waitFor(() => readSettings(viewerControl.doc).webhookUrl === masked, 'the masked URL to reach the viewer');
    expect(JSON.stringify(viewerControl.doc.toJSON())).not.toContain('SECRETPART');
    // The same URL keeps its secret (a configured receiver keeps verifying) but never shows it again.
    const again = await cmd({ type: 'setWebhook', url: r.url });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ webhookUrl: masked });
    expect(again.body.secret).toBeUndefined();
    expect(JSON.stringify(again.body)).not.toContain('whsec_');
    const ping = await settled((await cmd({ type: 'testWebhook' })).body.deliveryId);
    expect(ping.state).toBe('delivered');
    const hit = r.hits.at(-1) as Hit;
    const verify = (secret: unknown, h: Hit) =>
      verifyWebhookSignature(
        String(secret),
        String(h.headers['x-throughline-timestamp']),
        h.body,
        String(h.headers['x-throughline-signature']),
      );
    expect(verify(res.body.secret, hit)).toBe(true);
  });

  it('rotates the signing secret on request, for the facilitator only, showing the new one once', async () => {
    const r = await receiver();
    const first = await cmd({ type: 'setWebhook', url: r.url });
    expect((await cmd({ type: 'rotateWebhookSecret' }, session.pat.token)).status).toBe(403);
    const rotated = await cmd({ type: 'rotateWebhookSecret' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    await settled((await cmd({ type: 'testWebhook' })).body.deliveryId);
    const hit = r.hits.at(-1) as Hit;
    const ts = String(hit.headers['x-throughline-timestamp']);
    const sig = String(hit.headers['x-throughline-signature']);
    expect(verifyWebhookSignature(String(rotated.body.secret), ts, hit.body, sig)).toBe(true);
    expect(verifyWebhookSignature(String(first.body.secret), ts, hit.body, sig)).toBe(false);
    // Nothing synced to anyone carries a secret.
    expect(JSON.stringify(viewerControl.doc.toJSON())).not.toContain('whsec_');
  });
});

describe('finalisePlan', () => {
  it('is refused to non-facilitators and before planning', async () => {
    expect((await cmd({ type: 'finalisePlan' }, session.pat.token)).status).toBe(403);
    const fresh = await createSession(s.url);
    const early = await command(s.url, fresh.sessionId, fresh.facilitatorToken, { type: 'finalisePlan' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TL_ERR_WRONG_PHASE');
    // In plan, but with nothing planned: there is nothing to publish.
    for (const phase of ['select', 'plan']) await command(s.url, fresh.sessionId, fresh.facilitatorToken, { type: 'setPhase', phase });
    const empty = await command(s.url, fresh.sessionId, fresh.facilitatorToken, { type: 'finalisePlan' });
    expect(empty.status).toBe(409);
    expect(String(empty.body.message)).toMatch(/at least one next step/);
  });

  it('POSTs the signed JSON plan to the webhook and logs the delivery where everyone sees it', async () => {
    const r = await receiver();
    const { body: set } = await cmd({ type: 'setWebhook', url: r.url });
    const res = await cmd({ type: 'finalisePlan' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ steps: 2, intentions: 1 });
    const delivery = await settled(res.body.deliveryId);
    expect(delivery).toMatchObject({
      event: 'plan.finalised',
      state: 'delivered',
      revision: res.body.revision,
      requestedBy: 'Facilitator',
    });
    expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
    expect(delivery.url).not.toContain('SECRETPART');

    const hit = r.hits[0] as Hit;
    expect(hit.headers['x-throughline-event']).toBe('plan.finalised');
    expect(hit.headers['x-throughline-delivery']).toBe(res.body.deliveryId);
    const ts = String(hit.headers['x-throughline-timestamp']);
    expect(verifyWebhookSignature(String(set.secret), ts, hit.body, String(hit.headers['x-throughline-signature']))).toBe(true);
    const plan = JSON.parse(hit.body);
    const validate = new Ajv2020({ strict: true, formats: { date: true, 'date-time': true } }).compile(planJsonSchema());
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.finalised).toMatchObject({ revision: res.body.revision, finalisedBy: 'Facilitator' });
    expect(plan.session.id).toBe(session.sessionId);
  });

  it('counts revisions: finalising again publishes again', async () => {
    const r = await receiver();
    await cmd({ type: 'setWebhook', url: r.url });
    const first = await cmd({ type: 'finalisePlan' });
    const second = await cmd({ type: 'finalisePlan' });
    expect(Number(second.body.revision)).toBe(Number(first.body.revision) + 1);
    await settled(second.body.deliveryId);
    expect(JSON.parse(r.hits.at(-1)?.body ?? '{}').finalised.revision).toBe(second.body.revision);
  });

  it('retries a receiver that is briefly unavailable', async () => {
    const r = await receiver((n, res) => (n === 1 ? res.writeHead(503, { 'retry-after': '0' }).end() : res.writeHead(202).end()));
    await cmd({ type: 'setWebhook', url: r.url });
    const res = await cmd({ type: 'finalisePlan' });
    const delivery = await settled(res.body.deliveryId);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 202]);
    expect(r.hits).toHaveLength(2);
  });

  it('records a refusal as failed without retrying', async () => {
    const r = await receiver((_n, res) => res.writeHead(401).end());
    await cmd({ type: 'setWebhook', url: r.url });
    const delivery = await settled((await cmd({ type: 'finalisePlan' })).body.deliveryId);
    expect(delivery).toMatchObject({ state: 'failed', attempts: [{ status: 401, error: null }] });
    expect(delivery.finishedAt).not.toBeNull();
  });

  it('gives up on a receiver that never answers, after the timeout and the retries', async () => {
    const dispatcher = s.app.webhooks;
    const saved = dispatcher.policy;
    dispatcher.policy = { ...saved, timeoutMs: 200, retryDelaysMs: [0], maxRetryAfterMs: 0 };
    try {
      const r = await receiver(() => {
        /* never answers */
      });
      await cmd({ type: 'setWebhook', url: r.url });
      const delivery = await settled((await cmd({ type: 'finalisePlan' })).body.deliveryId);
      expect(delivery.state).toBe('failed');
      expect(delivery.attempts.map((a) => a.error)).toEqual(['timed out after 200 ms', 'timed out after 200 ms']);
    } finally {
      dispatcher.policy = saved;
    }
  });

  it('finalises without a webhook too, and clearing the webhook stops deliveries', async () => {
    expect((await cmd({ type: 'setWebhook', url: null })).status).toBe(200);
    await waitFor(() => readSettings(viewerControl.doc).webhookUrl === null, 'the cleared URL to reach the viewer');
    const res = await cmd({ type: 'finalisePlan' });
    expect(res.status).toBe(200);
    expect(res.body.deliveryId).toBeNull();
    expect((await cmd({ type: 'testWebhook' })).status).toBe(409);
    expect((await cmd({ type: 'rotateWebhookSecret' })).status).toBe(409);
  });
});

describe('testWebhook', () => {
  it('sends a ping the facilitator can watch in the log', async () => {
    const r = await receiver();
    await cmd({ type: 'setWebhook', url: r.url });
    const res = await cmd({ type: 'testWebhook' });
    const delivery = await settled(res.body.deliveryId);
    expect(delivery).toMatchObject({ event: 'ping', state: 'delivered', revision: null });
    expect(JSON.parse(r.hits[0]?.body ?? '{}')).toMatchObject({ event: 'ping', sessionId: session.sessionId });
    expect((await cmd({ type: 'testWebhook' }, session.pat.token)).status).toBe(403);
  });
});

describe('a server left at its defaults', () => {
  it('refuses webhook URLs on loopback and private networks, and keeps the webhook it had', async () => {
    const strict = await startServer();
    try {
      const created = await createSession(strict.url);
      const set = (url: string) => command(strict.url, created.sessionId, created.facilitatorToken, { type: 'setWebhook', url });
      expect((await set('https://hooks.example.com/services/T0/B1/xyz')).status).toBe(200);
      for (const [url, host] of [
        ['http://127.0.0.1:9/hook', '127.0.0.1'],
        ['http://localhost:9/hook', 'localhost'],
        ['http://[::1]:9/hook', '::1'],
        ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
        ['https://192.168.1.20/hook', '192.168.1.20'],
      ]) {
        const res = await set(url as string);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('TL_ERR_BAD_REQUEST');
        expect(res.body.message).toBe(
          `${host} is not a public address; this server only sends webhooks to the internet (its operator can set THROUGHLINE_WEBHOOK_ALLOW_PRIVATE=1)`,
        );
      }
      const control = connectDoc(strict.wsUrl, created.sessionId, 'control', created.facilitatorToken);
      peers.push(control);
      await waitSynced(control);
      expect(readSettings(control.doc).webhookUrl).toMatch(/^https:\/\/hooks\.example\.com\//);
    } finally {
      await strict.close();
    }
  });
});
