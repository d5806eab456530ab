import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { startPostgres, startRedis } from '../helpers/services.ts';
import { type ServerProcess, spawnServer } from '../helpers/spawnServer.ts';
import type { HostileConfig, HostileReport } from './hostileClient.ts';
import { onWriteArrives, stampWrite } from './latencyProbe.ts';
import { percentile } from './procStats.ts';
import { median, profileArgs } from './serverBench.ts';

/**
 * Fan-out rows beside the main server bench, each on the compiled server:
 * - cross-instance: two processes sharing PostgreSQL and Redis; one writer
 *   per session on instance A, observers on A (same-instance) and on B
 *   (cross-instance: A persists, publishes on Redis, B relays);
 * - hostile: the same-instance workload while one client, in a session of
 *   its own and a process of its own, sends valid but heavy updates
 *   (batches of long notes, then deletes them) as fast as the server takes
 *   them, reconnecting at once whenever it is closed.
 */
export interface FanoutOptions {
  sessions: number;
  observersPerInstance: number;
  updatesPerSecond: number;
  seconds: number;
  warmupSeconds: number;
  /** Notes per hostile batch, and characters per note. */
  hostileBatch: number;
  hostileTextLength: number;
}

export const FANOUT_DEFAULTS: FanoutOptions = {
  sessions: 20,
  observersPerInstance: 2,
  updatesPerSecond: 30,
  seconds: 10,
  warmupSeconds: 2,
  hostileBatch: 1_000,
  hostileTextLength: 2_000,
};

interface Latencies {
  p50: number;
  p99: number;
  n: number;
}

const summary = (xs: number[]): Latencies => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), n: s.length };
};

/** One writer per session on `writerUrl`; observers on each of `observerUrls`; writer → observer latency per observer instance. */
async function fanout(
  writerSrv: ServerProcess,
  observerSrvs: ServerProcess[],
  o: FanoutOptions,
  during?: () => () => void,
): Promise<Latencies[]> {
  const peers: Peer[] = [];
  const writers: Peer[] = [];
  const byInstance: number[][] = observerSrvs.map(() => []);
  let measuring = false;
  for (let i = 0; i < o.sessions; i++) {
    const s = await createSession(writerSrv.url);
    const w = connectDoc(writerSrv.wsUrl, s.sessionId, 'board', s.facilitatorToken, { ack: true });
    peers.push(w);
    writers.push(w);
    for (const [k, srv] of observerSrvs.entries()) {
      for (let j = 0; j < o.observersPerInstance; j++) {
        const who = await joinSession(writerSrv.url, s.sessionId, s.invites.participant, `o${k}-${j}`);
        const p = connectDoc(srv.wsUrl, s.sessionId, 'board', who.token);
        peers.push(p);
        onWriteArrives(p.doc, (ms) => {
          if (measuring) (byInstance[k] as number[]).push(ms);
        });
      }
    }
  }
  await Promise.all(peers.map(waitSynced));
  const period = 1000 / o.updatesPerSecond;
  const timers: NodeJS.Timeout[] = [];
  writers.forEach((w, i) => {
    timers.push(setTimeout(() => timers.push(setInterval(() => stampWrite(w), period)), (i * period) / writers.length));
  });
  const stopDuring = during?.();
  try {
    await sleep(o.warmupSeconds * 1000);
    measuring = true;
    await sleep(o.seconds * 1000);
    measuring = false;
  } finally {
    stopDuring?.();
    for (const t of timers) clearInterval(t);
    for (const p of peers) p.destroy();
  }
  return byInstance.map(summary);
}

export interface CrossInstanceResult {
  same: Latencies;
  cross: Latencies;
}

