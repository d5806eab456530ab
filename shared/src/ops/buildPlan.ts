import type { Brief, Criterion, Initiative, SuccessMetric } from '../model/brief.ts';
import { type Cluster, type Idea, isSelectable, type Origin, type Provenance } from '../model/idea.ts';
import type { ClusterId, IdeaId, InitiativeId, StepId } from '../model/ids.ts';
import type { NextStep, ReviewOutcome, StepStatus } from '../model/nextStep.ts';
import type { Decision, Tally } from '../model/selection.ts';
import type { StrategyCheck } from '../model/strategyCheck.ts';
import { type StepMissing, stepMissing, stepStatus } from './nextSteps.ts';
import { type WorkTypeBalance, workTypeBalance } from './workTypeBalance.ts';

/**
 * Version of the `Plan` shape. Exports (JSON schema, CSV, Markdown, iCal,
 * PDF) read this type; bump it with any breaking change to the fields below.
 */
export const PLAN_SCHEMA_VERSION = 1 as const;

/**
 * The plan, read top-down: objective → initiatives → kept ideas (with the
 * decision rationale) → next steps, plus the gaps that stop it being a plan
 * yet, the work-type balance, and the strategic metrics kept apart from the
 * steps' tactical checks. Pure data (JSON-serialisable, no Yjs, no Dates).
 */
export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  title: string;
  objective: string;
  audience: string;
  horizon: string;
  constraints: string[];
  decisionRule: { rule: string; criteria: Criterion[] };
  /** Strategic outcome measures from the brief, each with the steps that feed it and the reviews rolled up under it. */
  successMetrics: PlanMetric[];
  /** Names of success metrics no step's success check feeds: outcomes nobody is working toward. */
  unfedMetrics: string[];
  /** Steps of kept ideas whose success check names no success metric: work that traces to no outcome. */
  unlinkedSteps: { stepId: StepId; ideaId: IdeaId; title: string }[];
  /** The strategy checks in the brief's history, oldest first: how the strategy has learned. */
  strategyChecks: StrategyCheck[];
  /**
   * One group per brief initiative, in brief order (empty groups included so
   * an initiative nothing serves is visible), then — only when non-empty — a
   * last group with `initiative: null` for kept ideas tied to no (or to an
   * unknown) initiative.
   */
  initiatives: PlanInitiativeGroup[];
  /** Parked ideas, newest decision last; not part of the plan but part of its record. */
  parked: PlanIdea[];
  /** Dropped ideas with why not; not part of the plan but part of its record. */
  dropped: PlanIdea[];
  /** Selectable ideas nobody has decided on yet. */
  undecided: number;
  /** Everything that makes this an unfinished plan, in reading order. */
  gaps: PlanGap[];
  /** Work-type split over every step of every kept idea. */
  balance: WorkTypeBalance;
  totals: PlanTotals;
}

export interface PlanTotals {
  keptIdeas: number;
  steps: number;
  /** Steps with an owner, a due date and a complete success check. */
  tactics: number;
  /** Steps still missing one of those. */
  intentions: number;
  /** Steps whose owner has recorded a review. */
  reviewed: number;
}

export interface PlanInitiativeGroup {
  /** The brief's initiative, or null for the "no initiative" group. */
  initiative: Initiative | null;
  ideas: PlanIdea[];
}

/** An idea as the plan shows it: its decision, its revealed tally, and its steps. */
export interface PlanIdea {
  id: IdeaId;
  text: string;
  origin: Origin;
  provenance: Provenance | null;
  authorName: string;
  clusterId: ClusterId | null;
  /** The cluster's title when `clusters` were given and the cluster still exists. */
  clusterTitle: string | null;
  decision: Decision;
  /** The revealed tally, or null when votes were never revealed or nobody voted or scored it. */
  tally: Tally | null;
  /** Steps in creation order (by `updatedAt`, then id, as steps carry no creation time). */
  steps: PlanStep[];
}

/** A next step with its status worked out and its initiative resolved. */
export interface PlanStep extends NextStep {
  /** `tactic` only when `missing` is empty. */
  status: StepStatus;
  missing: StepMissing[];
  /** The step's own initiative, else its idea's decision initiative; null when neither names a brief initiative. */
  effectiveInitiativeId: InitiativeId | null;
  effectiveInitiativeTitle: string | null;
  /** True when `today` was given, the review date has come and no review is recorded. */
  reviewDue: boolean;
}

