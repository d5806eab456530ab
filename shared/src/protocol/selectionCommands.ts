import { z } from 'zod';
import { CriterionIdSchema, IdeaIdSchema, InitiativeIdSchema, ParticipantIdSchema, StepIdSchema } from '../model/ids.ts';
import { IsoDateSchema, REVIEW_OUTCOMES, StepOutputSchema, SuccessCheckSchema, WORK_TYPES } from '../model/nextStep.ts';
import { ScoreValueSchema, VERDICTS } from '../model/selection.ts';
import { type StrategyCheck, StrategyCheckInputSchema } from '../model/strategyCheck.ts';

/**
 * Commands of the converge half of a session: voting and scoring (select),
 * deciding, planning next steps, reviewing them, and starting a follow-up.
 * Who may send each, and when, is in `COMMAND_RULES` (ops/commandRules.ts).
 */

/** A calendar date that exists (rejects 2026-02-30), as YYYY-MM-DD. */
export const CalendarDateSchema = IsoDateSchema.refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');

/**
 * Facilitator: the dot-voting budget and per-idea cap, and blind origin.
 * `resetVotes` clears every vote, score and published tally and un-reveals,
 * for a second round; it is the only way to reopen voting after a reveal.
 */
export const SetVotingCommand = z.object({
  type: z.literal('setVoting'),
  voteBudget: z.number().int().min(1).max(50).optional(),
  perIdeaCap: z.number().int().min(1).max(50).optional(),
  blindOrigin: z.boolean().optional(),
  resetVotes: z.literal(true).optional(),
});

/** Put `count` (default 1) more of my dots on an idea. Answers with my remaining budget. */
export const CastVoteCommand = z.object({
  type: z.literal('castVote'),
  ideaId: IdeaIdSchema,
  count: z.number().int().min(1).max(50).default(1),
});

/** Take `count` (default 1) of my dots back from an idea. Answers with my remaining budget. */
export const RetractVoteCommand = z.object({
  type: z.literal('retractVote'),
  ideaId: IdeaIdSchema,
  count: z.number().int().min(1).max(50).default(1),
});

/** Read my own votes and scores (they live only on the server until reveal). */
export const MyVotesCommand = z.object({ type: z.literal('myVotes') });

/** Score one idea 1–5 against one criterion of the decision rule; `value: null` withdraws the score. */
export const ScoreCommand = z.object({
  type: z.literal('score'),
  ideaId: IdeaIdSchema,
  criterionId: CriterionIdSchema,
  value: ScoreValueSchema.nullable(),
});

/** Facilitator: publish anonymous tallies to `control.tallies` and close voting and scoring. */
export const RevealCommand = z.object({ type: z.literal('reveal') });

/**
 * Facilitator: keep, park or drop an idea (`verdict: null` withdraws the
 * decision). Keep and drop need a rationale; keep may name the initiative
 * and the decision-rule criteria (`servesCriteria`) it serves. Keeping an
 * idea the revealed votes and scores did not favour is refused (409
 * `TL_ERR_OVERRIDE_REQUIRED`) unless `overrideReason` says why. Un-keeping
 * an idea that has next steps deletes them, so it needs `confirm: true`.
 */
export const DecideCommand = z.object({
  type: z.literal('decide'),
  ideaId: IdeaIdSchema,
  verdict: z.enum(VERDICTS).nullable(),
  rationale: z.string().trim().max(1000).default(''),
  initiativeId: InitiativeIdSchema.nullable().default(null),
  servesCriteria: z.array(CriterionIdSchema).max(12).default([]),
  overrideReason: z.string().trim().max(1000).default(''),
  confirm: z.boolean().optional(),
});

/** The editable fields of a next step. */
export const NextStepInputSchema = z.object({
  /** Given to edit, or to create with a client-chosen id (optimistic UI); omitted to create. */
  id: StepIdSchema.optional(),
  ideaId: IdeaIdSchema,
  title: z.string().trim().max(200).default(''),
  /** A participant of the session as owner; their name is taken from the session, not from here. */
  ownerId: ParticipantIdSchema.nullable().default(null),
  /** A named person who is not in the session (ignored when `ownerId` is set). */
  ownerName: z.string().trim().max(80).default(''),
  due: CalendarDateSchema.nullable().default(null),
  outputs: z.array(StepOutputSchema).max(10).default([]),
  successCheck: SuccessCheckSchema.extend({ reviewDate: CalendarDateSchema.nullable().default(null) }).default({
    measure: '',
    target: '',
    reviewDate: null,
    metric: null,
  }),
  workType: z.enum(WORK_TYPES).default('tactical'),
  initiativeId: InitiativeIdSchema.nullable().default(null),
});
export type NextStepInput = z.output<typeof NextStepInputSchema>;

export const UpsertNextStepCommand = z.object({
  type: z.literal('upsertNextStep'),
  step: NextStepInputSchema,
});

export const DeleteNextStepCommand = z.object({
  type: z.literal('deleteNextStep'),
  stepId: StepIdSchema,
});

/** The step's owner (or the facilitator): the result, any time (the review date is a reminder, not a lock). */
export const RecordReviewCommand = z.object({
  type: z.literal('recordReview'),
  stepId: StepIdSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
  learned: z.string().trim().min(1, 'say what was learned').max(2000),
  /** Names of the brief's strategic success metrics this evidence touches. */
  metrics: z.array(z.string().trim().min(1).max(120)).max(12).default([]),
});

/**
 * Facilitator: open a new session carrying this one's brief and open steps,
 * after a strategy check (keep, adjust or replace the strategy, and why).
 * Idempotent: once a follow-up exists, sending this again answers with that
 * session (`existing: true`) and creates nothing, unless `another: true`
 * asks for a further follow-up, which needs its own strategy check.
 */
export const StartFollowUpCommand = z.object({
  type: z.literal('startFollowUp'),
  strategyCheck: StrategyCheckInputSchema.optional(),
  another: z.literal(true).optional(),
});

export const SELECTION_COMMAND_SCHEMAS = [
  SetVotingCommand,
  CastVoteCommand,
  RetractVoteCommand,
  MyVotesCommand,
  ScoreCommand,
  RevealCommand,
  DecideCommand,
  UpsertNextStepCommand,
  DeleteNextStepCommand,
  RecordReviewCommand,
  StartFollowUpCommand,
] as const;

/** What castVote, retractVote and myVotes answer: only the caller's own dots. */
export interface MyVotesValue {
  budget: number;
  perIdeaCap: number;
  /** Dots left to spend: `budget` minus the sum of `votes`, never below 0. */
  remaining: number;
  /** IdeaId → my dots on it (ideas with 0 are absent). */
  votes: Record<string, number>;
  /** IdeaId → CriterionId → my 1–5 score. */
  scores: Record<string, Record<string, number>>;
  /** False for viewers, and once votes are revealed (voting is closed). */
  canVote: boolean;
}

/** What startFollowUp answers: the new session, as `POST /api/sessions` does. */
export interface FollowUpValue {
  sessionId: string;
  facilitatorToken: string;
  links: { facilitator: string; participant: string; viewer: string };
  /** How many open steps were carried over (0 when answering with an existing follow-up). */
  carriedSteps: number;
  /** True when this is the follow-up started earlier: nothing new was created. */
  existing: boolean;
  /** The strategy check the follow-up opened with. */
  strategyCheck: StrategyCheck | null;
}
