import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 `.cpuprofile` (from `BENCH_PROFILE`): busy time, then self
 * time by function and by package, over the span in which the server
 * handled client writes (ours: `handleWrite`; the reference:
 * `messageListener`), so start-up and shutdown do not blur the comparison.
 *
 *   node --import tsx test/bench/profileSummary.ts <file.cpuprofile> [rows]
 *
 * Profiles sample wall time: on a loaded machine a syscall that wakes another
 * process (a socket write, a message to the writer thread) also collects the
 * time this thread then waited for a core. Compare shares between profiles
 * taken together, not absolute times.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const WRITE_HANDLERS = /^(handleWrite|messageListener)$/;

export function summariseProfile(p: Profile, rows = 30): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = (id: number) => {
    const out: ProfileNode[] = [];
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) out.push(byId.get(c) as ProfileNode);
    return out;
  };
  let t = p.startTime;
  const at = p.timeDeltas.map((d) => (t += d));
  let from = Number.POSITIVE_INFINITY;
  let to = 0;
  p.samples.forEach((id, i) => {
    if (!stack(id).some((n) => WRITE_HANDLERS.test(n.callFrame.functionName))) return;
    from = Math.min(from, at[i] as number);
    to = Math.max(to, at[i] as number);
  });
  if (to === 0) [from, to] = [p.startTime, t];
  const pkg = (url: string) =>
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.replace(/^.*\/(dist|src)\//, '$1/') || '(native)');
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  p.samples.forEach((id, i) => {
    const when = at[i] as number;
    if (when < from || when > to) return;
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    if (functionName === '(idle)') return;
    const d = p.timeDeltas[i + 1] ?? 0;
    busy += d;
    const fn = `${functionName || '(anonymous)'} ${pkg(url)}:${lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + d);
    byPackage.set(pkg(url), (byPackage.get(pkg(url)) ?? 0) + d);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((v / busy) * 100).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `window ${((to - from) / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(2)} s (${((busy / (to - from)) * 100).toFixed(0)}%); shares of busy time`,
    '-- self time by function',
    ...top(byFunction, rows),
    '-- self time by package',
    ...top(byPackage, 12),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error('usage: node --import tsx test/bench/profileSummary.ts <file.cpuprofile> [rows]');
  console.log(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, rows ? Number(rows) : 30));
}
