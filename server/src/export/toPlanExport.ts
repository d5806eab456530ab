import {
  type Brief,
  type ExportBrief,
  type ExportGap,
  type ExportIdea,
  type ExportKeptIdea,
  type ExportStep,
  type Phase,
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  type Plan,
  type PlanExport,
  type PlanIdea,
  type PlanStep,
} from '@throughline/shared';

/** What the plan itself does not know: which session it is, when it was exported, whether it was finalised. */
export interface PlanExportMeta {
  sessionId: string;
  phase: Phase;
  createdAt: string | null;
  finalised: {
    revision: number;
    finalisedAt: string;
    finalisedBy: string;
  } | null;
  /** Injected so golden files and webhook payloads are reproducible. */
  now: Date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A real calendar date or null: stored records were validated by a regex only, which lets 2025-02-30 through. */
export function calendarDateOrNull(s: string | null | undefined): string | null {
  if (!s || !ISO_DATE.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

/** An ISO instant in UTC or null, normalising anything `Date` understands. */
export function instantOrNull(s: string | number | null | undefined): string | null {
  if (s === null || s === undefined || s === '') return null;
  if (typeof s === 'string' && ISO_DATETIME.test(s) && !Number.isNaN(Date.parse(s))) return s;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function toIdea(plan: Plan, p: PlanIdea): ExportIdea {
  const t = p.tally;
  return {
    id: p.id,
    text: p.text,
    author: p.authorName,
    origin: p.origin,
    provenance: p.provenance
      ? {
          generator: p.provenance.generator,
          model: p.provenance.model,
          lens: p.provenance.lens,
          promptVersion: p.provenance.promptVersion,
        }
      : null,
    cluster: p.clusterTitle,
    decision: {
      verdict: p.decision.verdict,
      rationale: p.decision.rationale,
      decidedBy: p.decision.decidedByName,
      decidedAt: instantOrNull(p.decision.decidedAt),
      servesCriteria: p.decision.servesCriteria.map((id) => ({
        criterionId: id,
        criterion: plan.brief.decisionRule.criteria.find((c) => c.id === id)?.name ?? id,
      })),
      override: p.decision.override,
      overrideReason: p.decision.overrideReason,
    },
    selection: t
      ? {
          votes: t.votes,
          voters: t.voters,
          score: t.weightedScore,
          // Criteria in the brief's order, so every format lists them the same way.
          criterionScores: plan.brief.decisionRule.criteria
            .filter((c) => typeof t.criterionMeans[c.id] === 'number')
            .map((c) => ({ criterionId: c.id, criterion: c.name, mean: t.criterionMeans[c.id] as number })),
        }
      : null,
  };
}

function toStep(s: PlanStep): ExportStep {
  return {
    id: s.id,
    title: s.title,
    owner: s.ownerName,
    ownerId: s.ownerId,
    due: calendarDateOrNull(s.due),
    outputs: s.outputs.map((o) => ({
      kind: o.kind,
      description: o.description,
    })),
    successCheck: {
      measure: s.successCheck.measure,
      target: s.successCheck.target,
      reviewDate: calendarDateOrNull(s.successCheck.reviewDate),
      metric: s.successCheck.metric,
    },
    workType: s.workType,
    status: s.status,
    missing: [...s.missing],
    initiativeId: s.effectiveInitiativeId,
    review: s.review
      ? {
          outcome: s.review.outcome,
          learned: s.review.learned,
          metrics: [...s.review.metrics],
          recordedBy: s.review.recordedBy,
          recordedAt: instantOrNull(s.review.recordedAt),
        }
      : null,
    reviewDue: s.reviewDue,
    updatedAt: instantOrNull(s.updatedAt),
  };
}

/**
 * The brief as v1 publishes it. v1 is closed (docs/decisions/0600): a field
 * the brief gains later belongs to a later version, so this names v1's
 * fields rather than spreading the brief.
 */
function v1Brief(b: Brief): ExportBrief {
  return {
    title: b.title,
    objective: b.objective,
    audience: b.audience,
    constraints: [...b.constraints],
    decisionRule: {
      rule: b.decisionRule.rule,
      criteria: b.decisionRule.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
    },
    successMetrics: b.successMetrics.map((m) => ({ name: m.name, target: m.target })),
    horizon: b.horizon,
    initiatives: b.initiatives.map((i) => ({ id: i.id, title: i.title, description: i.description })),
  };
}

function toGap(g: Plan['gaps'][number]): ExportGap {
  return {
    kind: g.kind,
    message: g.message,
    initiativeId: g.kind === 'initiative-without-idea' ? g.initiativeId : null,
    ideaId: g.kind === 'initiative-without-idea' ? null : g.ideaId,
    stepId: g.kind === 'step-is-intention' ? g.stepId : null,
  };
}

/**
 * Turns the plan into the versioned export every format is written from.
 * Copies rather than shares arrays, so a writer can never mutate the plan.
 * The unfiled group is titled here, once, so every format names it alike.
 */
export function toPlanExport(plan: Plan, meta: PlanExportMeta): PlanExport {
  const initiatives = plan.initiatives.map((g) => ({
    id: g.initiative?.id ?? null,
    title: g.initiative?.title ?? 'Not filed under an initiative',
    description: g.initiative?.description ?? '',
    ideas: g.ideas.map(
      (p): ExportKeptIdea => ({
        ...toIdea(plan, p),
        steps: p.steps.map(toStep),
      }),
    ),
  }));
  return {
    format: PLAN_EXPORT_FORMAT,
    version: PLAN_EXPORT_VERSION,
    exportedAt: meta.now.toISOString(),
    session: {
      id: meta.sessionId,
      title: plan.brief.title,
      phase: meta.phase,
      createdAt: instantOrNull(meta.createdAt),
    },
    finalised: meta.finalised
      ? {
          revision: meta.finalised.revision,
          finalisedAt: instantOrNull(meta.finalised.finalisedAt) ?? meta.now.toISOString(),
          finalisedBy: meta.finalised.finalisedBy,
        }
      : null,
    brief: v1Brief(plan.brief),
    initiatives,
    parked: plan.parked.map((p) => toIdea(plan, p)),
    dropped: plan.dropped.map((p) => toIdea(plan, p)),
    undecided: plan.undecided,
    metrics: plan.successMetrics.map((m) => ({
      name: m.name,
      target: m.target,
      evidence: m.evidence.map((e) => ({
        stepId: e.stepId,
        stepTitle: e.stepTitle,
        ideaId: e.ideaId,
        outcome: e.outcome,
        learned: e.learned,
        recordedAt: instantOrNull(e.recordedAt),
      })),
      fedBy: m.fedBy.map((f) => ({ ...f })),
      outcomes: { ...m.outcomes },
      awaitingReview: m.awaitingReview,
    })),
    gaps: plan.gaps.map(toGap),
    balance: {
      counts: { ...plan.balance.counts },
      total: plan.balance.total,
      percents: { ...plan.balance.percents },
      missing: [...plan.balance.missing],
      dominant: plan.balance.dominant,
    },
    totals: { ...plan.totals },
    unfedMetrics: [...plan.unfedMetrics],
    unlinkedSteps: plan.unlinkedSteps.map((u) => ({ ...u })),
    strategyChecks: plan.strategyChecks.map((c) => ({
      ...c,
      evidence: [...c.evidence],
      checkedAt: instantOrNull(c.checkedAt) ?? meta.now.toISOString(),
    })),
  };
}
