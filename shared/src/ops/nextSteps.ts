import type { NextStep, StepStatus } from '../model/nextStep.ts';

/** The parts a step needs before it counts as a tactic rather than an intention. */
export type StepMissing = 'owner' | 'due' | 'successCheck';

/**
 * What a step still lacks, in the order a planner fills them in. A success
 * check is complete only with a measure, a target and a review date: without
 * the date nobody is asked to look, so it is not yet a check.
 */
export function stepMissing(step: Pick<NextStep, 'ownerName' | 'due' | 'successCheck'>): StepMissing[] {
  const out: StepMissing[] = [];
  if (!step.ownerName.trim()) out.push('owner');
  if (!step.due) out.push('due');
  const c = step.successCheck;
  if (!c.measure.trim() || !c.target.trim() || !c.reviewDate) out.push('successCheck');
  return out;
}

/** A step is a tactic only with an owner, a due date and a complete success check; otherwise an intention. */
export const stepStatus = (step: Pick<NextStep, 'ownerName' | 'due' | 'successCheck'>): StepStatus =>
  stepMissing(step).length === 0 ? 'tactic' : 'intention';
