import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createSession, join as joinSession } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { spawnServer } from '../helpers/spawnServer.ts';
import { onWriteArrives, stampWrite } from './latencyProbe.ts';
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

export interface Target {
  name: string;
  pid: number;
  wsUrl: string;
  /** Per session: the socket base and one token per client (the reference ignores tokens). */
  sessions: { sessionId: string; tokens: string[] }[];
  stop(): Promise<unknown>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/**
 * `BENCH_PROFILE=<dir>`: V8 CPU profiles of each server process, ours in
 * `<dir>/ours` and the reference's in `<dir>/reference`, to compare where
 * each spends its time.
 */
export function profileArgs(which: 'ours' | 'reference' | 'hostile'): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, which)}`] : [];
}

/** The shape of a workload: how many sessions, and clients in each. */
export type TargetShape = Pick<ServerBenchOptions, 'sessions' | 'clientsPerSession'>;

/**
 * Our compiled server (`node server/dist/server.js`, as `pnpm start` runs
 * it) on a fresh SQLite data dir, with the sessions created and joined.
 */
export async function throughlineTarget(o: TargetShape): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const srv = await spawnServer(dir, { LOG_LEVEL: 'error' }, profileArgs('ours'));
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

/** `@y/websocket-server` as its README runs it: memory only, no auth, no persistence. */
export async function referenceTarget(o: TargetShape): Promise<Target> {
  const port = await freePort();
  const entry = resolve(import.meta.dirname, '../node_modules/@y/websocket-server/src/server.js');
  // A profile is written on a normal exit only, and the reference server has no SIGTERM handler of its own.
  const profiling = profileArgs('reference');
  const args = profiling.length
    ? [
        ...profiling,
        '--input-type=module',
        '-e',
        `process.on('SIGTERM', () => process.exit(0)); await import(${JSON.stringify(pathToFileURL(entry).href)});`,
      ]
    : [entry];
  const child: ChildProcess = spawn(process.execPath, args, {
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
        onWriteArrives(p.doc, (ms) => {
          if (measuring) latencies.push(ms);
        });
      }
    }
  }
  await Promise.all(peers.map(waitSynced));
  const period = 1000 / o.updatesPerSecond;
  const timers = writers.map((w, i) => {
    let t: NodeJS.Timeout | undefined;
    const start = setTimeout(
      () => {
        t = setInterval(() => stampWrite(w), period);
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

/** One run per target per round, alternating which goes first, so drift on a shared machine hits both alike. */
export interface ServerBenchResult {
  ours: ServerBenchRow[];
  reference: ServerBenchRow[];
}

export async function runServerBench(opts: Partial<ServerBenchOptions> = {}, rounds = 3): Promise<ServerBenchResult> {
  const o = { ...SERVER_BENCH_DEFAULTS, ...opts };
  const out: ServerBenchResult = { ours: [], reference: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const);
    for (const which of order) {
      const target = await (which === 'ours' ? throughlineTarget(o) : referenceTarget(o));
      try {
        out[which].push(await drive(target, o));
      } finally {
        await target.stop();
      }
      await sleep(500);
    }
  }
  return out;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** "median (min–max)" of one figure over the rounds. */
export function medianRange(xs: number[], digits: number): string {
  if (xs.length === 1) return (xs[0] as number).toFixed(digits);
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
}

type Figure = 'p50' | 'p99' | 'cpuPercent' | 'rssMiB';
const FIGURES: { key: Figure; digits: number }[] = [
  { key: 'p50', digits: 2 },
  { key: 'p99', digits: 2 },
  { key: 'cpuPercent', digits: 0 },
  { key: 'rssMiB', digits: 0 },
];

export function formatServerBench(result: ServerBenchResult, o: ServerBenchOptions): string {
  const rounds = result.ours.length;
  const head = `Server: ${o.sessions} sessions × ${o.clientsPerSession} clients, one writer per session at ${o.updatesPerSecond} updates/s, ${o.seconds} s (after ${o.warmupSeconds} s warm-up); median (min–max) of ${rounds} alternating runs`;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    head,
    line(['server', 'p50 ms', 'p99 ms', 'observed', 'server CPU %', 'peak RSS MiB']),
    line(['---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const rows of [result.ours, result.reference]) {
    if (rows.length === 0) continue;
    out.push(
      line([
        (rows[0] as ServerBenchRow).name,
        ...FIGURES.slice(0, 2).map((f) =>
          medianRange(
            rows.map((r) => r[f.key]),
            f.digits,
          ),
        ),
        medianRange(
          rows.map((r) => r.observed),
          0,
        ),
        ...FIGURES.slice(2).map((f) =>
          medianRange(
            rows.map((r) => r[f.key]),
            f.digits,
          ),
        ),
      ]),
    );
  }
  const n = Math.min(result.ours.length, result.reference.length);
  if (n > 0) {
    // Ratio of medians; the range is over the per-round ratios.
    const ratio = (f: Figure) => {
      const per = Array.from({ length: n }, (_, i) => (result.ours[i] as ServerBenchRow)[f] / (result.reference[i] as ServerBenchRow)[f]);
      const m = median(result.ours.map((r) => r[f])) / median(result.reference.map((r) => r[f]));
      return n === 1 ? m.toFixed(2) : `${m.toFixed(2)} (${Math.min(...per).toFixed(2)}–${Math.max(...per).toFixed(2)})`;
    };
    out.push(line(['ratio ours / reference', ratio('p50'), ratio('p99'), '', ratio('cpuPercent'), ratio('rssMiB')]));
  }
  return out.join('\n');
}