/**
 * A strategic success metric, the steps whose success checks are leading
 * indicators for it, and the review evidence rolled up under it: reviews of
 * those steps plus any review that says it touches the metric.
 */
export interface PlanMetric extends SuccessMetric {
  /** Steps whose success check names this metric. */
  fedBy: { stepId: StepId; ideaId: IdeaId; title: string; measure: string; target: string }[];
  evidence: PlanEvidence[];
  /** Review outcomes over `evidence`. */
  outcomes: Record<ReviewOutcome, number>;
  /** Steps feeding this metric that nobody has reviewed yet. */
  awaitingReview: number;
}

export interface PlanEvidence {
  stepId: StepId;
  stepTitle: string;
  ideaId: IdeaId;
  outcome: ReviewOutcome;
  learned: string;
  recordedAt: string;
}

/** Something the plan still lacks; `message` is ready to show. */
export type PlanGap =
  | {
      kind: 'initiative-without-idea';
      initiativeId: InitiativeId;
      message: string;
    }
  | { kind: 'kept-idea-without-step'; ideaId: IdeaId; message: string }
  | {
      kind: 'step-is-intention';
      ideaId: IdeaId;
      stepId: StepId;
      missing: StepMissing[];
      message: string;
    };

export interface BuildPlanOptions {
  /** Board clusters, to name each idea's cluster. */
  clusters?: readonly Cluster[];
  /** Today as YYYY-MM-DD, to flag steps whose review is due; omitted → no step is flagged. */
  today?: string;
  /** The brief's history of strategy checks (`readBriefHistory`), oldest first. */
  strategyChecks?: readonly StrategyCheck[];
}

const snippet = (s: string, n = 60) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

const MISSING_WORDS: Record<StepMissing, string> = {
  owner: 'an owner',
  due: 'a due date',
  successCheck: 'a success check',
};

