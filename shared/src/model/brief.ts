import { z } from 'zod';
import { CriterionIdSchema, createCriterionId, createInitiativeId, InitiativeIdSchema } from './ids.ts';

const text = (max: number) => z.string().trim().max(max);

/** One weighted criterion of the decision rule. Weights are relative: only their ratio matters. */
export const CriterionSchema = z.object({
  id: CriterionIdSchema.optional(),
  name: text(80).min(1, 'a criterion needs a name'),
  description: text(500).default(''),
  weight: z.number().min(0).max(100).default(1),
});
export type Criterion = z.output<typeof CriterionSchema> & { id: NonNullable<z.output<typeof CriterionSchema>['id']> };

/** How selection chooses: a one-line rule plus the criteria ideas are scored against. */
export const DecisionRuleSchema = z.object({
  rule: text(300).default(''),
  criteria: z.array(CriterionSchema).max(12).default([]),
});

/** A strategic outcome measure (retention, share…), deliberately apart from steps' tactical checks. */
export const SuccessMetricSchema = z.object({
  name: text(120).min(1, 'a success metric needs a name'),
  target: text(120).default(''),
});
export type SuccessMetric = z.output<typeof SuccessMetricSchema>;

/** One of the few initiatives that make the strategy real; kept ideas and steps hang under them. */
export const InitiativeSchema = z.object({
  id: InitiativeIdSchema.optional(),
  title: text(120).min(1, 'an initiative needs a title'),
  description: text(500).default(''),
});
export type Initiative = z.output<typeof InitiativeSchema> & { id: NonNullable<z.output<typeof InitiativeSchema>['id']> };

/**
 * The strategic brief a session opens with. Schema-valid is not the same as
 * good: `checkBrief` adds the strategic warnings (vague objective, tactics
 * posing as strategy, …) that a facilitator sees but may choose to ignore.
 */
export const BriefInputSchema = z.object({
  title: text(120).default(''),
  objective: text(600).min(1, 'the objective is required'),
  audience: text(300).min(1, 'the audience is required'),
  constraints: z.array(text(300).min(1)).max(20).default([]),
  decisionRule: DecisionRuleSchema.default({ rule: '', criteria: [] }),
  successMetrics: z.array(SuccessMetricSchema).max(12).default([]),
  horizon: text(80).default(''),
  initiatives: z.array(InitiativeSchema).max(12).default([]),
});
export type BriefInput = z.input<typeof BriefInputSchema>;

/** A stored brief: every criterion and initiative has an id so votes, scores and steps can point at it. */
export interface Brief {
  title: string;
  objective: string;
  audience: string;
  constraints: string[];
  decisionRule: { rule: string; criteria: Criterion[] };
  successMetrics: SuccessMetric[];
  horizon: string;
  initiatives: Initiative[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** A field-level validation problem: `path` is dotted (`decisionRule.criteria.0.name`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

/** Validates and normalises a brief, assigning ids to criteria and initiatives that lack them. */
export function parseBrief(input: unknown): ParseResult<Brief> {
  const parsed = BriefInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const b = parsed.data;
  return {
    ok: true,
    value: {
      ...b,
      title: b.title || deriveTitle(b.objective),
      decisionRule: {
        rule: b.decisionRule.rule,
        criteria: b.decisionRule.criteria.map((c) => ({ ...c, id: c.id ?? createCriterionId() })),
      },
      initiatives: b.initiatives.map((i) => ({ ...i, id: i.id ?? createInitiativeId() })),
    },
  };
}

/** A short title from the objective's first words, for exports and file names. */
export function deriveTitle(objective: string): string {
  const words = objective.trim().split(/\s+/).slice(0, 8).join(' ');
  return words.length > 80 ? `${words.slice(0, 77)}…` : words;
}
