import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, waitSynced } from '../helpers/connectDoc.ts';
import { type Service, startPostgres } from '../helpers/services.ts';
import { type ServerProcess, spawnServer } from '../helpers/spawnServer.ts';

let pg: Service;
const servers: ServerProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await pg?.stop();
});

/** An instance as an operator would start it: DATABASE_URL, its own data dir, no THROUGHLINE_SECRET. */
async function instance(): Promise<{ srv: ServerProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-secret-'));
  dirs.push(dir);
  const srv = await spawnServer(dir, { DATABASE_URL: pg.url, THROUGHLINE_SECRET: '', DATABASE_POOL_SIZE: '3' });
  servers.push(srv);
  return { srv, dir };
}

describe('several instances without a configured secret', () => {
  it('accept each other’s tokens: one secret is shared through the database', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const s = await createSession(a.srv.url);
    const pat = await joinSession(b.srv.url, s.sessionId, s.invites.participant, 'Pat');

    // A token from A works at B and the other way round, over HTTP and on the socket.
    const onB = await fetch(`${b.srv.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorToken}` } });
    expect(onB.status).toBe(200);
    const onA = await fetch(`${a.srv.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${pat.token}` } });
    expect(onA.status).toBe(200);
    const peer = connectDoc(b.srv.wsUrl, s.sessionId, 'board', s.facilitatorToken);
    try {
      await waitSynced(peer);
    } finally {
      peer.destroy();
    }
    // Nothing secret is left in the data dirs, and a later instance agrees too.
    expect(existsSync(join(a.dir, 'secret')) || existsSync(join(b.dir, 'secret'))).toBe(false);
    const c = await instance();
    expect((await fetch(`${c.srv.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${pat.token}` } })).status).toBe(
      200,
    );

    // Each pool honours DATABASE_POOL_SIZE (two pools per instance).
    const metrics = await (await fetch(`${a.srv.url}/metrics`)).text();
    expect(metrics).toContain('throughline_db_pool_connections{pool="main",state="max"} 3');
    expect(metrics).toContain('throughline_db_pool_connections{pool="locks",state="max"} 3');
  });
});
