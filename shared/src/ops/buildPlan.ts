import type { Brief, Initiative, SuccessMetric } from '../model/brief.ts';
import { type Cluster, type Idea, isSelectable, type Origin, type Provenance } from '../model/idea.ts';
import type { ClusterId, IdeaId, InitiativeId, StepId } from '../model/ids.ts';
import type { NextStep, ReviewOutcome, StepStatus } from '../model/nextStep.ts';
import type { Decision, Tally } from '../model/selection.ts';
import type { StrategyCheck } from '../model/strategyCheck.ts';
import { metricRollup } from './metricRollup.ts';
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
  /** The brief the plan answers, whole (title, objective, decision rule, …): shared, so never mutate it. */
  brief: Brief;
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

/** What turning ideas and steps into plan entries needs to look up. */
interface PlanLookups {
  tallyById: ReadonlyMap<string, Tally>;
  clusterTitle: ReadonlyMap<string, string>;
  initiativeById: ReadonlyMap<string, Initiative>;
  stepsByIdea: ReadonlyMap<string, readonly NextStep[]>;
  today: string | undefined;
}

function lookups(brief: Brief, tallies: readonly Tally[], steps: readonly NextStep[], options: BuildPlanOptions): PlanLookups {
  const stepsByIdea = new Map<string, NextStep[]>();
  for (const s of steps) {
    const list = stepsByIdea.get(s.ideaId) ?? [];
    list.push(s);
    stepsByIdea.set(s.ideaId, list);
  }
  return {
    tallyById: new Map(tallies.map((t) => [t.ideaId as string, t])),
    clusterTitle: new Map((options.clusters ?? []).map((c) => [c.id as string, c.title])),
    initiativeById: new Map(brief.initiatives.map((i) => [i.id as string, i])),
    stepsByIdea,
    today: options.today,
  };
}

/** A step with its status, what it lacks, and its initiative: its own, else its idea's (unknown ones count as none). */
function toPlanStep(s: NextStep, d: Decision, at: PlanLookups): PlanStep {
  const own = s.initiativeId && at.initiativeById.has(s.initiativeId) ? s.initiativeId : null;
  const inherited = d.initiativeId && at.initiativeById.has(d.initiativeId) ? d.initiativeId : null;
  const effective = own ?? inherited;
  const reviewDate = s.successCheck.reviewDate;
  return {
    ...s,
    status: stepStatus(s),
    missing: stepMissing(s),
    effectiveInitiativeId: effective,
    effectiveInitiativeTitle: effective ? (at.initiativeById.get(effective)?.title ?? null) : null,
    reviewDue: !!at.today && !!reviewDate && reviewDate <= at.today && !s.review,
  };
}

/** A decided idea with its tally; only a kept idea brings its steps. */
function toPlanIdea(idea: Idea, d: Decision, at: PlanLookups): PlanIdea {
  return {
    id: idea.id,
    text: idea.text,
    origin: idea.origin,
    provenance: idea.provenance,
    authorName: idea.authorName,
    clusterId: idea.clusterId,
    clusterTitle: idea.clusterId ? (at.clusterTitle.get(idea.clusterId) ?? null) : null,
    decision: d,
    tally: at.tallyById.get(idea.id) ?? null,
    steps:
      d.verdict === 'keep'
        ? [...(at.stepsByIdea.get(idea.id) ?? [])]
            .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))
            .map((s) => toPlanStep(s, d, at))
        : [],
  };
}

/** Kept, parked and dropped ideas, each oldest decision first. A decision whose note was deleted has nothing left to show. */
function byVerdict(ideas: readonly Idea[], decisions: readonly Decision[], at: PlanLookups) {
  const ideaById = new Map(ideas.map((i) => [i.id as string, i]));
  const out = { keep: [] as PlanIdea[], park: [] as PlanIdea[], drop: [] as PlanIdea[] };
  for (const d of decisions) {
    const idea = ideaById.get(d.ideaId);
    if (!idea) continue;
    const list = d.verdict === 'keep' ? out.keep : d.verdict === 'park' ? out.park : out.drop;
    list.push(toPlanIdea(idea, d, at));
  }
  for (const list of Object.values(out)) list.sort(byDecidedAt);
  return out;
}

/** One group per brief initiative, in brief order, then the kept ideas filed under none (only if there are any). */
function groupByInitiative(brief: Brief, kept: readonly PlanIdea[]): PlanInitiativeGroup[] {
  const groups: PlanInitiativeGroup[] = brief.initiatives.map((initiative) => ({ initiative, ideas: [] }));
  const loose: PlanIdea[] = [];
  for (const p of kept) {
    const at = p.decision.initiativeId ? brief.initiatives.findIndex((i) => i.id === p.decision.initiativeId) : -1;
    if (at >= 0) groups[at]?.ideas.push(p);
    else loose.push(p);
  }
  if (loose.length > 0) groups.push({ initiative: null, ideas: loose });
  return groups;
}

/** What stops the groups being a plan yet, in reading order. */
function findGaps(groups: readonly PlanInitiativeGroup[]): PlanGap[] {
  const gaps: PlanGap[] = [];
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
        gaps.push({ kind: 'kept-idea-without-step', ideaId: p.id, message: `"${snippet(p.text)}" is kept but has no next step.` });
      }
      for (const s of p.steps) {
        if (s.status !== 'intention') continue;
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
  return gaps;
}

function planTotals(keptIdeas: number, steps: readonly PlanStep[]): PlanTotals {
  const tactics = steps.filter((s) => s.status === 'tactic').length;
  return {
    keptIdeas,
    steps: steps.length,
    tactics,
    intentions: steps.length - tactics,
    reviewed: steps.filter((s) => s.review).length,
  };
}

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
  const decided = byVerdict(ideas, decisions, lookups(brief, tallies, steps, options));
  const initiatives = groupByInitiative(brief, decided.keep);
  const allSteps = initiatives.flatMap((g) => g.ideas.flatMap((p) => p.steps));
  const decidedIds = new Set(decisions.map((d) => d.ideaId as string));
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    brief,
    ...metricRollup(brief.successMetrics, allSteps),
    strategyChecks: [...(options.strategyChecks ?? [])],
    initiatives,
    parked: decided.park,
    dropped: decided.drop,
    undecided: ideas.filter((i) => isSelectable(i) && !decidedIds.has(i.id)).length,
    gaps: findGaps(initiatives),
    balance: workTypeBalance(allSteps),
    totals: planTotals(decided.keep.length, allSteps),
  };
}
