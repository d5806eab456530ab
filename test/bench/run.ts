import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatColdJoinBench, runColdJoinBench } from './coldJoinBench.ts';
import { FANOUT_DEFAULTS, formatCrossInstanceBench, formatHostileBench, runCrossInstanceBench, runHostileBench } from './fanoutBench.ts';
import { runIdeaQualityBench } from './ideaQualityBench.ts';
import { formatSaturationBench, runSaturationBench, SATURATION_DEFAULTS } from './saturationBench.ts';
import { formatServerBench, runServerBench, SERVER_BENCH_DEFAULTS } from './serverBench.ts';
import { formatWireBench, runWireBench } from './wireBench.ts';

/**
 * `pnpm bench`: prints figures, never asserts them. Shared machines are
 * noisy: every server row is the median (and range) of `BENCH_ROUNDS` runs
 * (3 by default), ours and the reference alternating. Pick modes with
 * `BENCH_ONLY=server,saturation,coldjoin,fanout,hostile,wire,client,ideas`
 * (comma-separated; all by default); `BENCH_SECONDS=N` and
 * `BENCH_SESSIONS=N` shorten the server run; `BENCH_PROFILE=<dir>` writes
 * V8 CPU profiles of our server (see docs/performance.md).
 */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const want = (mode: string) => !only || only.includes(mode);
const env = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
const rounds = env('BENCH_ROUNDS') ?? 3;

if (want('server')) {
  const o = {
    ...SERVER_BENCH_DEFAULTS,
    ...(env('BENCH_SECONDS') ? { seconds: env('BENCH_SECONDS') as number } : {}),
    ...(env('BENCH_SESSIONS') ? { sessions: env('BENCH_SESSIONS') as number } : {}),
  };
  console.log(formatServerBench(await runServerBench(o, rounds), o));
  console.log();
}

if (want('saturation')) {
  console.log(formatSaturationBench(await runSaturationBench(), SATURATION_DEFAULTS));
  console.log();
}

if (want('coldjoin')) {
  console.log(formatColdJoinBench(await runColdJoinBench()));
  console.log();
}

if (want('fanout')) {
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await runCrossInstanceBench());
  console.log(formatCrossInstanceBench(runs, FANOUT_DEFAULTS));
  console.log();
}

if (want('hostile')) {
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await runHostileBench());
  console.log(formatHostileBench(runs, FANOUT_DEFAULTS));
  console.log();
}

if (want('wire')) {
  console.log(formatWireBench(await runWireBench(rounds)));
  console.log();
}

if (want('ideas')) {
  console.log(runIdeaQualityBench());
  console.log();
}

const clientBench = resolve(import.meta.dirname, 'clientBench.ts');
if (want('client') && existsSync(clientBench)) {
  const mod = (await import(clientBench)) as { runClientBench?: () => Promise<string> };
  if (mod.runClientBench) console.log(await mod.runClientBench());
}
process.exit(0);
