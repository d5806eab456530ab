import type { StrategyVerdict } from '../model/strategyCheck.ts';
import type { Plan } from './buildPlan.ts';

/** What a plan's reviews say about its strategy, for the strategy check. */
export interface StrategyEvidence {
  /** One line per strategic metric, then one for all reviewed steps: ready to show and to keep. */
  lines: string[];
  /** What the evidence alone suggests, or null when no step was reviewed. */
  suggested: StrategyVerdict | null;
  reviewed: number;
  steps: number;
}

const quote = (s: string, n = 80) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return `"${t.length > n ? `${t.slice(0, n - 1)}…` : t}"`;
};

/**
 * Summarises the evidence per strategic metric. The suggestion is a plain
 * reading of review outcomes — mostly stop: replace; any revise or stop:
 * adjust; all continue: keep — offered beside the form, never applied: the
 * facilitator decides, and says why.
 */
export function summariseEvidence(plan: Plan): StrategyEvidence {
  const lines: string[] = [];
  for (const m of plan.successMetrics) {
    const name = m.target ? `${m.name} (target ${m.target})` : m.name;
    if (m.evidence.length === 0) {
      lines.push(
        m.fedBy.length === 0
          ? `${name}: no step feeds it, so there is no evidence either way.`
          : `${name}: ${m.fedBy.length} ${m.fedBy.length === 1 ? 'step feeds' : 'steps feed'} it; none reviewed yet.`,
      );
      continue;
    }
    const { continue: c, revise: r, stop: s } = m.outcomes;
    const latest = [...m.evidence].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
    lines.push(`${name}: ${c} continue, ${r} revise, ${s} stop${latest ? `; latest: ${quote(latest.learned)}` : ''}.`);
  }
  const steps = plan.initiatives.flatMap((g) => g.ideas.flatMap((i) => i.steps));
  const reviewed = steps.filter((s) => s.review);
  const count = { continue: 0, revise: 0, stop: 0 };
  for (const s of reviewed) if (s.review) count[s.review.outcome] += 1;
  lines.push(
    reviewed.length === 0
      ? `No step of ${steps.length} has been reviewed yet.`
      : `${reviewed.length} of ${steps.length} steps reviewed: ${count.continue} continue, ${count.revise} revise, ${count.stop} stop.`,
  );
  let suggested: StrategyVerdict | null = null;
  if (reviewed.length > 0) {
    if (count.stop > count.continue + count.revise) suggested = 'replace';
    else if (count.revise + count.stop > 0) suggested = 'adjust';
    else suggested = 'keep';
  }
  return { lines, suggested, reviewed: reviewed.length, steps: steps.length };
}
