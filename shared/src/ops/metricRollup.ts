import type { SuccessMetric } from '../model/brief.ts';
import type { ReviewOutcome } from '../model/nextStep.ts';
import type { Plan, PlanMetric, PlanStep } from './buildPlan.ts';

/**
 * The bridge from tactics back to strategy. For each strategic metric: the
 * steps whose success check is a leading indicator for it, and the reviews
 * rolled up under it (reviews of those steps, plus any review that says it
 * touches the metric). Also the loose ends: metrics no step feeds, and
 * steps that feed no metric (a link to a metric the brief no longer has
 * counts as none).
 */
export function metricRollup(
  metrics: readonly SuccessMetric[],
  steps: readonly PlanStep[],
): Pick<Plan, 'successMetrics' | 'unfedMetrics' | 'unlinkedSteps'> {
  const names = new Set(metrics.map((m) => m.name));
  const successMetrics: PlanMetric[] = metrics.map((m) => {
    const feeding = steps.filter((s) => s.successCheck.metric === m.name);
    const evidence = steps.flatMap((s) =>
      s.review && (s.successCheck.metric === m.name || s.review.metrics.includes(m.name))
        ? [
            {
              stepId: s.id,
              stepTitle: s.title,
              ideaId: s.ideaId,
              outcome: s.review.outcome,
              learned: s.review.learned,
              recordedAt: s.review.recordedAt,
            },
          ]
        : [],
    );
    const outcomes: Record<ReviewOutcome, number> = { continue: 0, revise: 0, stop: 0 };
    for (const e of evidence) outcomes[e.outcome] += 1;
    return {
      ...m,
      fedBy: feeding.map((s) => ({
        stepId: s.id,
        ideaId: s.ideaId,
        title: s.title,
        measure: s.successCheck.measure,
        target: s.successCheck.target,
      })),
      evidence,
      outcomes,
      awaitingReview: feeding.filter((s) => !s.review).length,
    };
  });
  return {
    successMetrics,
    unfedMetrics: successMetrics.filter((m) => m.fedBy.length === 0).map((m) => m.name),
    unlinkedSteps: steps
      .filter((s) => !s.successCheck.metric || !names.has(s.successCheck.metric))
      .map((s) => ({ stepId: s.id, ideaId: s.ideaId, title: s.title })),
  };
}
