/**
 * Speed of the offline generator (not a test: `node --import tsx test/ai/offlineIdeasBench.ts`).
 * The issue asks for 50 ideas well under 100 ms; this prints the median and worst of many runs.
 */
import { generateOfflineIdeas, parseBrief } from '@throughline/shared';
import { sampleBrief } from '../helpers/api.ts';

const parsed = parseBrief(sampleBrief());
if (!parsed.ok) throw new Error('bad sample brief');
const avoid = generateOfflineIdeas({ brief: parsed.value, count: 50, lens: null, seed: 999 }).map((i) => i.text);
const times: number[] = [];
for (let seed = 0; seed < 200; seed++) {
  const t = performance.now();
  const ideas = generateOfflineIdeas({ brief: parsed.value, count: 50, lens: null, seed, avoid: seed % 2 ? avoid : [] });
  times.push(performance.now() - t);
  if (ideas.length === 0) throw new Error('no ideas');
}
times.sort((a, b) => a - b);
const ms = (x: number | undefined) => `${(x ?? 0).toFixed(2)} ms`;
console.log(`offline generator, 50 ideas: median ${ms(times[100])}, p99 ${ms(times[198])}, worst ${ms(times[199])}`);
