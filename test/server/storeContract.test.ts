import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgStore, SqliteStore, type Store } from '@throughline/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Service, startPostgres } from '../helpers/services.ts';

/** One contract, every store: whatever backs a deployment must behave the same. */
interface StoreFactory {
  name: string;
  open(): Promise<Store>;
  teardown(): Promise<void>;
}

let pgService: Service | null = null;
const sqliteDirs: string[] = [];

const factories: StoreFactory[] = [
  {
    name: 'SqliteStore',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'throughline-contract-'));
      sqliteDirs.push(dir);
      return new SqliteStore({ dataDir: dir });
    },
    async teardown() {
      for (const d of sqliteDirs) rmSync(d, { recursive: true, force: true });
    },
  },
  {
    name: 'PgStore',
    async open() {
      pgService ??= await startPostgres();
      return PgStore.connect(pgService.url);
    },
    async teardown() {
      await pgService?.stop();
    },
  },
];

let n = 0;
const ids = () => {
  n++;
  const sessionId = `ses_contract${n}${Date.now().toString(36)}`;
  return {
    session: {
      id: sessionId,
      createdAt: '2026-01-01T00:00:00.000Z',
      title: 'T',
      facilitatorId: `p_fac${n}`,
      participantInvite: 'inv',
      viewerInvite: 'view',
    },
    facilitator: { id: `p_fac${n}`, sessionId, name: 'F', role: 'facilitator' as const, joinedAt: '2026-01-01T00:00:00.000Z' },
  };
};

const updateSetting = (doc: Y.Doc, k: string, v: number) => {
  let captured: Uint8Array | null = null;
  const on = (u: Uint8Array) => {
    captured = u;
  };
  doc.on('update', on);
  doc.getMap('m').set(k, v);
  doc.off('update', on);
  return captured as unknown as Uint8Array;
};

const replay = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
  const d = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(d, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(d, u);
  return d.getMap('m').toJSON();
};

describe('PgStore when the database drops its connections', () => {
  it('reports it, reconnects, and keeps storing', async () => {
    pgService ??= await startPostgres();
    const errors: Error[] = [];
    const store = await PgStore.connect(pgService.url, (err) => errors.push(err));
    const admin = await PgStore.connect(pgService.url);
    try {
      const { session, facilitator } = ids();
      await store.createSession(session, facilitator);
      await (await store.lockSession(session.id))();
      // An administrator (or a failover) ends every other connection, idle ones included.
      await (admin as unknown as { pool: { query(q: string): Promise<unknown> } }).pool.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(errors.length).toBeGreaterThan(0);
      const doc = new Y.Doc();
      await store.appendUpdate(session.id, 'board', updateSetting(doc, 'after', 1));
      expect(replay(await store.loadDoc(session.id, 'board'))).toEqual({ after: 1 });
      await (await store.lockSession(session.id))();

      // Dropped while a command holds the session's lock: reported, and the lock is free again.
      const holding = await store.lockSession(session.id);
      errors.length = 0;
      await (admin as unknown as { pool: { query(q: string): Promise<unknown> } }).pool.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(errors.length).toBeGreaterThan(0);
      await holding();
      await (await store.lockSession(session.id))();
    } finally {
      await store.close();
      await admin.close().catch(() => {});
    }
  });
});

