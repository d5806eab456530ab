import { z } from 'zod';
import { randomId } from './ids.ts';

/** What the evidence means for the strategy: keep it, adjust it, or replace it. */
export const STRATEGY_VERDICTS = ['keep', 'adjust', 'replace'] as const;
export type StrategyVerdict = (typeof STRATEGY_VERDICTS)[number];

/** The facilitator's answer when starting a follow-up: the verdict and why, in their words. */
export const StrategyCheckInputSchema = z.object({
  verdict: z.enum(STRATEGY_VERDICTS),
  reason: z.string().trim().min(1, 'say why: what in the evidence supports this').max(2000),
});
export type StrategyCheckInput = z.output<typeof StrategyCheckInputSchema>;

/**
 * A strategy check, kept in the brief's history of both sessions: the one
 * whose evidence was judged (`fromSessionId`) and the follow-up it opened
 * (`toSessionId`). `evidence` is what the plan's reviews said at the time,
 * frozen, so the record still explains the call after more reviews arrive.
 */
export interface StrategyCheck {
  id: string;
  verdict: StrategyVerdict;
  reason: string;
  evidence: string[];
  /** What the evidence alone suggested (`summariseEvidence`), or null when nothing was reviewed. */
  suggested: StrategyVerdict | null;
  fromSessionId: string;
  toSessionId: string;
  checkedAt: string;
  checkedBy: string;
}

export const createStrategyCheckId = () => `check:${randomId(10)}`;

/** A follow-up session started from this one (the session keeps one record per follow-up). */
export interface FollowUpRecord {
  sessionId: string;
  startedAt: string;
  startedBy: string;
  strategyCheckId: string;
}
