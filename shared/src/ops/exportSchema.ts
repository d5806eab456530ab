import { z } from 'zod';
import { STRATEGY_VERDICTS } from '../model/strategyCheck.ts';
import {
  type ExportBriefSchema,
  ExportDecisionSchema,
  type ExportGapSchema,
  ExportIdeaSchema,
  ExportInitiativeSchema,
  ExportMetricSchema,
  ExportStepSchema,
  exportDate,
  exportDateTime,
  type PlanExportV1,
  PlanExportV1Schema,
} from './planExportV1.ts';

/**
 * The exported plan, version 2: the one canonical shape every export format
 * (Markdown, CSV, iCalendar, PDF, JSON, webhook) is written from, so they
 * can never disagree with each other.
 *
 * v2 adds the strategy bridge to v1, and nothing else: the criteria a kept
 * idea serves and whether it was kept against the votes (override), the
 * strategic metric each step's success check feeds, per-metric roll-ups,
 * metrics nothing feeds and steps that feed no metric, and the strategy
 * checks in the brief's history. Every v1 field keeps its meaning, so
 * `toPlanExportV1` only removes. Contract as for v1: v2 never changes shape;
 * objects are closed; plain strings only, so the zod schema and the
 * published JSON Schema describe exactly the same documents.
 */
export const PLAN_EXPORT_VERSION = 2;
/** The JSON Schema `$id`: a URN, so it never depends on where a server is hosted. */
export const PLAN_SCHEMA_ID = 'urn:throughline:schema:plan:v2';
/** Where a running server publishes the JSON Schema. */
export const PLAN_SCHEMA_PATH = '/api/schemas/plan.v2.json';

const ExportDecisionV2Schema = ExportDecisionSchema.extend({
  servesCriteria: z
    .array(z.strictObject({ criterionId: z.string(), criterion: z.string() }))
    .describe('Criteria of the decision rule a kept idea serves (empty for park and drop).'),
  override: z.boolean().describe('Kept although the revealed votes and scores did not favour it (no votes, or a score below the median).'),
  overrideReason: z.string().describe('Why the facilitator kept it anyway; empty unless override.'),
}).meta({ title: 'Decision' });

const ExportStepV2Schema = ExportStepSchema.extend({
  successCheck: z.strictObject({
    measure: z.string(),
    target: z.string(),
    reviewDate: exportDate.nullable(),
    metric: z.string().nullable().describe("The brief's success metric this check is a leading indicator for, or null."),
  }),
}).meta({ title: 'Step' });

const ExportIdeaV2Schema = ExportIdeaSchema.extend({ decision: ExportDecisionV2Schema }).meta({ title: 'Idea' });

const ExportKeptIdeaV2Schema = ExportIdeaV2Schema.extend({ steps: z.array(ExportStepV2Schema) }).meta({ title: 'KeptIdea' });

const ExportInitiativeV2Schema = ExportInitiativeSchema.extend({
  ideas: z.array(ExportKeptIdeaV2Schema).describe('May be empty: an initiative nothing serves is shown, not hidden.'),
}).meta({ title: 'Initiative' });

const outcomeCounts = z.strictObject({
  continue: z.number().int().min(0),
  revise: z.number().int().min(0),
  stop: z.number().int().min(0),
});

const ExportMetricV2Schema = ExportMetricSchema.extend({
  fedBy: z
    .array(z.strictObject({ stepId: z.string(), ideaId: z.string(), title: z.string(), measure: z.string(), target: z.string() }))
    .describe('Steps whose success check is a leading indicator for this metric.'),
  outcomes: outcomeCounts.describe('Review outcomes over the evidence: the roll-up per strategic metric.'),
  awaitingReview: z.number().int().min(0).describe('Steps feeding this metric with no review yet.'),
}).meta({ title: 'StrategicMetric' });

export const ExportStrategyCheckSchema = z
  .strictObject({
    id: z.string(),
    verdict: z.enum(STRATEGY_VERDICTS).describe('Keep, adjust or replace the strategy.'),
    reason: z.string().describe("The facilitator's reason, in their words."),
    evidence: z.array(z.string()).describe('What the reviews said when the check was made, one line per metric and a total.'),
    suggested: z.enum(STRATEGY_VERDICTS).nullable().describe('What the review outcomes alone suggested; null when nothing was reviewed.'),
    fromSessionId: z.string(),
    toSessionId: z.string(),
    checkedAt: exportDateTime,
    checkedBy: z.string(),
  })
  .meta({ title: 'StrategyCheck', description: 'A check, when a follow-up began, of whether the evidence supports the strategy.' });