/** Lists missing parts in prose: "an owner and a due date". */
export function describeMissing(missing: readonly StepMissing[]): string {
  const words = missing.map((m) => MISSING_WORDS[m]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const byDecidedAt = (a: PlanIdea, b: PlanIdea) => a.decision.decidedAt.localeCompare(b.decision.decidedAt) || a.id.localeCompare(b.id);

/**
 * Assembles the plan from the session's state. Only ideas with a decision
 * appear; steps whose idea is not kept (decision changed after planning) are
 * left out rather than shown under a parked or dropped idea. Deterministic:
 * the same inputs always give the same plan, in the same order.
 */
export function buildPlan(
  brief: Brief,
  ideas: readonly Idea[],
  tallies: readonly Tally[],
  decisions: readonly Decision[],
  steps: readonly NextStep[],
  options: BuildPlanOptions = {},
): Plan {
  const ideaById = new Map(ideas.map((i) => [i.id as string, i]));
  const tallyById = new Map(tallies.map((t) => [t.ideaId as string, t]));
  const clusterTitle = new Map((options.clusters ?? []).map((c) => [c.id as string, c.title]));
  const initiativeById = new Map(brief.initiatives.map((i) => [i.id as string, i]));
  const stepsByIdea = new Map<string, NextStep[]>();
  for (const s of steps) {
    const list = stepsByIdea.get(s.ideaId) ?? [];
    list.push(s);
    stepsByIdea.set(s.ideaId, list);
  }

  const toPlanStep = (s: NextStep, d: Decision): PlanStep => {
    const missing = stepMissing(s);
    const own = s.initiativeId && initiativeById.has(s.initiativeId) ? s.initiativeId : null;
    const inherited = d.initiativeId && initiativeById.has(d.initiativeId) ? d.initiativeId : null;
    const effective = own ?? inherited;
    const reviewDate = s.successCheck.reviewDate;
    return {
      ...s,
      status: stepStatus(s),
      missing,
      effectiveInitiativeId: effective,
      effectiveInitiativeTitle: effective ? (initiativeById.get(effective)?.title ?? null) : null,
      reviewDue: !!options.today && !!reviewDate && reviewDate <= options.today && !s.review,
    };
  };

  const toPlanIdea = (idea: Idea, d: Decision): PlanIdea => ({
    id: idea.id,
    text: idea.text,
    origin: idea.origin,
    provenance: idea.provenance,
    authorName: idea.authorName,
    clusterId: idea.clusterId,
    clusterTitle: idea.clusterId ? (clusterTitle.get(idea.clusterId) ?? null) : null,
    decision: d,
    tally: tallyById.get(idea.id) ?? null,
    steps:
      d.verdict === 'keep'
        ? (stepsByIdea.get(idea.id) ?? [])
            .slice()
            .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))
            .map((s) => toPlanStep(s, d))
        : [],
  });

  const kept: PlanIdea[] = [];
  const parked: PlanIdea[] = [];
  const dropped: PlanIdea[] = [];
  const decided = new Set<string>();
  for (const d of decisions) {
    const idea = ideaById.get(d.ideaId);
    // A decision whose note was deleted has nothing left to plan or show.
    if (!idea) continue;
    decided.add(idea.id);
    const p = toPlanIdea(idea, d);
    if (d.verdict === 'keep') kept.push(p);
    else if (d.verdict === 'park') parked.push(p);
    else dropped.push(p);
  }
  kept.sort(byDecidedAt);
  parked.sort(byDecidedAt);
  dropped.sort(byDecidedAt);

  const groups: PlanInitiativeGroup[] = brief.initiatives.map((initiative) => ({
    initiative,
    ideas: [],
  }));
  const loose: PlanIdea[] = [];
  for (const p of kept) {
    const at = p.decision.initiativeId ? brief.initiatives.findIndex((i) => i.id === p.decision.initiativeId) : -1;
    if (at >= 0) groups[at]?.ideas.push(p);
    else loose.push(p);
  }
  if (loose.length > 0) groups.push({ initiative: null, ideas: loose });

  const gaps: PlanGap[] = [];
  const allSteps: PlanStep[] = [];
  for (const g of groups) {
    if (g.initiative && g.ideas.length === 0) {
      gaps.push({
        kind: 'initiative-without-idea',
        initiativeId: g.initiative.id,
        message: `No kept idea serves the initiative "${snippet(g.initiative.title)}".`,
      });
    }
    for (const p of g.ideas) {
      if (p.steps.length === 0) {
        gaps.push({
          kind: 'kept-idea-without-step',
          ideaId: p.id,
          message: `"${snippet(p.text)}" is kept but has no next step.`,
        });
      }
      for (const s of p.steps) {
        allSteps.push(s);
        if (s.status === 'intention') {
          gaps.push({
            kind: 'step-is-intention',
            ideaId: p.id,
            stepId: s.id,
            missing: s.missing,
            message: `"${snippet(s.title || p.text)}" is an intention until it has ${describeMissing(s.missing)}.`,
          });
        }
      }
    }
  }

  const metricNames = new Set(brief.successMetrics.map((m) => m.name));
  const successMetrics: PlanMetric[] = brief.successMetrics.map((m) => {
    const feeding = allSteps.filter((s) => s.successCheck.metric === m.name);
    const evidence = allSteps
      .filter((s) => s.review && (s.successCheck.metric === m.name || s.review.metrics.includes(m.name)))
      .map((s) => ({
        stepId: s.id,
        stepTitle: s.title,
        ideaId: s.ideaId,
        outcome: s.review?.outcome ?? 'continue',
        learned: s.review?.learned ?? '',
        recordedAt: s.review?.recordedAt ?? '',
      }));
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
  // A link to a metric the brief no longer has feeds nothing.
  const unlinkedSteps = allSteps
    .filter((s) => !s.successCheck.metric || !metricNames.has(s.successCheck.metric))
    .map((s) => ({ stepId: s.id, ideaId: s.ideaId, title: s.title }));

  const undecided = ideas.filter((i) => isSelectable(i) && !decided.has(i.id)).length;
  const tactics = allSteps.filter((s) => s.status === 'tactic').length;

  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    title: brief.title,
    objective: brief.objective,
    audience: brief.audience,
    horizon: brief.horizon,
    constraints: [...brief.constraints],
    decisionRule: brief.decisionRule,
    successMetrics,
    unfedMetrics: successMetrics.filter((m) => m.fedBy.length === 0).map((m) => m.name),
    unlinkedSteps,
    strategyChecks: [...(options.strategyChecks ?? [])],
    initiatives: groups,
    parked,
    dropped,
    undecided,
    gaps,
    balance: workTypeBalance(allSteps),
    totals: {
      keptIdeas: kept.length,
      steps: allSteps.length,
      tactics,
      intentions: allSteps.length - tactics,
      reviewed: allSteps.filter((s) => s.review).length,
    },
  };
}
