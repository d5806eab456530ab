import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readWebhookLog } from '@throughline/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { command, createSession } from '../helpers/api.ts';
import { sleep, waitFor } from '../helpers/connectDoc.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { storedDoc } from '../helpers/storedDoc.ts';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

/** A Slack-like receiver that answers 503 to its first post and 200 after. */
async function flakyChat() {
  const hits: { text: string; status: number }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = hits.length === 0 ? 503 : 200;
      hits.push({ text: (JSON.parse(body) as { text: string }).text, status });
      res.writeHead(status).end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise((r) => server.close(r)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/secret`, hits };
}

describe('chat posts survive a restart', () => {
  it('a post refused with 503 and waiting for its retry at shutdown arrives once after the restart', async () => {
    const start = (dataDir?: string) =>
      startServer({ webhookAllowPrivate: true, schedulerIntervalMs: 3_600_000, ...(dataDir ? { dataDir } : { keepDataDir: true }) });
    let server: TestServer = await start();
    const chat = await flakyChat();
    const s = await createSession(server.url);
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setChatWebhook', url: chat.url })).status).toBe(200);
    expect((await command(server.url, s.sessionId, s.facilitatorToken, { type: 'setPhase', phase: 'select' })).status).toBe(200);

    // The first attempt gets 503; the retry is due 2 s later. Stop the server before it.
    await waitFor(() => chat.hits.length === 1, 'the first attempt');
    await sleep(100);
    const dataDir = server.dataDir;
    await server.close();
    await sleep(2_500);
    expect(chat.hits).toHaveLength(1);

    server = await start(dataDir);
    cleanup.push(() => server.close());
    await waitFor(() => chat.hits.length === 2, 'the retry after the restart', 20_000);
    await server.app.notifications.chat.whenIdle();
    await sleep(300);
    expect(chat.hits.map((h) => h.status)).toEqual([503, 200]);
    expect(chat.hits[1]?.text).toBe(chat.hits[0]?.text);
    expect(chat.hits[1]?.text).toMatch(/Select is open/);
    // Nothing left to resume, and the plan webhook's log shows no chat posts.
    await expect.poll(() => server.app.store.claimWebhookJobs(new Date().toISOString(), new Date().toISOString())).toEqual([]);
    await server.app.store.whenDurable();
    expect(readWebhookLog(await storedDoc(server.app.store, s.sessionId, 'control'))).toEqual([]);
  });
});
