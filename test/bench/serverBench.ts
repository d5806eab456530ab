import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { cpuSeconds, percentile, rssMiB } from './procStats.ts';

export interface ServerBenchOptions {
  sessions: number;
  clientsPerSession: number;
  updatesPerSecond: number;
  seconds: number;
  warmupSeconds: number;
}

export interface ServerBenchRow {
  name: string;
  p50: number;
  p99: number;
  observed: number;
  cpuPercent: number;
  rssMiB: number;
}

export const SERVER_BENCH_DEFAULTS: ServerBenchOptions = {
  sessions: 100,
  clientsPerSession: 5,
  updatesPerSecond: 30,
  seconds: 20,
  warmupSeconds: 3,
};

interface Target {
  name: string;
  pid: number;
  wsUrl: string;
  /** Per session: the socket base and one token per client (the reference ignores tokens). */
  sessions: { sessionId: string; tokens: string[] }[];
  stop(): Promise<unknown>;
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

async function throughlineTarget(o: ServerBenchOptions): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of our server there, to find hot spots.
  const profile = process.env.BENCH_PROFILE;
  const srv = await spawnServer(dir, { LOG_LEVEL: 'error' }, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const sessions: Target['sessions'] = [];
  for (let i = 0; i < o.sessions; i++) {
    const s = await createSession(srv.url);
    const tokens = [s.facilitatorToken];
    for (let c = 1; c < o.clientsPerSession; c++)
      tokens.push((await joinSession(srv.url, s.sessionId, s.invites.participant, `c${c}`)).token);
    sessions.push({ sessionId: s.sessionId, tokens });
  }
  return {
    name: 'throughline (SQLite, durable, acks)',
    pid: srv.child.pid as number,
    wsUrl: srv.wsUrl,
    sessions,
    stop: async () => {
      await srv.stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function referenceTarget(o: ServerBenchOptions): Promise<Target> {
  const port = await freePort();
  const entry = resolve(import.meta.dirname, '../node_modules/@y/websocket-server/src/server.js');
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (d) => String(d).includes('running') && ok());
    child.on('exit', (c) => fail(new Error(`reference server exited ${c}`)));
  });
  const exited = new Promise((r) => child.on('exit', r));
  return {
    name: '@y/websocket-server (memory only)',
    pid: child.pid as number,
    wsUrl: `ws://127.0.0.1:${port}`,
    sessions: Array.from({ length: o.sessions }, (_, i) => ({ sessionId: `bench${i}`, tokens: Array(o.clientsPerSession).fill('none') })),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Drives one target: one writer per session, the rest observe; latency is writer-set → observer-sees. */
async function drive(target: Target, o: ServerBenchOptions): Promise<ServerBenchRow> {
  const peers: Peer[] = [];
  const writers: Peer[] = [];
  const latencies: number[] = [];
  let measuring = false;
  for (const s of target.sessions) {
    for (const [i, token] of s.tokens.entries()) {
      const p = connectDoc(target.wsUrl, s.sessionId, 'board', token, { ack: i === 0 && target.name.startsWith('throughline') });
      peers.push(p);
      if (i === 0) writers.push(p);
      else {
        const m = p.doc.getMap<number>('bench');
        m.observe(() => {
          const t = m.get('t');
          if (measuring && typeof t === 'number') latencies.push(performance.now() - t);
        });
      }
    }
  }
  await Promise.all(peers.map(waitSynced));
  const period = 1000 / o.updatesPerSecond;
  const timers = writers.map((w, i) => {
    const m = w.doc.getMap<number>('bench');
    let t: NodeJS.Timeout | undefined;
    const start = setTimeout(
      () => {
        t = setInterval(() => m.set('t', performance.now()), period);
      },
      (i * period) / writers.length,
    );
    return () => {
      clearTimeout(start);
      if (t) clearInterval(t);
    };
  });
  await sleep(o.warmupSeconds * 1000);
  measuring = true;
  const cpu0 = cpuSeconds(target.pid);
  let peakRss = rssMiB(target.pid);
  const started = performance.now();
  while (performance.now() - started < o.seconds * 1000) {
    await sleep(500);
    peakRss = Math.max(peakRss, rssMiB(target.pid));
  }
  const cpu = ((cpuSeconds(target.pid) - cpu0) / ((performance.now() - started) / 1000)) * 100;
  measuring = false;
  for (const stop of timers) stop();
  for (const p of peers) p.destroy();
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    observed: latencies.length,
    cpuPercent: cpu,
    rssMiB: peakRss,
  };
}

export async function runServerBench(opts: Partial<ServerBenchOptions> = {}): Promise<ServerBenchRow[]> {
  const o = { ...SERVER_BENCH_DEFAULTS, ...opts };
  const rows: ServerBenchRow[] = [];
  for (const make of [throughlineTarget, referenceTarget]) {
    const target = await make(o);
    try {
      rows.push(await drive(target, o));
    } finally {
      await target.stop();
    }
    await sleep(500);
  }
  return rows;
}

export function formatServerBench(rows: ServerBenchRow[], o: ServerBenchOptions): string {
  const head = `Server: ${o.sessions} sessions × ${o.clientsPerSession} clients, one writer per session at ${o.updatesPerSecond} updates/s, ${o.seconds} s (after ${o.warmupSeconds} s warm-up)`;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    head,
    line(['server', 'p50 ms', 'p99 ms', 'observed', 'server CPU %', 'peak RSS MiB']),
    line(['---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const r of rows)
    out.push(line([r.name, r.p50.toFixed(2), r.p99.toFixed(2), String(r.observed), r.cpuPercent.toFixed(0), r.rssMiB.toFixed(0)]));
  const [ours, ref] = rows;
  if (ours && ref) {
    out.push(
      line([
        'ratio ours / reference',
        (ours.p50 / ref.p50).toFixed(2),
        (ours.p99 / ref.p99).toFixed(2),
        '',
        (ours.cpuPercent / ref.cpuPercent).toFixed(2),
        (ours.rssMiB / ref.rssMiB).toFixed(2),
      ]),
    );
  }
  return out.join('\n');
}
