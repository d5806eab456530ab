import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BOARD_MIGRATIONS, createIdeaId, ideasMap, insertIdea, migrateDoc, NOTE_COLORS, personIdea } from '@throughline/shared';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/src/store/SqliteStore.ts';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, type Peer } from '../helpers/connectDoc.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { median, profileArgs } from './serverBench.ts';

/**
 * Cold join: a board that is on disk only (the server restarted since it
 * was written, so no room holds it) opened by one client, on a warm
 * server. Time is from opening the socket to the client holding every
 * note (the provider's `sync` event). Several boards per size, each joined
 * once cold and once more warm (room loaded) for comparison.
 */
export interface ColdJoinOptions {
  sizes: number[];
  /** Boards per size: each gives one cold load. */
  boards: number;
}

export const COLD_JOIN_DEFAULTS: ColdJoinOptions = { sizes: [1_000, 10_000], boards: 5 };

export interface ColdJoinRow {
  notes: number;
  cold: number[];
  warm: number[];
}

/** A grid of notes with realistic text, as a workshop board that grew large, written in one transaction. */
export function seedNotes(peer: Peer, count: number): void {
  peer.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      insertIdea(
        peer.doc,
        personIdea({
          id: createIdeaId(),
          text: `Idea ${i + 1}: ${['governance checklist', 'partner pilots', 'audit trail demo', 'admin console tour'][i % 4]}`,
          x: (i % 100) * 200,
          y: Math.floor(i / 100) * 140,
          color: NOTE_COLORS[i % NOTE_COLORS.length] as string,
          author: { id: 'p_bench', name: 'Bench' },
          createdAt: i,
        }),
      );
    }
  });
}

/** Opens the board and resolves with the ms until the client holds `notes` notes. */
async function timeJoin(wsUrl: string, sessionId: string, token: string, notes: number): Promise<number> {
  const t0 = performance.now();
  const peer = connectDoc(wsUrl, sessionId, 'board', token);
  try {
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no sync of ${notes} notes in 60 s`)), 60_000);
      peer.provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        ok();
      });
    });
    const ms = performance.now() - t0;
    const got = ideasMap(peer.doc).size;
    if (got !== notes) throw new Error(`joined with ${got} notes, expected ${notes}`);
    return ms;
  } finally {
    peer.destroy();
  }
}

export async function runColdJoinBench(opts: Partial<ColdJoinOptions> = {}): Promise<ColdJoinRow[]> {
  const o = { ...COLD_JOIN_DEFAULTS, ...opts };
  const dir = mkdtempSync(join(tmpdir(), 'throughline-coldjoin-'));
  const boards: { notes: number; sessionId: string; token: string }[] = [];
  try {
    // Create the sessions, then write each board straight into the stopped server's store, as a
    // compacted snapshot: a large board sent over a socket would (rightly) meet the sync bounds.
    let srv = await spawnServer(dir, { LOG_LEVEL: 'error' });
    for (const notes of o.sizes) {
      for (let b = 0; b < o.boards; b++) {
        const s = await createSession(srv.url);
        const reader = await joinSession(srv.url, s.sessionId, s.invites.participant, 'Reader');
        boards.push({ notes, sessionId: s.sessionId, token: reader.token });
      }
    }
    await srv.stop('SIGTERM');
    const store = new SqliteStore({ dataDir: dir });
    try {
      for (const b of boards) {
        const doc = new Y.Doc();
        seedNotes({ doc } as Peer, b.notes);
        // Stamped with its schema version, as every board the server has loaded once is stored.
        migrateDoc(doc, BOARD_MIGRATIONS);
        await store.compact(b.sessionId, 'board', Y.encodeStateAsUpdate(doc));
      }
      await store.whenDurable();
    } finally {
      await store.close();
    }
    srv = await spawnServer(dir, { LOG_LEVEL: 'error' }, profileArgs('ours'));
    try {
      // Warm the server (JIT, SQLite pages of the schema, auth) on a board nobody measures.
      const warm = await createSession(srv.url);
      for (let i = 0; i < 3; i++) await timeJoin(srv.wsUrl, warm.sessionId, warm.facilitatorToken, 0);
      const rows: ColdJoinRow[] = o.sizes.map((notes) => ({ notes, cold: [], warm: [] }));
      for (const b of boards) {
        const row = rows.find((r) => r.notes === b.notes) as ColdJoinRow;
        row.cold.push(await timeJoin(srv.wsUrl, b.sessionId, b.token, b.notes));
        row.warm.push(await timeJoin(srv.wsUrl, b.sessionId, b.token, b.notes));
      }
      return rows;
    } finally {
      await srv.stop('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatColdJoinBench(rows: ColdJoinRow[]): string {
  const f = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  return [
    'Cold join: board on disk only, server warm; socket open → client holds every note; p50 (min–max) over boards',
    '| notes | cold loads | cold p50 ms | warm p50 ms (room loaded) |',
    '| ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.notes.toLocaleString('en')} | ${r.cold.length} | ${f(r.cold)} | ${f(r.warm)} |`),
  ].join('\n');
}