export const PlanExportSchema = PlanExportV1Schema.extend({
  version: z.literal(PLAN_EXPORT_VERSION),
  initiatives: z
    .array(ExportInitiativeV2Schema)
    .describe("Kept ideas grouped by initiative, in the brief's order; the unfiled group (id null) comes last."),
  parked: z.array(ExportIdeaV2Schema),
  dropped: z.array(ExportIdeaV2Schema),
  metrics: z
    .array(ExportMetricV2Schema)
    .describe("The brief's strategic success metrics, what feeds them and the evidence rolled up under them."),
  unfedMetrics: z.array(z.string()).describe('Names of success metrics no step feeds.'),
  unlinkedSteps: z
    .array(z.strictObject({ stepId: z.string(), ideaId: z.string(), title: z.string() }))
    .describe('Steps of kept ideas whose success check feeds no success metric.'),
  strategyChecks: z.array(ExportStrategyCheckSchema).describe("The brief's history of strategy checks, oldest first."),
}).meta({
  id: 'PlanExportV2',
  title: 'Throughline plan export, version 2',
  description:
    'A session plan with its whole chain: objective → initiative → kept idea → decision (criteria served, override) → steps (owner, due, success check feeding a strategic metric) → evidence per metric and strategy checks.',
});

/** A v2 plan export. Every format is written from one of these. */
export type PlanExport = z.infer<typeof PlanExportSchema>;
export type ExportBrief = z.infer<typeof ExportBriefSchema>;
export type ExportStep = z.infer<typeof ExportStepV2Schema>;
export type ExportIdea = z.infer<typeof ExportIdeaV2Schema>;
export type ExportKeptIdea = z.infer<typeof ExportKeptIdeaV2Schema>;
export type ExportInitiative = z.infer<typeof ExportInitiativeV2Schema>;
export type ExportMetric = z.infer<typeof ExportMetricV2Schema>;
export type ExportGap = z.infer<typeof ExportGapSchema>;
export type ExportStrategyCheck = z.infer<typeof ExportStrategyCheckSchema>;

/** Parses an exported plan (e.g. one an integration stored). Like the JSON Schema, it refuses unknown keys. */
export function parsePlanExport(input: unknown): { ok: true; value: PlanExport } | { ok: false; message: string } {
  const r = PlanExportSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: z.prettifyError(r.error) };
}

/**
 * The published JSON Schema for v2, generated from the zod types so the two
 * cannot drift. Deterministic: the committed copy in docs/ is compared to it.
 */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanExportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: PLAN_SCHEMA_ID, ...rest };
}

/**
 * The same plan as v1, for integrations that validate v1 strictly: v2's
 * additions removed, nothing else changed (v2 only adds).
 */
export function toPlanExportV1(plan: PlanExport): PlanExportV1 {
  const { unfedMetrics: _u, unlinkedSteps: _l, strategyChecks: _c, ...rest } = plan;
  const decision = ({ servesCriteria: _s, override: _o, overrideReason: _r, ...d }: ExportIdea['decision']) => d;
  const idea = <T extends ExportIdea>(i: T) => ({ ...i, decision: decision(i.decision) });
  // Spread first, then replace: keys keep their v1 order, so a v1 file is byte-for-byte what v1 wrote.
  const step = (s: ExportStep) => {
    const { metric: _m, ...check } = s.successCheck;
    return { ...s, successCheck: check };
  };
  return {
    ...rest,
    version: 1,
    initiatives: plan.initiatives.map((g) => ({ ...g, ideas: g.ideas.map((i) => ({ ...idea(i), steps: i.steps.map(step) })) })),
    parked: plan.parked.map(idea),
    dropped: plan.dropped.map(idea),
    metrics: plan.metrics.map(({ fedBy: _f, outcomes: _o, awaitingReview: _a, ...m }) => m),
  };
}
