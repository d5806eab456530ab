import type { Brief, Initiative } from '../model/brief.ts';
import { type Idea, NOTE_SIZE } from '../model/idea.ts';
import { createIdeaId, createStepId, type IdeaId } from '../model/ids.ts';
import type { NextStep, ReviewOutcome, StepReview } from '../model/nextStep.ts';
import type { Decision } from '../model/selection.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { Plan, PlanIdea, PlanStep } from './buildPlan.ts';
import { canEditStep, type StepActor } from './nextSteps.ts';
import { type Checked, refuse } from './phaseRules.ts';

/**
 * The furthest-ahead time zone is UTC+14: a review date has begun somewhere
 * on Earth once UTC is 14 hours short of it. Reviews are open any time; this
 * only decides when a step is shown as due, so nobody is reminded late.
 */
const EARLIEST_ZONE_MS = 14 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in the time zone where it is latest. */
export const latestToday = (nowMs: number) => new Date(nowMs + EARLIEST_ZONE_MS).toISOString().slice(0, 10);

/** True once `reviewDate` has begun in at least one time zone: the step's review is due (a reminder, not a lock). */
export const reviewDateReached = (reviewDate: string, nowMs: number) => reviewDate <= latestToday(nowMs);

/**
 * Validates a review and returns it to store on the step. The step's owner
 * (a participant) or the facilitator (for anyone, including named owners
 * who are not in the session) records it at any time: the review date is a
 * reminder, and evidence that arrives early, or for a step nobody dated,
 * still counts. Metrics must be names of the brief's strategic success
 * metrics. A new review replaces the previous one (the latest evidence counts).
 */
export function checkRecordReview(
  input: { outcome: ReviewOutcome; learned: string; metrics: readonly string[] },
  ctx: {
    step: NextStep | null;
    brief: Pick<Brief, 'successMetrics'>;
    actor: StepActor & { name: string };
    nowMs: number;
  },
): Checked<StepReview> {
  const { step, actor } = ctx;
  if (!step) return refuse(404, ErrorCode.notFound, 'No such step (it may have been deleted).');
  if (!canEditStep(step, actor)) {
    return refuse(403, ErrorCode.forbidden, "Only the step's owner or the facilitator records its review.");
  }
  const learned = input.learned.trim();
  if (!learned) return refuse(400, ErrorCode.invalidCommand, 'Say what was learned.');
  const known = new Set(ctx.brief.successMetrics.map((m) => m.name));
  const unknown = input.metrics.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    return refuse(400, ErrorCode.invalidCommand, `Not a success metric of the brief: ${unknown.join(', ')}.`);
  }
  return {
    ok: true,
    value: {
      outcome: input.outcome,
      learned,
      metrics: [...new Set(input.metrics)],
      recordedBy: actor.name,
      recordedAt: new Date(ctx.nowMs).toISOString(),
    },
  };
}

/** One step in the review view, with the idea it serves. */
export interface ReviewRow {
  step: PlanStep;
  idea: Pick<PlanIdea, 'id' | 'text' | 'decision'>;
}

/** Results under one initiative (or under none). */
export interface ReviewGroup {
  initiative: Initiative | null;
  reviewed: ReviewRow[];
  /** Steps still awaiting a review; `step.reviewDue` says whether it is time. */
  pending: ReviewRow[];
  outcomes: Record<ReviewOutcome, number>;
}

export interface ReviewView {
  groups: ReviewGroup[];
  /** Each strategic metric with how much evidence touches it; untouched metrics have `touchedBy: 0`. */
  metrics: { name: string; target: string; touchedBy: number; outcomes: Record<ReviewOutcome, number> }[];
}

const noOutcomes = (): Record<ReviewOutcome, number> => ({ continue: 0, revise: 0, stop: 0 });

/**
 * Groups the plan's steps by initiative for the review phase: reviewed
 * results and those still pending, outcome counts per initiative, and which
 * strategic metrics the evidence touches. Steps are grouped by their
 * effective initiative (their own, else their idea's), so evidence lands
 * under the initiative the owner said it serves.
 */
