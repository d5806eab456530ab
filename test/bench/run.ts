import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runIdeaQualityBench } from './ideaQualityBench.ts';
import { formatServerBench, runServerBench, SERVER_BENCH_DEFAULTS } from './serverBench.ts';

/**
 * `pnpm bench`: prints figures, never asserts them. Shared machines are
 * noisy: compare the side-by-side rows and ratios of one run, not absolute
 * numbers across runs. `BENCH_ONLY=server|client|ideas`, `BENCH_SECONDS=N` and
 * `BENCH_SESSIONS=N` shorten a run.
 */
const only = process.env.BENCH_ONLY;
const env = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);

if (!only || only === 'server') {
  const o = {
    ...SERVER_BENCH_DEFAULTS,
    ...(env('BENCH_SECONDS') ? { seconds: env('BENCH_SECONDS') as number } : {}),
    ...(env('BENCH_SESSIONS') ? { sessions: env('BENCH_SESSIONS') as number } : {}),
  };
  console.log(formatServerBench(await runServerBench(o), o));
  console.log();
}

if (!only || only === 'ideas') {
  console.log(runIdeaQualityBench());
  console.log();
}

const clientBench = resolve(import.meta.dirname, 'clientBench.ts');
if ((!only || only === 'client') && existsSync(clientBench)) {
  const mod = (await import(clientBench)) as { runClientBench?: () => Promise<string> };
  if (mod.runClientBench) console.log(await mod.runClientBench());
}
process.exit(0);
