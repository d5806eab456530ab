import { z } from 'zod';
import type { IdeaId, InitiativeId, StepId } from './ids.ts';

export const WORK_TYPES = ['tactical', 'operational', 'strategic'] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export const OUTPUT_KINDS = ['asset', 'experiment', 'release', 'decision'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A defined output of a step. */
export const StepOutputSchema = z.object({
  kind: z.enum(OUTPUT_KINDS),
  description: z.string().trim().min(1).max(300),
});
export type StepOutput = z.infer<typeof StepOutputSchema>;

/**
 * How we will know the step worked: a measure, a target, and when to look.
 * `metric` names the brief's strategic success metric this check is a
 * leading indicator for (by name, as reviews name metrics), or null: that
 * link is how a tactic traces up to the outcome it should move.
 */
export const SuccessCheckSchema = z.object({
  measure: z.string().trim().max(200).default(''),
  target: z.string().trim().max(200).default(''),
  reviewDate: IsoDateSchema.nullable().default(null),
  metric: z.string().trim().min(1).max(120).nullable().default(null),
});
export type SuccessCheck = z.output<typeof SuccessCheckSchema>;

export const REVIEW_OUTCOMES = ['continue', 'revise', 'stop'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** An owner's verdict on a step (any time: the review date is a reminder): the evidence that flows back to the strategy. */
export interface StepReview {
  outcome: ReviewOutcome;
  learned: string;
  /** Names of the brief's success metrics this evidence touches. */
  metrics: string[];
  recordedBy: string;
  recordedAt: string;
}

/**
 * An owned next step for a kept idea. `ownerId` is set when the owner is a
 * participant (who may then edit it); `ownerName` always names the owner.
 */
export interface NextStep {
  id: StepId;
  ideaId: IdeaId;
  title: string;
  ownerId: string | null;
  ownerName: string;
  due: string | null;
  outputs: StepOutput[];
  successCheck: SuccessCheck;
  workType: WorkType;
  initiativeId: InitiativeId | null;
  review: StepReview | null;
  updatedAt: string;
}

/** A step is a tactic only when it has an owner, a due date and a success check; otherwise it is an intention. */
export type StepStatus = 'tactic' | 'intention';
