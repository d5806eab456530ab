import { performance } from 'node:perf_hooks';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { onWriteArrives, stampWrite } from './latencyProbe.ts';
import { cpuSeconds, percentile } from './procStats.ts';
import { referenceTarget, type Target, throughlineTarget } from './serverBench.ts';

/**
 * Saturation: how many updates per second a server relays before the
 * writer-to-observer p99 passes 50 ms. Every session has one writer and one
 * observer; each step switches on more writers (each at `hz`), settles,
 * then measures. The harness runs on the same machine as the server, so on
 * a small box the figure is bounded by both: the CPU columns say which.
 */
export interface SaturationOptions {
  steps: number[];
  hz: number;
  settleSeconds: number;
  measureSeconds: number;
  p99LimitMs: number;
}

export const SATURATION_DEFAULTS: SaturationOptions = {
  steps: [20, 40, 80, 120, 160, 220, 300, 400, 500],
  hz: 30,
  settleSeconds: 1,
  measureSeconds: 3,
  p99LimitMs: 50,
};

export interface SaturationStep {
  writers: number;
  offered: number;
  delivered: number;
  p50: number;
  p99: number;
  serverCpuPercent: number;
}

export interface SaturationResult {
  name: string;
  steps: SaturationStep[];
  /** Updates/s delivered at the last step whose p99 stayed within the limit. */
  sustained: number;
}

async function ramp(target: Target, o: SaturationOptions): Promise<SaturationResult> {
  const ack = target.name.startsWith('throughline');
  const pairs = target.sessions.map((s) => {
    const writer = connectDoc(target.wsUrl, s.sessionId, 'board', s.tokens[0] as string, { ack });
    const observer = connectDoc(target.wsUrl, s.sessionId, 'board', s.tokens[1] as string);
    return { writer, observer };
  });
  const all: Peer[] = pairs.flatMap((p) => [p.writer, p.observer]);
  await Promise.all(all.map(waitSynced));
  let latencies: number[] = [];
  let measuring = false;
  for (const { observer } of pairs) {
    onWriteArrives(observer.doc, (ms) => {
      if (measuring) latencies.push(ms);
    });
  }
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / o.hz;
  const steps: SaturationStep[] = [];
  let active = 0;
  try {
    for (const writers of o.steps) {
      if (writers > pairs.length) break;
      // Switch on the next writers, spread over one period so they do not fire together.
      for (let i = active; i < writers; i++) {
        const { writer } = pairs[i] as { writer: Peer };
        const delay = ((i - active) * period) / (writers - active);
        timers.push(setTimeout(() => timers.push(setInterval(() => stampWrite(writer), period)), delay));
      }
      active = writers;
      await sleep(o.settleSeconds * 1000);
      latencies = [];
      measuring = true;
      const cpu0 = cpuSeconds(target.pid);
      const t0 = performance.now();
      await sleep(o.measureSeconds * 1000);
      const elapsed = (performance.now() - t0) / 1000;
      measuring = false;
      const sorted = [...latencies].sort((a, b) => a - b);
      const step: SaturationStep = {
        writers,
        offered: writers * o.hz,
        delivered: sorted.length / elapsed,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        serverCpuPercent: ((cpuSeconds(target.pid) - cpu0) / elapsed) * 100,
      };
      steps.push(step);
      if (!(step.p99 <= o.p99LimitMs)) break;
    }
  } finally {
    for (const t of timers) clearInterval(t);
    for (const p of all) p.destroy();
  }
  const ok = steps.filter((s) => s.p99 <= o.p99LimitMs);
  return { name: target.name, steps, sustained: ok.length > 0 ? (ok[ok.length - 1] as SaturationStep).delivered : 0 };
}

export async function runSaturationBench(opts: Partial<SaturationOptions> = {}): Promise<SaturationResult[]> {
  const o = { ...SATURATION_DEFAULTS, ...opts };
  const shape = { sessions: Math.max(...o.steps), clientsPerSession: 2 };
  const results: SaturationResult[] = [];
  for (const make of [throughlineTarget, referenceTarget]) {
    const target = await make(shape);
    try {
      results.push(await ramp(target, o));
    } finally {
      await target.stop();
    }
    await sleep(500);
  }
  return results;
}

export function formatSaturationBench(results: SaturationResult[], o: SaturationOptions = SATURATION_DEFAULTS): string {
  const out = [
    `Saturation: one writer + one observer per session, writers at ${o.hz} Hz, ramped until p99 > ${o.p99LimitMs} ms (${o.measureSeconds} s per step)`,
    '| server | writers | offered/s | delivered/s | p50 ms | p99 ms | server CPU % |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const s of r.steps) {
      out.push(
        `| ${r.name} | ${s.writers} | ${s.offered} | ${s.delivered.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.serverCpuPercent.toFixed(0)} |`,
      );
    }
  }
  out.push('', ...results.map((r) => `${r.name}: sustained ${r.sustained.toFixed(0)} updates/s with p99 ≤ ${o.p99LimitMs} ms`));
  return out.join('\n');
}