export function buildReviewView(plan: Plan): ReviewView {
  const order = plan.initiatives.map((g) => g.initiative);
  const groups = new Map<string, ReviewGroup>();
  const keyOf = (id: string | null) => id ?? '';
  for (const initiative of order) {
    groups.set(keyOf(initiative?.id ?? null), { initiative, reviewed: [], pending: [], outcomes: noOutcomes() });
  }
  for (const g of plan.initiatives) {
    for (const idea of g.ideas) {
      for (const step of idea.steps) {
        const key = keyOf(step.effectiveInitiativeId);
        let group = groups.get(key);
        if (!group) {
          group = { initiative: null, reviewed: [], pending: [], outcomes: noOutcomes() };
          groups.set(key, group);
        }
        const row = { step, idea: { id: idea.id, text: idea.text, decision: idea.decision } };
        if (step.review) {
          group.reviewed.push(row);
          group.outcomes[step.review.outcome] += 1;
        } else group.pending.push(row);
      }
    }
  }
  return {
    groups: [...groups.values()].filter((g) => g.initiative || g.reviewed.length + g.pending.length > 0),
    metrics: plan.successMetrics.map((m) => {
      const outcomes = noOutcomes();
      for (const e of m.evidence) outcomes[e.outcome] += 1;
      return { name: m.name, target: m.target, touchedBy: m.evidence.length, outcomes };
    }),
  };
}

/** What a follow-up session starts with. */
export interface FollowUpSeed {
  brief: Brief;
  /** Copies of the kept ideas that still have open steps, laid out on the canvas. */
  ideas: Idea[];
  /** Their keep decisions, rationale intact. */
  decisions: Decision[];
  /** The open steps, with new ids, pointing at the copied ideas, reviews cleared. */
  steps: NextStep[];
}

/** A step is still open unless its owner reviewed it and said stop. */
export const isOpenStep = (s: Pick<NextStep, 'review'>) => s.review?.outcome !== 'stop';

/**
 * Seeds a follow-up session from this one: the same brief, and every kept
 * idea with open steps carried over with its decision and those steps (new
 * ids, so the two sessions never share records). A step reviewed "revise"
 * is carried to be revised; "continue" to keep going; "stop" stays behind.
 * The previous review is dropped from the copy: the new session's review
 * phase asks afresh, and the old session keeps the record. Owners keep
 * their names but lose their participant ids, which belong to the old
 * session; the facilitator reassigns them once they join the new one.
 */
export function followUpSeed(
  brief: Brief,
  ideas: readonly Idea[],
  decisions: readonly Decision[],
  steps: readonly NextStep[],
  opts: { now: string; carriedBy: string },
): FollowUpSeed {
  const ideaById = new Map(ideas.map((i) => [i.id as string, i]));
  const kept = decisions.filter((d) => d.verdict === 'keep' && ideaById.has(d.ideaId));
  const out: FollowUpSeed = { brief: structuredClone(brief), ideas: [], decisions: [], steps: [] };
  const columns = 4;
  for (const d of kept) {
    const open = steps.filter((s) => s.ideaId === d.ideaId && isOpenStep(s));
    if (open.length === 0) continue;
    const src = ideaById.get(d.ideaId) as Idea;
    const n = out.ideas.length;
    const id: IdeaId = createIdeaId();
    out.ideas.push({
      ...src,
      id,
      x: (n % columns) * (NOTE_SIZE.width + 40),
      y: Math.floor(n / columns) * (NOTE_SIZE.height + 40),
      lane: 'canvas',
      clusterId: null,
      createdAt: Date.parse(opts.now) || 0,
    });
    out.decisions.push({ ...d, ideaId: id });
    for (const s of open) {
      out.steps.push({ ...s, id: createStepId(), ideaId: id, ownerId: null, review: null, updatedAt: opts.now });
    }
  }
  return out;
}