export async function runCrossInstanceBench(opts: Partial<FanoutOptions> = {}): Promise<CrossInstanceResult> {
  const o = { ...FANOUT_DEFAULTS, ...opts };
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'throughline-fanout-')));
  const env = { LOG_LEVEL: 'error', DATABASE_URL: pg.url, REDIS_URL: redis.url };
  try {
    const a = await spawnServer(dirs[0] as string, env);
    const b = await spawnServer(dirs[1] as string, env);
    try {
      const [same, cross] = (await fanout(a, [a, b], o)) as [Latencies, Latencies];
      return { same, cross };
    } finally {
      await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    }
  } finally {
    await Promise.all([pg.stop(), redis.stop()]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

export interface HostileResult {
  calm: Latencies;
  hostile: Latencies;
  /** What the hostile client, in its own process, did and what the server took of it. */
  attacker: HostileReport;
  seconds: number;
}

/** Starts the hostile client in a child process (see hostileClient.ts); `stop` ends it and returns its report. */
function forkHostileClient(cfg: HostileConfig): { stop(): Promise<HostileReport> } {
  const child = fork(resolve(import.meta.dirname, 'hostileClient.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const report = new Promise<HostileReport>((done, fail) => {
    child.once('message', (m) => done(m as HostileReport));
    child.once('exit', (code) => fail(new Error(`hostile client exited with ${code} before reporting`)));
  });
  child.send(cfg);
  return {
    stop: async () => {
      child.send('stop');
      try {
        return await report;
      } finally {
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

export async function runHostileBench(opts: Partial<FanoutOptions> = {}): Promise<HostileResult> {
  const o = { ...FANOUT_DEFAULTS, ...opts };
  const dir = mkdtempSync(join(tmpdir(), 'throughline-hostile-'));
  try {
    const srv = await spawnServer(dir, { LOG_LEVEL: 'error' }, profileArgs('hostile'));
    try {
      const [calm] = (await fanout(srv, [srv], o)) as [Latencies];
      const s = await createSession(srv.url);
      const who = await joinSession(srv.url, s.sessionId, s.invites.participant, 'Hostile');
      let h: { stop(): Promise<HostileReport> } | null = null;
      const [hostile] = (await fanout(srv, [srv], o, () => {
        h = forkHostileClient({
          wsUrl: srv.wsUrl,
          sessionId: s.sessionId,
          token: who.token,
          batch: o.hostileBatch,
          textLength: o.hostileTextLength,
        });
        return () => {};
      })) as [Latencies];
      const attacker = await (h as unknown as { stop(): Promise<HostileReport> }).stop();
      return { calm, hostile, attacker, seconds: o.warmupSeconds + o.seconds };
    } finally {
      await srv.stop('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (x: number) => x.toFixed(2);

export function formatCrossInstanceBench(runs: CrossInstanceResult[], o: FanoutOptions = FANOUT_DEFAULTS): string {
  const r = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
  const ratio = runs.map((x) => x.cross.p50 / x.same.p50);
  return [
    `Fan-out across instances (PostgreSQL + Redis): ${o.sessions} sessions, writer on A at ${o.updatesPerSecond}/s, ${o.observersPerInstance} observers on A and on B; median (min–max) of ${runs.length} runs`,
    '| observers | p50 ms | p99 ms |',
    '| --- | ---: | ---: |',
    `| same instance (A → A) | ${r(runs.map((x) => x.same.p50))} | ${r(runs.map((x) => x.same.p99))} |`,
    `| cross instance (A → Redis → B) | ${r(runs.map((x) => x.cross.p50))} | ${r(runs.map((x) => x.cross.p99))} |`,
    `| ratio cross / same (p50) | ${r(ratio)} | |`,
  ].join('\n');
}

export function formatHostileBench(runs: HostileResult[], o: FanoutOptions = FANOUT_DEFAULTS): string {
  const r = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
  return [
    `Hostile-but-valid: ${o.sessions} sessions × ${o.observersPerInstance} observers at ${o.updatesPerSecond}/s, while one client elsewhere sends batches of ${o.hostileBatch} notes × ${o.hostileTextLength} chars and deletes them, back to back; median (min–max) of ${runs.length} runs`,
    '| other sessions | p50 ms | p99 ms |',
    '| --- | ---: | ---: |',
    `| calm | ${r(runs.map((x) => x.calm.p50))} | ${r(runs.map((x) => x.calm.p99))} |`,
    `| with the hostile client | ${r(runs.map((x) => x.hostile.p50))} | ${r(runs.map((x) => x.hostile.p99))} |`,
    `hostile client (own process), per run over ${runs[0]?.seconds ?? 0} s: batches written ${runs.map((x) => x.attacker.batches).join(', ')}; taken by the server with their text ${runs.map((x) => x.attacker.batchesTaken).join(', ')}; sockets opened ${runs.map((x) => x.attacker.sockets).join(', ')}`,
    `hostile sockets closed with: ${[...new Set(runs.flatMap((x) => x.attacker.closes))].join('; ') || 'never'}`,
  ].join('\n');
}
