import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, parseRetryAfter } from './deliverWebhook.ts';
import { buildWebhookRequest, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhookRequest.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  path: string;
}

/** A real HTTP receiver on loopback whose n-th response is decided by `respond(n)`. */
async function receiver(respond: (n: number, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body, path: req.url ?? '' });
      respond(received.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, received };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

// The receivers below are on loopback, which a real deployment refuses unless the operator allows it.
const policy = { timeoutMs: 2_000, retryDelaysMs: [0, 0], maxRetryAfterMs: 1_000, allowPrivate: true };
const request = (url: string) =>
  buildWebhookRequest({
    url: `${url}/hook`,
    secret: 'whsec_test',
    event: 'plan.finalised',
    deliveryId: 'whd_1',
    body: '{"format":"throughline.plan"}',
    now: new Date('2026-10-02T10:30:00Z'),
  });

describe('deliverWebhook', () => {
  it('POSTs the body once with a signature the receiver can verify', async () => {
    const r = await receiver((_n, res) => res.writeHead(204).end());
    const out = await deliverWebhook(request(r.url), policy);
    expect(out.state).toBe('delivered');
    expect(out.attempts).toHaveLength(1);
    expect(out.attempts[0]).toMatchObject({ status: 204, error: null });
    const got = r.received[0];
    expect(got?.body).toBe('{"format":"throughline.plan"}');
    expect(got?.headers['x-throughline-event']).toBe('plan.finalised');
    expect(got?.headers['x-throughline-delivery']).toBe('whd_1');
    const ts = String(got?.headers[TIMESTAMP_HEADER]);
    expect(verifyWebhookSignature('whsec_test', ts, got?.body ?? '', String(got?.headers[SIGNATURE_HEADER]))).toBe(true);
    expect(verifyWebhookSignature('whsec_other', ts, got?.body ?? '', String(got?.headers[SIGNATURE_HEADER]))).toBe(false);
  });

  it('retries a busy receiver and reports every attempt', async () => {
    const r = await receiver((n, res) => res.writeHead(n < 3 ? 503 : 200).end());
    const seen: [number | null, boolean][] = [];
    const out = await deliverWebhook(request(r.url), { ...policy, onAttempt: (a, willRetry) => void seen.push([a.status, willRetry]) });
    expect(out.state).toBe('delivered');
    expect(seen).toEqual([
      [503, true],
      [503, true],
      [200, false],
    ]);
    expect(new Set(r.received.map((x) => x.headers['x-throughline-delivery']))).toEqual(new Set(['whd_1']));
  });

  it("honours the receiver's Retry-After instead of the scheduled wait", async () => {
    const r = await receiver((n, res) => (n === 1 ? res.writeHead(429, { 'retry-after': '0' }).end() : res.writeHead(200).end()));
    // Without Retry-After the second attempt would wait a minute and the test would time out.
    const out = await deliverWebhook(request(r.url), { ...policy, retryDelaysMs: [60_000] });
    expect(out.attempts.map((a) => a.status)).toEqual([429, 200]);
  });

  it('gives up after the last retry', async () => {
    const r = await receiver((_n, res) => res.writeHead(500).end());
    const out = await deliverWebhook(request(r.url), policy);
    expect(out.state).toBe('failed');
    expect(out.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(r.received).toHaveLength(3);
  });

  it('does not retry a refusal or follow a redirect', async () => {
    const refused = await receiver((_n, res) => res.writeHead(410).end());
    expect((await deliverWebhook(request(refused.url), policy)).attempts.map((a) => a.status)).toEqual([410]);
    const moved = await receiver((_n, res) => res.writeHead(302, { location: `${refused.url}/elsewhere` }).end());
    const out = await deliverWebhook(request(moved.url), policy);
    expect(out).toMatchObject({ state: 'failed', attempts: [{ status: 302 }] });
    expect(refused.received.map((x) => x.path)).toEqual(['/hook']);
  });

  it('abandons an attempt that gets no answer in time', async () => {
    const r = await receiver(() => {
      /* never answers */
    });
    const out = await deliverWebhook(request(r.url), { ...policy, timeoutMs: 150, retryDelaysMs: [] });
    expect(out).toMatchObject({ state: 'failed', attempts: [{ status: null, error: 'timed out after 150 ms' }] });
  });

  it('reports a receiver that is not there', async () => {
    const r = await receiver((_n, res) => res.end());
    const url = r.url;
    for (const s of servers.splice(0)) await new Promise((done) => s.close(done));
    const out = await deliverWebhook(request(url), { ...policy, retryDelaysMs: [] });
    expect(out.attempts[0]?.error).toBe('network error: ECONNREFUSED');
  });

  it('refuses loopback, private and link-local targets unless allowed, without retrying or sending a byte', async () => {
    const r = await receiver((_n, res) => res.writeHead(200).end());
    const port = new URL(r.url).port;
    const strict = { ...policy, allowPrivate: false };
    for (const [url, reason] of [
      [r.url, '127.0.0.1 is not a public address'],
      [`http://localhost:${port}`, /^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/],
      [`http://0x7f000001:${port}`, '127.0.0.1 is not a public address'],
      [`http://[::ffff:127.0.0.1]:${port}`, '::ffff:7f00:1 is not a public address'],
      ['http://169.254.169.254', '169.254.169.254 is not a public address'],
      ['http://10.1.2.3', '10.1.2.3 is not a public address'],
    ] as const) {
      const out = await deliverWebhook(request(url), strict);
      expect(out.state).toBe('failed');
      expect(out.attempts).toHaveLength(1);
      expect(out.attempts[0]?.status).toBeNull();
      const error = out.attempts[0]?.error ?? '';
      expect(error.startsWith('refused: ')).toBe(true);
      expect(error.endsWith(' (THROUGHLINE_WEBHOOK_ALLOW_PRIVATE=1 allows it)')).toBe(true);
      const message = error.slice('refused: '.length, error.indexOf(' (THROUGHLINE'));
      if (typeof reason === 'string') expect(message).toBe(reason);
      else expect(message).toMatch(reason);
    }
    expect(r.received).toHaveLength(0);
  });

  it('stops at once when the server shuts down', async () => {
    const r = await receiver(() => {
      /* never answers */
    });
    const abort = new AbortController();
    const pending = deliverWebhook(request(r.url), { ...policy, timeoutMs: 30_000, signal: abort.signal });
    await new Promise((ok) => setTimeout(ok, 50));
    abort.abort();
    const out = await pending;
    expect(out.state).toBe('failed');
    expect(out.attempts.at(-1)?.error).toMatch(/shutting down/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('Fri, 02 Oct 2026 10:30:10 GMT', Date.parse('2026-10-02T10:30:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
