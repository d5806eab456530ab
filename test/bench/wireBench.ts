import { sessionWithPeople } from '../helpers/api.ts';
import { connectDoc, type Peer, sleep, waitSynced } from '../helpers/connectDoc.ts';
import { awarenessFrame, deepNesting, deleteSetFlood, gcFlood, hugeAwareness, updateFrame } from '../helpers/hostileUpdates.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { onWriteArrives, stampWrite } from './latencyProbe.ts';
import { cpuSeconds, percentile, rssMiB } from './procStats.ts';
import { medianRange, throughlineTarget } from './serverBench.ts';

/**
 * The fan-out workload (one writer and four observers per session, 30
 * updates/s each) measured quiet and while one client in another session
 * sends the hostile updates back to back: two million GC structs, a
 * million delete ranges, a 1 MiB awareness state, Maps nested 20,000 deep.
 * Each is refused (4413) and the attacker reconnects at once; during its
 * back-off its new sockets are refused before they join (4429). Self-contained:
 * its own server process, sessions and attacker.
 */
export interface WireBenchRow {
  attack: boolean;
  p50: number;
  p99: number;
  /** The other sessions' worst round trip (writer → observer) while measuring. */
  worst: number;
  cpuPercent: number;
  rssMiB: number;
  /** Peak RSS while measuring minus RSS before the attacker (or the quiet run's same span) started. */
  rssGrowthMiB: number;
  /** Hostile frames the server read and refused by its bounds (4413). */
  refusedFrames: number;
  /** Sockets refused before they joined (4429: the attacker's back-off). */
  backedOff: number;
}

const SESSIONS = 20;
const CLIENTS = 5;
const UPDATES_PER_SECOND = 30;
const SECONDS = 8;

async function attacker(wsUrl: string, sessionId: string, token: string, stop: () => boolean) {
  const frames = [
    updateFrame(gcFlood(2_000_000)),
    updateFrame(deleteSetFlood(1_000_000)),
    awarenessFrame(hugeAwareness(1024 * 1024)),
    updateFrame(deepNesting(20_000)),
  ];
  let refusedFrames = 0;
  let backedOff = 0;
  for (let i = 0; !stop(); i++) {
    const s = rawSocket(`${wsUrl}/sync/${sessionId}/board?token=${token}`);
    await s.opened.catch(() => {});
    s.send(frames[i % frames.length] as Uint8Array);
    const { code } = await s.closed;
    if (code === 4413) refusedFrames++;
    if (code === 4429) backedOff++;
  }
  return { refusedFrames, backedOff };
}

async function runOnce(attack: boolean): Promise<WireBenchRow> {
  const target = await throughlineTarget({ sessions: SESSIONS, clientsPerSession: CLIENTS });
  const bad = await sessionWithPeople(target.wsUrl.replace('ws', 'http'));
  const peers: Peer[] = [];
  const latencies: number[] = [];
  let measuring = false;
  const writers: Peer[] = [];
  for (const s of target.sessions) {
    for (const [i, token] of s.tokens.entries()) {
      const p = connectDoc(target.wsUrl, s.sessionId, 'board', token);
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
  const timers = writers.map((w) => setInterval(() => stampWrite(w), 1000 / UPDATES_PER_SECOND));
  let stopped = false;
  const rssBefore = rssMiB(target.pid);
  const refusedP = attack
    ? attacker(target.wsUrl, bad.sessionId, bad.participant.token, () => stopped)
    : Promise.resolve({ refusedFrames: 0, backedOff: 0 });
  await sleep(1000);
  measuring = true;
  const cpu0 = cpuSeconds(target.pid);
  let peak = rssMiB(target.pid);
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    await sleep(250);
    peak = Math.max(peak, rssMiB(target.pid));
  }
  const cpu = ((cpuSeconds(target.pid) - cpu0) / ((performance.now() - started) / 1000)) * 100;
  measuring = false;
  stopped = true;
  for (const t of timers) clearInterval(t);
  const { refusedFrames, backedOff } = await refusedP;
  for (const p of peers) p.destroy();
  await target.stop();
  latencies.sort((a, b) => a - b);
  return {
    attack,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    worst: latencies.at(-1) ?? Number.NaN,
    cpuPercent: cpu,
    rssMiB: peak,
    rssGrowthMiB: peak - rssBefore,
    refusedFrames,
    backedOff,
  };
}

/** Quiet and attacked runs alternate, `rounds` of each. */
export async function runWireBench(rounds = 3): Promise<WireBenchRow[]> {
  const rows: WireBenchRow[] = [];
  for (let i = 0; i < rounds; i++) rows.push(await runOnce(false), await runOnce(true));
  return rows;
}

export function formatWireBench(rows: WireBenchRow[]): string {
  const m = (r: WireBenchRow[], pick: (x: WireBenchRow) => number, digits: number) => medianRange(r.map(pick), digits);
  const line = (attack: boolean) => {
    const r = rows.filter((x) => x.attack === attack);
    const head = `| ${attack ? 'while one client sends hostile updates' : 'quiet'} | ${m(r, (x) => x.p50, 1)} | ${m(r, (x) => x.p99, 1)} | ${m(r, (x) => x.worst, 1)} | ${m(r, (x) => x.cpuPercent, 0)} | ${m(r, (x) => x.rssMiB, 0)} | ${m(r, (x) => x.rssGrowthMiB, 1)} |`;
    if (!attack) return `${head} | |`;
    // Every socket carried one frame: read and refused (4413), or sent to a socket refused before it joined (4429).
    const perFrame = (x: WireBenchRow) => (x.rssGrowthMiB * 1024) / Math.max(1, x.refusedFrames + x.backedOff);
    return `${head} ${m(r, (x) => x.refusedFrames, 0)} refused (4413) + ${m(r, (x) => x.backedOff, 0)} on sockets backed off (4429); RSS growth per frame sent ${m(r, perFrame, 0)} KiB |`;
  };
  return [
    `Wire bounds: fan-out, ${SESSIONS} sessions × ${CLIENTS} clients at ${UPDATES_PER_SECOND}/s for ${SECONDS} s, quiet and while one client in another session sends the issue's hostile frames back to back (2M GC structs, 1M delete ranges, 1 MiB awareness, Maps 20,000 deep); median (min–max) of ${rows.length / 2} runs each`,
    '| other sessions | p50 ms | p99 ms | worst ms | server CPU % | peak RSS MiB | RSS growth MiB | hostile frames |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    line(false),
    line(true),
  ].join('\n');
}
