import { assessBatch, generateOfflineIdeas } from '@throughline/shared';
import { SAMPLE_BRIEFS } from '../../shared/src/ops/sampleBriefs.fixture.ts';

const SEEDS = [1, 2, 3];
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The offline generator's quality table: ten realistic briefs × 50 ideas ×
 * three seeds, with the checks the test suite enforces (length, truncation,
 * pasted fields, constraint breaks, sentence form), distinctness, varied
 * openings, initiatives named, and the time to write 50 ideas. Printed by
 * `BENCH_ONLY=ideas pnpm bench`, so a change to the lenses can be judged.
 */
export function runIdeaQualityBench(): string {
  const rows = [
    '| brief | ideas | clean | too short/long | truncated | pasted | breaks a constraint | distinct | openings | initiative named | median words | ms for 50 |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const b of SAMPLE_BRIEFS) {
    const runs = SEEDS.map((seed) => {
      const t = performance.now();
      const ideas = generateOfflineIdeas({ brief: b, count: 50, lens: null, seed });
      return { ms: performance.now() - t, q: assessBatch(ideas, b) };
    });
    const sum = (f: (q: (typeof runs)[number]['q']) => number) => runs.reduce((a, r) => a + f(r.q), 0);
    const mean = (f: (q: (typeof runs)[number]['q']) => number) => sum(f) / runs.length;
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1] ?? 0;
    rows.push(
      `| ${b.name} | ${sum((q) => q.ideas)} | ${pct(mean((q) => q.clean))} | ${sum((q) => q.problems.length)} | ${sum((q) => q.problems.truncated)} | ${sum((q) => q.problems.pasted)} | ${sum((q) => q.problems.constraint)} | ${pct(mean((q) => q.distinct))} | ${pct(mean((q) => q.openings))} | ${pct(mean((q) => q.initiativeNamed))} | ${mean((q) => q.medianWords).toFixed(0)} | ${ms.toFixed(1)} |`,
    );
  }
  return `Offline idea generator: ${SAMPLE_BRIEFS.length} briefs × 50 ideas × ${SEEDS.length} seeds (counts summed over seeds, shares averaged; ms is the median seed)\n\n${rows.join('\n')}`;
}