describe('PgStore session locks across instances', () => {
  it('makes a second instance wait for the first, and frees the lock when an instance goes away', async () => {
    pgService ??= await startPostgres();
    const [a, b] = await Promise.all([PgStore.connect(pgService.url), PgStore.connect(pgService.url)]);
    try {
      const { session } = ids();
      const release = await a.lockSession(session.id);
      let bHolds = false;
      const waiting = b.lockSession(session.id).then((r) => {
        bHolds = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(bHolds).toBe(false);
      await release();
      await (await waiting)();
      expect(bHolds).toBe(true);

      // An instance that stops while holding a lock does not leave the session locked.
      await a.lockSession(session.id);
      await a.close();
      await (await b.lockSession(session.id))();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.each(factories)('$name store contract', (factory) => {
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(async () => {
    await store.close();
    await factory.teardown();
  });

  it('creates a session with its facilitator, adds participants, lists them in join order', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    expect(await store.getSession(session.id)).toEqual(session);
    expect(await store.getSession('ses_missing')).toBeNull();
    await store.addParticipant({
      id: `p_x${n}`,
      sessionId: session.id,
      name: 'Pat',
      role: 'participant',
      joinedAt: '2026-01-01T00:00:01.000Z',
    });
    expect((await store.listParticipants(session.id)).map((p) => p.name)).toEqual(['F', 'Pat']);
  });

  it('appends updates in order and loads them back', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    const doc = new Y.Doc();
    const writes = [1, 2, 3].map((v) => store.appendUpdate(session.id, 'board', updateSetting(doc, `k${v}`, v)));
    await Promise.all(writes);
    const stored = await store.loadDoc(session.id, 'board');
    expect(stored.updates).toHaveLength(3);
    expect(replay(stored)).toEqual({ k1: 1, k2: 2, k3: 3 });
    expect(await store.loadDoc(session.id, 'control')).toEqual({ snapshot: null, updates: [] });
  });

  it('compacts into a snapshot without losing updates appended after the compaction', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) void store.appendUpdate(session.id, 'board', updateSetting(doc, `a${i}`, i));
    void store.compact(session.id, 'board', Y.encodeStateAsUpdate(doc));
    await store.appendUpdate(session.id, 'board', updateSetting(doc, 'after', 99));
    const stored = await store.loadDoc(session.id, 'board');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    expect(replay(stored)).toEqual({ a0: 0, a1: 1, a2: 2, a3: 3, a4: 4, after: 99 });
  });

  it('resolves whenDurable only after everything queued before it is readable', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) void store.appendUpdate(session.id, 'board', updateSetting(doc, `w${i}`, i));
    await store.whenDurable();
    expect((await store.loadDoc(session.id, 'board')).updates).toHaveLength(50);
  });

  it('keeps an audit log per session in order', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    const entry = (type: string, outcome: string) => ({
      sessionId: session.id,
      participantId: facilitator.id,
      role: 'facilitator' as const,
      type,
      payload: { type, note: 'quotes " and \\' },
      outcome,
      at: '2026-01-01T00:00:00.000Z',
    });
    await store.appendAudit(entry('setPhase', 'ok'));
    await store.appendAudit(entry('castVote', 'TL_ERR_WRONG_PHASE'));
    const log = await store.listAudit(session.id);
    expect(log.map((e) => [e.type, e.outcome])).toEqual([
      ['setPhase', 'ok'],
      ['castVote', 'TL_ERR_WRONG_PHASE'],
    ]);
    expect(log[0]?.payload).toEqual({ type: 'setPhase', note: 'quotes " and \\' });
  });

  it('admits one command lock holder per session at a time, and never holds up another session', async () => {
    const { session } = ids();
    const order: string[] = [];
    const first = await store.lockSession(session.id);
    const second = store.lockSession(session.id).then(async (release) => {
      order.push('second');
      await release();
    });
    const other = await store.lockSession(`${session.id}x`);
    await other();
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    await first();
    await second;
    expect(order).toEqual(['second']);
    // Released means free again.
    await (await store.lockSession(session.id))();
  });

  it('fails only the bad write of a group commit, and keeps working', async () => {
    const { session, facilitator } = ids();
    await store.createSession(session, facilitator);
    const doc = new Y.Doc();
    // Queued together: a duplicate session between two good appends.
    const before = store.appendUpdate(session.id, 'board', updateSetting(doc, 'before', 1));
    const dup = store.createSession(session, { ...facilitator, id: `${facilitator.id}b` });
    const after = store.appendUpdate(session.id, 'board', updateSetting(doc, 'after', 2));
    await expect(dup).rejects.toThrow();
    await Promise.all([before, after]);
    expect(replay(await store.loadDoc(session.id, 'board'))).toEqual({ before: 1, after: 2 });
    const again = ids();
    await store.createSession(again.session, again.facilitator);
    expect(await store.getSession(again.session.id)).not.toBeNull();
  });
});
