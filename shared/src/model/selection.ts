import { z } from 'zod';
import type { CriterionId, IdeaId, InitiativeId, ParticipantId } from './ids.ts';

/** One person's dots on one idea. Kept server-side only until reveal. */
export interface Vote {
  ideaId: IdeaId;
  participantId: ParticipantId;
  count: number;
}

/** One person's 1–5 score of one idea against one criterion. Server-side until reveal. */
export interface Score {
  ideaId: IdeaId;
  participantId: ParticipantId;
  criterionId: CriterionId;
  value: number;
}
export const ScoreValueSchema = z.number().int().min(1).max(5);

/** Revealed, anonymous totals per idea: who voted for what is never published. */
export interface Tally {
  ideaId: IdeaId;
  votes: number;
  voters: number;
  /** Mean score per criterion id, over those who scored. */
  criterionMeans: Record<string, number>;
  /** Weighted mean score on the 1–5 scale, or null when nobody scored. */
  weightedScore: number | null;
}

export const VERDICTS = ['keep', 'park', 'drop'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The facilitator's call on one idea. Keep and drop carry a rationale tied
 * to the strategy. A keep names the criteria it serves; a keep the revealed
 * votes and scores did not favour is an override and says why. Decisions
 * stored before these fields existed read back with `servesCriteria: []`
 * and `override: false` (see `readDecisions`).
 */
export interface Decision {
  ideaId: IdeaId;
  verdict: Verdict;
  rationale: string;
  initiativeId: InitiativeId | null;
  /** Criterion ids of the decision rule this kept idea serves; empty for park and drop. */
  servesCriteria: CriterionId[];
  /** True when the idea was kept against the votes and scores (`keepEvidence`). */
  override: boolean;
  /** Why the facilitator kept it anyway; empty unless `override`. */
  overrideReason: string;
  decidedBy: ParticipantId;
  decidedByName: string;
  decidedAt: string;
}
